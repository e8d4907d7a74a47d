// Quiet writes of hand-edited annotation files: a write changes only the entries that changed. Untouched entries
// keep their text byte for byte (two spaces before a comment, blank lines, comment lines above them, quoting,
// their key order), the lines before and after the entries are kept, and a changed entry is written canonically.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { diffLines } from '../../../src/core/annotations/conflict-markers';
import { editedText, parseStore } from './helpers';

/** A file as a person edits it: odd spacing, blank lines, comments above and after entries, single quotes. */
const HAND_EDITED = `# Tags of the letter, kept by hand.

version: 1
document:
  id: kst-29754-716   # the letter
  path: kst-29754-716.md
annotations:
  # Found in the first reading.
  - id: a1b2c3d4e5
    tag: measure
    quote: 'Een gespecialiseerde afdeling'
    prefix: ""
    suffix: " van de IND"
    start: 100
    end: 129

  - id: b1b2c3d4e5
    tag: commitment   # confirmed in the debate
    quote: "De komende periode wordt gewerkt aan een nadere uitwerking hiervan."
    prefix: ""
    suffix: ""
    start: 400
    end: 467
    note: 'leerlijn screening'

  # Second reading:
  # disputed by Jan.
  - id: c1b2c3d4e5
    status: disputed
    tag: conclusion
    quote: "Alle partners concludeerden"
    prefix: ""
    suffix: ""
    start: 900
    end: 927
review-round: 2    # unknown top-level key
`;

/** The lines that changed from `before` to `after` (removed with '-', added with '+'). */
function changedLines(before: string, after: string): string[] {
  return diffLines(before.split('\n'), after.split('\n'))
    .filter((op) => op.kind !== '=')
    .map((op) => `${op.kind}${op.line}`);
}

describe('quiet writes of hand-edited annotation files', () => {
  it('a file written without edits is byte-identical', () => {
    assert.equal(parseStore(HAND_EDITED).toString(), HAND_EDITED);
  });

  it('an edit changes only the lines of the entry edited; spacing, blank lines and comments elsewhere stay', () => {
    const after = editedText((s) => s.update('b1b2c3d4e5', { note: 'leerlijn screening uitwerken' }), HAND_EDITED);
    // The edited entry is written anew: its comment after one space, its hand-chosen quoting kept.
    assert.deepEqual(changedLines(HAND_EDITED, after), [
      '-    tag: commitment   # confirmed in the debate',
      '+    tag: commitment # confirmed in the debate',
      "-    note: 'leerlijn screening'",
      "+    note: 'leerlijn screening uitwerken'",
    ]);
    assert.equal(parseStore(after).get('b1b2c3d4e5')!.note, 'leerlijn screening uitwerken');
  });

  it('setting a value to what it is changes nothing', () => {
    const after = editedText((s) => {
      const a = s.get('c1b2c3d4e5')!;
      s.update('c1b2c3d4e5', { status: 'disputed', start: a.start, end: a.end, quote: a.quote });
    }, HAND_EDITED);
    assert.equal(after, HAND_EDITED);
  });

  it('a new entry is added where it sorts, every other line kept', () => {
    const after = editedText((s) => s.add({ id: 'd1b2c3d4e5', tag: 'measure', quote: 'nieuw', prefix: '', suffix: '', start: 500, end: 505 }), HAND_EDITED);
    const changed = changedLines(HAND_EDITED, after);
    assert.ok(
      changed.every((l) => l.startsWith('+')),
      changed.join('\n'),
    );
    const ids = parseStore(after)
      .annotations()
      .map((a) => a.id);
    assert.deepEqual(ids, ['a1b2c3d4e5', 'b1b2c3d4e5', 'd1b2c3d4e5', 'c1b2c3d4e5']);
    assert.ok(after.indexOf('id: d1b2c3d4e5') > after.indexOf('id: b1b2c3d4e5') && after.indexOf('id: d1b2c3d4e5') < after.indexOf('# Second reading'));
  });

  it('a removed entry takes its comment lines along, and nothing else changes', () => {
    const after = editedText((s) => s.remove('c1b2c3d4e5'), HAND_EDITED);
    const changed = changedLines(HAND_EDITED, after);
    assert.ok(
      changed.every((l) => l.startsWith('-')),
      changed.join('\n'),
    );
    assert.ok(!after.includes('Second reading') && after.includes('review-round: 2    # unknown top-level key'), after);
  });

  it('a file with CRLF line breaks keeps them, also in the entry written anew', () => {
    const crlf = HAND_EDITED.replace(/\n/g, '\r\n');
    const after = editedText((s) => s.update('a1b2c3d4e5', { tag: 'conclusion' }), crlf);
    assert.ok(!/[^\r]\n/.test(after), 'a bare LF was written');
    const lf = editedText((s) => s.update('a1b2c3d4e5', { tag: 'conclusion' }), HAND_EDITED);
    assert.deepEqual(
      changedLines(crlf, after),
      changedLines(HAND_EDITED, lf).map((l) => `${l}\r`),
    );
    assert.ok(changedLines(HAND_EDITED, lf).includes('+    tag: conclusion'));
    assert.equal(parseStore(after).get('a1b2c3d4e5')!.tag, 'conclusion');
  });

  it('a change to the letter reference writes the whole file canonically', () => {
    const after = editedText((s) => s.setLetter({ path: 'letters/kst-29754-716.md' }), HAND_EDITED);
    assert.equal(after, parseStore(after).renderWhole());
  });

  it('entries in another order than by start keep their text and are written in order', () => {
    const swapped = HAND_EDITED.replace('start: 100\n    end: 129', 'start: 1000\n    end: 1029');
    const after = editedText((s) => s.update('b1b2c3d4e5', { status: 'agreed' }), swapped);
    const ids = [...after.matchAll(/- id: (\w+)/g)].map((m) => m[1]);
    assert.deepEqual(ids, ['b1b2c3d4e5', 'c1b2c3d4e5', 'a1b2c3d4e5']);
    assert.ok(after.includes("  # Found in the first reading.\n  - id: a1b2c3d4e5\n    tag: measure\n    quote: 'Een gespecialiseerde afdeling'"), after);
  });

  it('random hand formatting and random edits: the file always holds exactly the edited tags, untouched entries verbatim', () => {
    const entry = (i: number, style: { spaces: number; blank: boolean; comment: boolean; single: boolean }) =>
      [
        ...(style.blank ? [''] : []),
        ...(style.comment ? [`  # about entry ${i}`] : []),
        `  - id: e${i}b2c3d4e5`,
        `    tag: measure${' '.repeat(style.spaces)}# tag ${i}`,
        `    quote: ${style.single ? `'zin ${i}'` : `"zin ${i}"`}`,
        '    prefix: ""',
        '    suffix: ""',
        `    start: ${i * 10}`,
        `    end: ${i * 10 + 5}`,
      ].join('\n');
    const style = fc.record({ spaces: fc.integer({ min: 1, max: 4 }), blank: fc.boolean(), comment: fc.boolean(), single: fc.boolean() });
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('note' as const), i: fc.nat(7), note: fc.string({ maxLength: 8 }) }),
      fc.record({ kind: fc.constant('remove' as const), i: fc.nat(7) }),
      fc.record({ kind: fc.constant('move' as const), i: fc.nat(7), start: fc.nat(100) }),
      fc.record({ kind: fc.constant('add' as const), start: fc.nat(100) }),
    );
    fc.assert(
      fc.property(fc.array(style, { minLength: 8, maxLength: 8 }), fc.array(edit, { maxLength: 4 }), (styles, edits) => {
        const text = `version: 1\ndocument:\n  path: x.md\nannotations:\n${styles.map((st, i) => entry(i, st)).join('\n')}\n`;
        const store = parseStore(text);
        const touched = new Set<string>();
        for (const e of edits) {
          const id = e.kind === 'add' ? undefined : `e${e.i}b2c3d4e5`;
          if (id && !store.has(id)) continue;
          if (id) touched.add(id);
          if (e.kind === 'note') store.update(id!, { note: e.note });
          else if (e.kind === 'remove') store.remove(id!);
          else if (e.kind === 'move') store.update(id!, { start: e.start, end: e.start + 5 });
          else store.add({ tag: 'commitment', quote: 'nieuw', prefix: '', suffix: '', start: e.start, end: e.start + 5 });
        }
        const out = store.toString();
        assert.deepEqual(parseStore(out).data(), store.data());
        styles.forEach((st, i) => {
          const id = `e${i}b2c3d4e5`;
          if (!touched.has(id)) assert.ok(out.includes(entry(i, { ...st, blank: false })), `entry ${i} was rewritten:\n${out}`);
        });
      }),
      { numRuns: 300, seed: 20261202 },
    );
  });
});
