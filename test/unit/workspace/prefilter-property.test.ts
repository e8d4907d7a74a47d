// The prefilter never loses a citation: over the citation corpus, the real passages, the fixture notes and fuzzed
// notes (prose, lists, code, footnotes, front matter, links, HTML, citations cut across lines, CRLF), the
// prefiltered scan (only candidate pieces, simple blocks without the parser) gives exactly the full scan's refs.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { analyseMarkdown } from '../../../src/core/markdown';
import { indexedRefs, indexFile, mightCite, scanCandidates } from '../../../src/core/workspace';
import { generateTeamRepository } from '../../support/generated-notes';
import { fuzzBudget, FUZZ_TIMEOUT_MS } from '../fuzz/budget';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/** The prefiltered scan equals the full scan: same refs (all fields) and same limits. */
function assertSameAsFullScan(text: string, what: string): void {
  const full = analyseMarkdown(text);
  const fast = scanCandidates(text);
  assert.deepStrictEqual(fast.refs, full.refs, `${what}: refs differ (mode ${fast.mode})`);
  assert.deepStrictEqual(fast.limits, full.limits, `${what}: limits differ`);
  if (full.refs.length) assert.ok(mightCite(text), `${what}: the prefilter says no citation, the full scan found ${full.refs.length}`);
  const entry = indexFile({ path: 'n/x.md', size: text.length, mtime: 0 }, text);
  assert.deepStrictEqual(entry.refs, indexedRefs(text, full.refs), `${what}: index entry differs`);
}

const CORPUS = (parse(readFileSync('test/fixtures/corpus/citations.yaml', 'utf8')) as { cases: Array<{ text: string }> }).cases.map((c) => c.text);

describe('workspace prefilter: equal to the full scan', function () {
  this.timeout(FUZZ_TIMEOUT_MS * 3);

  it('over the fixture notes, letters and real passages', () => {
    const paths = [
      'test/fixtures/citations',
      'test/fixtures/corpus',
      'test/fixtures/real',
      'test/fixtures/real-heldout',
      'test/fixtures/koop',
      'test/fixtures/preview',
    ]
      .flatMap(files)
      .filter((p) => /\.(?:md|txt)$/.test(p));
    assert.ok(paths.length > 50, `only ${paths.length} fixture files`);
    let cited = 0;
    for (const p of paths) {
      const text = readFileSync(p, 'utf8');
      assertSameAsFullScan(text, p);
      if (analyseMarkdown(text).refs.length) cited++;
    }
    assert.ok(cited > 40, `only ${cited} fixtures cite something: the comparison proves little`);
  });

  it('over every corpus case, alone, in a list, after code and in a footnote', () => {
    assert.ok(CORPUS.length > 20);
    for (const c of CORPUS) {
      for (const text of [c, `- ${c}`, `Tekst.\n\n\`\`\`\ncode\n\`\`\`\n\n${c}`, `Zie noot.[^1]\n\n[^1]: ${c}`, `> ${c}`, `## ${c}`])
        assertSameAsFullScan(text, JSON.stringify(text));
    }
  });

  it('over generated team notes (with their letters)', () => {
    const repo = generateTeamRepository({ notes: 120, seed: 7 });
    let candidates = 0;
    for (const f of repo.filter((x) => x.path.endsWith('.md'))) {
      assertSameAsFullScan(f.text, f.path);
      if (scanCandidates(f.text).mode === 'candidates') candidates++;
    }
    assert.ok(candidates > 60, `only ${candidates} notes took the candidate path: the comparison proves little`);
  });

  it('over fuzzed notes', () => {
    fc.assert(
      fc.property(fuzzedNote, (text) => assertSameAsFullScan(text, JSON.stringify(text))),
      fuzzBudget(600, 15),
    );
  });
});

// Fuzzed notes: blocks of markdown, each a mix of prose and citations (from the corpus and the fragments below),
// hard-wrapped at a random width so citations are cut across lines, joined by one or two line breaks.
const CITATIONS = fc.constantFrom(
  ...CORPUS,
  'Kamerstukken II 2022/23, 29 754, nr. 680',
  'kst-29754-716',
  'de motie-Van Aalst (35300-A, nr. 15)',
  'de motie van het lid Van Haga over de toeslagen.[^2]',
  'het amendement-Lambrechts (stuk nr. 13, I)',
  'Wijziging van de Wet X (36 067)',
  'Handelingen II 2010/11, nr. 108, item 5',
  'Stb. 2022, 524',
  '29 754, nr. 680',
  '35788, K',
  '15000, U',
  'CXXIV, G',
  '[de brief](https://zoek.officielebekendmakingen.nl/kst-29754-680.html)',
  '[brief](https://www.tweedekamer.nl/kamerstukken/detail?id=2024Z10806&did=2024D25640)',
  'https://zoek.officielebekendmakingen.nl/kst-36200-VI-3.html',
  'nrs. 520 en 548',
  'Kamerstuk 29\n754, nr. 12',
);
const WORD = fc.constantFrom(
  'de',
  'tekst',
  'stukken',
  'wetsvoorstel',
  'Kamer',
  'over',
  'brief',
  'minister',
  'zie',
  'en',
  '1.',
  '550)',
  '2024',
  '*nadruk*',
  '_x_',
  '**vet**',
  '`code`',
  '`kst-1-2`',
  '[^1]',
  '[^2]',
  '[x]',
  '[x][ref]',
  '![img](a.png)',
  '<!-- 29 754, nr. 1 -->',
  '<b>',
  '&amp;',
  '\\[',
  '#',
  '|',
  ':',
  ')',
  '(',
  '"',
  '~',
);
const PROSE = fc.array(fc.oneof({ weight: 4, arbitrary: WORD }, { weight: 1, arbitrary: CITATIONS }), { minLength: 1, maxLength: 30 }).map((w) => w.join(' '));

function wrapAt(text: string, width: number): string {
  if (width === 0) return text;
  const lines: string[] = [];
  let line = '';
  for (const w of text.split(' ')) {
    if (line && line.length + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  lines.push(line);
  return lines.join('\n');
}

const WIDTH = fc.constantFrom(0, 0, 12, 30, 60);
const MARKER = fc.constantFrom('- ', '* ', '+ ', '1. ', '2) ', '10. ');
const paragraph = fc.tuple(PROSE, WIDTH).map(([p, w]) => wrapAt(p, w));
const list = fc
  .tuple(MARKER, fc.array(fc.tuple(PROSE, WIDTH, fc.constantFrom('', '  ', '    ')), { minLength: 1, maxLength: 5 }), fc.boolean())
  .map(([m, items, loose]) => items.map(([p, w, indent]) => m + wrapAt(p, w).split('\n').join(`\n${indent}`)).join(loose ? '\n\n' : '\n'));
const nested = fc.tuple(MARKER, MARKER, PROSE, PROSE).map(([a, b, p, q]) => `${a}${p}\n  ${b}${q}`);
const fence = fc
  .tuple(fc.constantFrom('```', '~~~', '````', '```text', '  ```'), PROSE, fc.constantFrom('```', '~~~', '', '````', '   ```'))
  .map(([open, body, close]) => `${open}\n${body}${close ? `\n${close}` : ''}`);
const indented = PROSE.map((p) => `    ${p}`);
const footnote = fc.tuple(fc.constantFrom('1', '2', 'vh', 'a b'), PROSE, fc.boolean()).map(([l, p, more]) => `[^${l}]: ${p}${more ? `\n    ${p}` : ''}`);
const definition = fc.constantFrom('[ref]: https://zoek.officielebekendmakingen.nl/kst-29754-681.html', '[x]: /a "titel"');
const heading = fc.tuple(fc.constantFrom('# ', '## ', '###### ', '####### '), PROSE).map(([h, p]) => h + p.split('\n')[0]);
const setext = PROSE.map((p) => `${p}\n${p.length % 2 ? '===' : '---'}`);
const quote = fc.tuple(PROSE, WIDTH, fc.boolean()).map(([p, w, lazy]) =>
  wrapAt(p, w)
    .split('\n')
    .map((l, i) => (lazy && i > 0 ? l : `> ${l}`))
    .join('\n'),
);
const html = fc.constantFrom('<div>\n29 754, nr. 5\n</div>', '<!--\nKamerstuk 29 754, nr. 6\n\n-->', '<details>', '<pre>\nkst-1-2\n\n</pre>');
const rule = fc.constantFrom('---', '***', '- - -', '___');
const table = PROSE.map((p) => `| a | b |\n|---|---|\n| ${p.split('\n')[0]} | x |`);
const block = fc.oneof(
  { weight: 6, arbitrary: paragraph },
  { weight: 3, arbitrary: list },
  { weight: 1, arbitrary: nested },
  { weight: 2, arbitrary: fence },
  { weight: 1, arbitrary: indented },
  { weight: 2, arbitrary: footnote },
  { weight: 1, arbitrary: definition },
  { weight: 2, arbitrary: heading },
  { weight: 1, arbitrary: setext },
  { weight: 2, arbitrary: quote },
  { weight: 1, arbitrary: html },
  { weight: 1, arbitrary: rule },
  { weight: 1, arbitrary: table },
);
const frontMatter = fc.constantFrom(
  '',
  '',
  '---\nkamerstuk: kst-29754-716\n---\n',
  '---\ntitle: x\n---\n\n',
  '---\nkamerstuk: kst-36067-4\ntitle: "a"\n---\n# Kop\n',
  '---\nopen\n',
);
const fuzzedNote = fc
  .tuple(
    frontMatter,
    fc.array(fc.tuple(block, fc.constantFrom('\n', '\n\n', '\n\n', '\n\n\n', '\n \n')), { minLength: 1, maxLength: 14 }),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([fm, blocks, crlf, trailingSpaces]) => {
    let text = fm + blocks.map(([b, sep]) => b + sep).join('');
    if (trailingSpaces) text = text.replace(/\n/g, (m, at: number) => (at % 3 === 0 ? '  \n' : m));
    if (crlf) text = text.replace(/\n/g, '\r\n');
    return text;
  });
