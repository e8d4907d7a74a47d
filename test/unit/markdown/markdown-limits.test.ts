// Markdown the parser cannot take whole: trees deeper than the call stack (nested lists and block quotes), and the
// parser's superlinear shapes (long runs of link brackets or emphasis, thousands of definitions). Each returns, with
// its citations found; what is not parsed is reported as a scan limit. No timing assertions: before the fix these
// inputs overflowed the stack or took seconds, now they take milliseconds (see the bench).
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { analyseMarkdown, CitationIndex, SCAN_LIMIT_MESSAGES, type MarkdownScan } from '../../../src/core/markdown';
import { scanBlock, type BlockResult } from '../../../src/core/markdown/blocks';
import { MAX_CONTAINERS_PER_LINE, MAX_DEFINITIONS_PER_PARSE, MAX_MARKUP_PER_PARAGRAPH, planParse } from '../../../src/core/markdown/budget';
import { assemble } from '../../../src/core/markdown/document';
import { parseMarkdownTree } from '../../../src/core/markdown/parse';
import { mayStartWithFrontMatter } from '../../../src/core/markdown/shape';
import { blockStructure } from '../../../src/core/markdown/structure';
import { runCli, tempDir } from '../annotations/helpers';

const CITATION = 'Kamerstuk 29 754, nr. 686';

const ids = (scan: MarkdownScan) => scan.refs.map((r) => r.id);
const limits = (scan: MarkdownScan) => scan.limits.map((l) => [l.code, l.start, l.end]);

/** The scan of the whole text parsed at once, as before budgets (front matter only where it can be). */
function wholeParse(text: string): MarkdownScan {
  const ctx: { selfId?: string } = {};
  const blocks: BlockResult[] = [];
  for (const node of parseMarkdownTree(text, mayStartWithFrontMatter(text)).children) {
    const b = scanBlock(text, text, node, 0, ctx);
    if (b.frontMatter?.selfId) ctx.selfId = b.frontMatter.selfId;
    blocks.push(b);
  }
  return assemble(blocks);
}

/** What a scan found, comparable with deepEqual. */
function summary(scan: MarkdownScan): unknown {
  return {
    refs: JSON.parse(JSON.stringify(scan.refs)),
    problems: scan.problems.map((p) => [p.code, p.start, p.end, p.args]),
    code: scan.code,
    footnotes: [...scan.footnotes].map(([label, f]) => [label, f.start, f.end, f.targets]),
  };
}

describe('markdown beyond the parser', () => {
  describe('deep trees', () => {
    it('4 KB of nested list markers: the citation is found (the block walk used to overflow the stack)', () => {
      const text = `${'- '.repeat(2048)}${CITATION}\n`;
      const scan = analyseMarkdown(text);
      assert.deepEqual(ids(scan), ['kst-29754-686']);
      assert.deepEqual(limits(scan), [['nesting-too-deep', 0, text.length - 1]]);
      assert.deepEqual(scan.limits[0].args, [String(MAX_CONTAINERS_PER_LINE)]);
    });

    it('4 KB of nested ordered list markers, and 10 KB of nested block quotes: found', () => {
      for (const prefix of ['1. '.repeat(1400), '>'.repeat(10240) + ' ']) {
        const text = `Inleiding.\n\n${prefix}${CITATION}\n\nSlot: Kamerstuk 31 015, nr. 2.\n`;
        const scan = analyseMarkdown(text);
        assert.deepEqual(ids(scan), ['kst-29754-686', 'kst-31015-2']);
        assert.deepEqual(
          scan.limits.map((l) => l.code),
          ['nesting-too-deep'],
        );
      }
    });

    it('the block walk keeps its own stack: a 10,000-deep tree of block quotes, with code and a link at the bottom', () => {
      const depth = 10_000;
      const text = `${'>'.repeat(depth)} zie \`Kamerstuk 1, nr. 2\` en [de brief](https://zoek.officielebekendmakingen.nl/kst-29754-686.html)\n`;
      const tree = parseMarkdownTree(text, false); // the parser alone, without the budget: the tree is this deep
      const structure = blockStructure(tree.children[0], text, 100);
      const code = text.indexOf('`');
      const link = text.indexOf('[de brief]');
      assert.deepEqual(structure.code, [{ start: 100 + code, end: 100 + text.indexOf('`', code + 1) + 1 }]);
      assert.deepEqual(structure.links, [{ start: 100 + link, end: 100 + text.length - 1 }]);
    });

    it('kamerstuk refs lists the citations of deeply nested notes (it exited with 70)', async () => {
      const t = tempDir('nested');
      try {
        writeFileSync(join(t.dir, 'lijst.md'), `${'- '.repeat(2048)}${CITATION}\n`);
        writeFileSync(join(t.dir, 'citaat.md'), `${'>'.repeat(10240)} ${CITATION}\n`);
        const r = await runCli(t.dir, 'refs', 'lijst.md', 'citaat.md', '--json');
        assert.equal(r.code, 0, r.err);
        const rows = JSON.parse(r.out) as { file: string; id: string }[];
        assert.deepEqual(
          rows.map((row) => [row.file, row.id]),
          [
            ['lijst.md', 'kst-29754-686'],
            ['citaat.md', 'kst-29754-686'],
          ],
        );
        // Both lines nest more containers than the budget: each file names its block as not fully scanned.
        assert.deepEqual(
          r.err.trim().split('\n'),
          ['lijst.md', 'citaat.md'].map(
            (f) => `${f}:1:1: warning: ${SCAN_LIMIT_MESSAGES['nesting-too-deep'].message.replace('{0}', String(MAX_CONTAINERS_PER_LINE))}`,
          ),
        );
      } finally {
        t.cleanup();
      }
    });

    it('up to the budget a line of nested lists is parsed; one more and it is scanned as plain text', () => {
      const at = (depth: number) => analyseMarkdown(`${'- '.repeat(depth)}zie \`${CITATION}\`\n`);
      assert.deepEqual(ids(at(MAX_CONTAINERS_PER_LINE)), [], 'parsed: the citation is inline code');
      assert.deepEqual(at(MAX_CONTAINERS_PER_LINE).limits, []);
      assert.deepEqual(ids(at(MAX_CONTAINERS_PER_LINE + 1)), ['kst-29754-686'], 'plain text: code is not recognised');
      assert.equal(at(MAX_CONTAINERS_PER_LINE + 1).limits.length, 1);
    });
  });

  describe('superlinear shapes', () => {
    // Each of these took seconds in the parser (measured: 4.5 s, 1.2–1.8 s, 3–7 s, 5.7 s, 6 s); plain text now.
    const shapes: [string, string][] = [
      ['16,000 unclosed links `[a](`', '[a]('.repeat(16_000)],
      ['16,000 definition starts `[x]: ` on one line', '[x]: '.repeat(16_000)],
      ['12,000 emphasis marks `*a`', '*a'.repeat(12_000)],
      ['16,000 images `![a](`', '![a]('.repeat(16_000)],
      ['32,000 closing brackets `a]`', 'a]'.repeat(32_000)],
    ];
    for (const [name, run] of shapes) {
      it(`${name}: scanned as plain text, with a limit, the citations around it found`, () => {
        const text = `Voor: Kamerstuk 31 015, nr. 1.\n\n${run} ${CITATION}\n\nNa: Kamerstuk 31 015, nr. 3.\n`;
        const scan = analyseMarkdown(text);
        assert.deepEqual(ids(scan), ['kst-31015-1', 'kst-29754-686', 'kst-31015-3']);
        const start = text.indexOf(run);
        assert.deepEqual(limits(scan), [['markup-too-dense', start, start + run.length + 1 + CITATION.length]]);
        assert.deepEqual(scan.limits[0].args, [String(MAX_MARKUP_PER_PARAGRAPH)]);
      });
    }

    it('markup is counted per paragraph: a long list of links is parsed, one paragraph over the budget is not', () => {
      const items = Array.from({ length: 3000 }, (_, i) => `- [stuk ${i}](https://zoek.officielebekendmakingen.nl/kst-29754-${i + 1}.html)`);
      const list = analyseMarkdown(items.join('\n'));
      assert.deepEqual(list.limits, []);
      assert.equal(list.refs.length, 3000);
      assert.ok(list.refs.every((r) => r.form === 'link'));
      for (const mark of ['[a ', 'a] ', '*a ', '__a ']) {
        const paragraph = `${mark.repeat(MAX_MARKUP_PER_PARAGRAPH)}\n${CITATION}`;
        assert.deepEqual(analyseMarkdown(paragraph).limits, [], mark);
        assert.equal(analyseMarkdown(`${mark}${paragraph}`).limits.length, 1, mark);
      }
    });

    it('20,000 footnote definitions are parsed in pieces, and a motion resolves through the last one', () => {
      const notes = Array.from({ length: 20_000 }, (_, i) => `[^${i + 1}]: Kamerstukken II 2022/23, 31 015, nr. ${i + 1}.`);
      const text = `De motie van het lid Omtzigt is uitgevoerd.[^20000]\n\n${notes.join('\n')}\n`;
      const pieces = planParse(text, true);
      assert.ok(pieces.length >= 20_000 / MAX_DEFINITIONS_PER_PARSE);
      assert.ok(pieces.every((p) => p.kind === 'parse'));
      const scan = analyseMarkdown(text);
      assert.equal(scan.footnotes.size, 20_000);
      assert.deepEqual(scan.limits, []);
      const motion = scan.refs[0];
      assert.equal(motion.kind, 'motie');
      assert.equal(motion.id, 'kst-31015-20000');
      assert.equal(scan.refs.length, 20_001);
    });

    it('thousands of link definitions are parsed in pieces too', () => {
      const defs = Array.from({ length: 5000 }, (_, i) => `[d${i}]: https://zoek.officielebekendmakingen.nl/kst-31015-${i + 1}.html`);
      const text = `Zie [de laatste][d4999].\n\n${defs.join('\n')}\n`;
      assert.ok(planParse(text, true).length > 1);
      assert.deepEqual(summary(analyseMarkdown(text)), summary(wholeParse(text)));
    });
  });

  describe('cutting a document into pieces changes nothing', () => {
    it('the sample letter and note are parsed whole', () => {
      for (const f of ['test/fixtures/corpus/kst-29754-716.md', 'test/fixtures/citations/note.md']) {
        const text = readFileSync(f, 'utf8');
        assert.equal(planParse(text, true).length, 1, f);
        assert.deepEqual(summary(analyseMarkdown(text)), summary(wholeParse(text)), f);
      }
    });

    // Random notes with more definitions than one parse takes, so they are cut, against the whole parse. (Not
    // generated: a setext underline right after definitions, where micromark gives the heading a span from the start
    // of the definitions before it, so the whole parse reports their citations twice.)
    const LINES = [
      'De motie van het lid Omtzigt.[^a] Kamerstuk 29 754, nr. 1',
      'tekst met `Kamerstuk 29 754, nr. 2` code',
      '',
      '',
      '- item 29 754, nr. 3',
      '  ingesprongen 29 754, nr. 4',
      '    code 29 754, nr. 5',
      '> citaat 29 754, nr. 6',
      '>',
      '```',
      '~~~',
      '[^a]: Kamerstukken II 2022/23, 29 754, nr. 7',
      '[^b]: noot [link](https://zoek.officielebekendmakingen.nl/kst-29754-8.html)',
      '[x]: /u',
      '[y]: /v "t"',
      '[z]:',
      '<!--',
      '-->',
      '<div>',
      '</pre>',
      '<?php',
      '# kop 29 754, nr. 9',
      '1. item 29 754, nr. 10',
      '2. item',
      '> [^c]: in citaat 29 754, nr. 11',
      '- [^d]: in lijst',
      '  [^e]: ingesprongen noot',
      '[zie](https://zoek.officielebekendmakingen.nl/kst-29754-12.html',
      ') 29 754, nr. 13',
      '* * *',
    ];
    const footnotes = Array.from({ length: MAX_DEFINITIONS_PER_PARSE + 10 }, (_, i) => `[^p${i}]: Kamerstuk 31 015, nr. ${i + 1}.`).join('\n');
    const links = Array.from({ length: MAX_DEFINITIONS_PER_PARSE + 10 }, (_, i) => `[l${i}]: https://zoek.officielebekendmakingen.nl/kst-31015-${i}.html`).join(
      '\n',
    );

    it('random notes with hundreds of definitions: the same references, problems, code and footnotes', () => {
      let cut = 0;
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...LINES), { minLength: 1, maxLength: 40 }), fc.constantFrom(0, 1, 2), fc.boolean(), (lines, where, link) => {
          const body = lines.join('\n');
          const defs = link ? links : footnotes;
          const text = [`${defs}\n${body}`, `${body}\n${defs}\n`, `${body}\n${defs}\n${body}\n${defs}`][where];
          if (planParse(text, true).length > 1) cut++;
          assert.deepEqual(summary(analyseMarkdown(text)), summary(wholeParse(text)));
        }),
        { seed: 250, numRuns: 150 },
      );
      assert.ok(cut > 75, `only ${cut} of the notes were cut`);
    });
  });

  it('a note starting with `---` that is no front matter keeps its footnotes', () => {
    // With front matter parsing on, micromark's failed attempt made it miss every footnote definition after it.
    const text = '---\n\nDe motie van het lid Van Haga is uitgevoerd.[^1]\n\n[^1]: Kamerstukken II 2019/20, 29 754, nr. 683.\n';
    const scan = analyseMarkdown(text);
    assert.equal(scan.footnotes.size, 1);
    assert.deepEqual(ids(scan), ['kst-29754-683', 'kst-29754-683']);
    assert.equal(analyseMarkdown('---\ntitle: x\n---\nTekst.\n').frontMatter?.data.title, 'x');
  });

  it('the incremental index gives what a full scan gives around and inside a block scanned as plain text', () => {
    const deep = `${'- '.repeat(200)}${CITATION}`;
    const base = `# Notitie\n\nEerste alinea, Kamerstuk 31 015, nr. 1.\n\n${deep}\n\nLaatste alinea, Kamerstuk 31 015, nr. 3.\n`;
    const edits: [number, number, string][] = [
      [base.indexOf('Eerste'), 0, 'Nieuw: '],
      [base.indexOf('nr. 686') + 4, 3, '687'],
      [base.indexOf('nr. 3') + 4, 1, '4'],
      [base.indexOf(deep), 0, '\n'],
      [base.indexOf(deep), 200, ''],
    ];
    for (const [at, del, ins] of edits) {
      const index = new CitationIndex();
      index.update(base, 1);
      const text = base.slice(0, at) + ins + base.slice(at + del);
      const snapshot = index.update(text, 2, [{ rangeOffset: at, rangeLength: del, text: ins }]);
      const full = analyseMarkdown(text);
      assert.deepEqual(summary(snapshot), summary(full), JSON.stringify(ins));
      assert.deepEqual(limits(snapshot), limits(full));
    }
  });

  it('every scan limit message has a Dutch translation with the same placeholders', () => {
    const dutch = JSON.parse(readFileSync('l10n/parts/reliability-markdown.nl.json', 'utf8')) as Record<string, string>;
    const placeholders = (s: string) => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
    for (const { message } of Object.values(SCAN_LIMIT_MESSAGES)) {
      assert.ok(message in dutch, message);
      assert.deepEqual(placeholders(dutch[message]), placeholders(message));
    }
  });
});
