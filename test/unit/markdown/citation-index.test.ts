// The incremental index gives exactly what a full scan gives, after any edit, while re-parsing little.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { analyseMarkdown, CitationIndex, type IndexSnapshot, type TextChange } from '../../../src/core/markdown';

const letter = readFileSync('test/fixtures/corpus/kst-29754-716.md', 'utf8');
const note = readFileSync('test/fixtures/citations/note.md', 'utf8');

function same(snapshot: IndexSnapshot, text: string): void {
  const full = analyseMarkdown(text);
  assert.deepEqual(JSON.parse(JSON.stringify(snapshot.refs)), JSON.parse(JSON.stringify(full.refs)));
  assert.deepEqual(
    snapshot.problems.map((p) => [p.code, p.start, p.end, p.args]),
    full.problems.map((p) => [p.code, p.start, p.end, p.args]),
  );
  assert.deepEqual(snapshot.code, full.code);
  assert.equal(snapshot.frontMatter?.selfId, full.frontMatter?.selfId);
}

function edit(text: string, at: number, del: number, ins: string): { text: string; change: TextChange } {
  return { text: text.slice(0, at) + ins + text.slice(at + del), change: { rangeOffset: at, rangeLength: del, text: ins } };
}

describe('citation index', () => {
  it('caches per version', () => {
    const index = new CitationIndex();
    const a = index.update(note, 1);
    assert.equal(a.stats.mode, 'full');
    const b = index.update(note, 1);
    assert.equal(b, a);
  });

  const edits: Array<[string, (t: string) => { text: string; change: TextChange }]> = [
    ['typing in a paragraph', (t) => edit(t, t.indexOf('evaluaties'), 0, 'x')],
    ['changing an ondernummer', (t) => edit(t, t.indexOf('nr. 680') + 4, 3, '681')],
    ['deleting a blank line merges two paragraphs', (t) => edit(t, t.indexOf('\n\nDe aangehouden'), 1, '')],
    ['opening a fence that is never closed', (t) => edit(t, t.indexOf('- Begroting'), 0, '```\n')],
    ['closing code by deleting a fence', (t) => edit(t, t.indexOf('```text'), 7, '')],
    ['changing the footnote text changes the motion id', (t) => edit(t, t.lastIndexOf('nr. 683') + 4, 3, '690')],
    ['renaming the footnote label unresolves the motion', (t) => edit(t, t.lastIndexOf('[^vh]'), 5, '[^xx]')],
    ['typing in the blank gap after a paragraph', (t) => edit(t, t.indexOf('\n\n- Begroting') + 1, 0, 'nr. 5 ')],
    ['indenting a paragraph into the list before it', (t) => edit(t, t.indexOf('Het voorbeeld'), 0, '  ')],
    ['editing the front matter', (t) => edit(t, t.indexOf('title:'), 0, 'kamerstuk: kst-36200-V-57\n')],
    ['inserting a whole new block', (t) => edit(t, t.indexOf('> Citaat'), 0, 'Nieuw: kst-33802-C en (35300-A, nr. 15).\n\n')],
    ['deleting everything', (t) => edit(t, 0, t.length, '')],
    ['appending at the end', (t) => edit(t, t.length, 0, '\nmotie-Klaver (29 754, nr. 700)\n')],
  ];
  for (const [name, make] of edits) {
    it(`${name}: same result as a full scan`, () => {
      for (const base of [note, letter]) {
        const index = new CitationIndex();
        index.update(base, 1);
        const { text, change } = make(base);
        same(index.update(text, 2, [change]), text);
        const again = new CitationIndex();
        again.update(base, 1);
        same(again.update(text, 2), text); // without change hints: the index finds the edit itself
      }
    });
  }

  it('a one-character edit in a large note re-parses only a few blocks', () => {
    let big = '';
    while (big.length < 200_000) big += note.replace(/^---[\s\S]*?---\n/, '') + '\n';
    const index = new CitationIndex();
    index.update(big, 1);
    const at = big.indexOf('evaluaties', 100_000);
    const { text, change } = edit(big, at, 0, 'x');
    const snap = index.update(text, 2, [change]);
    assert.equal(snap.stats.mode, 'incremental');
    assert.ok(snap.stats.reparsedChars < 2_000, `re-parsed ${snap.stats.reparsedChars} characters`);
    same(snap, text);
  });

  it('wrong change hints are detected', () => {
    const index = new CitationIndex();
    index.update(note, 1);
    const { text } = edit(note, note.indexOf('nr. 680') + 4, 3, '681');
    same(index.update(text, 2, [{ rangeOffset: 0, rangeLength: 1, text: 'X' }]), text);
  });

  it('random edit sequences: always the same as a full scan', function () {
    this.timeout(120_000);
    const pieces = [
      'x',
      ' ',
      '\n',
      '\n\n',
      '```\n',
      '    ',
      '- ',
      '> ',
      '[^vh]',
      '[^vh]: kst-29754-690\n',
      'Kamerstuk 29 754, nr. 7',
      '`',
      '---\n',
      '#',
      'motie Van Haga',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(note, letter),
        fc.array(fc.record({ at: fc.nat(), del: fc.nat(30), ins: fc.constantFrom(...pieces) }), { minLength: 1, maxLength: 5 }),
        (base, steps) => {
          const index = new CitationIndex();
          let text = base;
          index.update(text, 0);
          steps.forEach((s, v) => {
            const at = s.at % (text.length + 1);
            const e = edit(text, at, Math.min(s.del, text.length - at), s.ins);
            text = e.text;
            same(index.update(text, v + 1, [e.change]), text);
          });
        },
      ),
      { numRuns: 300, seed: 42 },
    );
  });
});
