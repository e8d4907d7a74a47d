// The team catalog at scale: a catalog of 50,000 documents is read in time linear in its size (the runner's
// timeout is the only clock here; see test/bench/metadata.bench.ts for figures), with the same diagnostics as
// yaml's own duplicate-key check: same messages, lines, columns and order.
import { strict as assert } from 'node:assert';
import { LineCounter, parseDocument } from 'yaml';
import { parseCatalog, saveToCatalog, type CatalogIssue } from '../../../src/core/metadata';

/** Lines of a catalog of `count` documents `kst-40000-{i}`: the key of entry i on line 2i, its title on line 2i + 1. */
function catalogLines(count: number): string[] {
  const lines = ['documents:'];
  for (let i = 1; i <= count; i++) lines.push(`  kst-40000-${i}:`, `    title: Brief ${i}`);
  return lines;
}

/** What parseCatalog reported for YAML errors before it checked duplicate keys itself: yaml's `uniqueKeys: true`. */
function yamlIssues(text: string): Pick<CatalogIssue, 'line' | 'col' | 'message'>[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  return doc.errors.map((e) => ({ ...lineCounter.linePos(e.pos[0]), message: `YAML syntax error: ${e.message.split('\n')[0]}` }));
}

const positions = (issues: CatalogIssue[]) => issues.map(({ line, col, message }) => ({ line, col, message }));

const SNIPPETS = [
  'documents:\n  kst-1234-2: {}\n  kst-1234-2: {}\n',
  'documents:\n  kst-1234-2:\n    title: A\n    title: B\n',
  'documents:\n  kst-1234-2: { title: A, title: B }\n',
  'documents:\n  - id: kst-1234-2\n    id: kst-1234-3\n',
  'documents:\n  &a kst-1234-2: {}\n  !!str kst-1234-2: {}\n',
  'documents:\n  "kst-1234-2": {}\n  \'kst-1234-2\': {}\n',
  'documents:\n  ? kst-1234-2\n  : {}\n  ? kst-1234-2\n  : {}\n',
  'documents:\n  1: a\n  "1": b\n  1: c\n',
  'documents:\n  .nan: a\n  .nan: b\n  0: c\n  -0: d\n  null: e\n  ~: f\n',
  'documents:\n  kst-1234-2:\n  kst-1234-3:\n  kst-1234-2:\n',
  'a:\nb:\na:\n',
  ': 1\n? \n: 2\n? # c\n: 3\n',
  '{a: 1, a: 2, "open}\n',
  'documents:\n  kst-1234-2: "open\n  kst-1234-2: {}\n',
  'a: 1\n\ta: 2\n',
  'x: [a: 1, {b, b}]\nx: 2\n',
  '{ a,\n  a }\n',
  '? [a]\n: 1\n? [a]\n: 2\n',
  'a: &k 1\n*k : 2\n1: 3\n',
];

describe('metadata: team catalog at scale', () => {
  it('reads 50,000 documents and finds a duplicate key near the end, at its line and column', () => {
    const lines = catalogLines(50_000);
    lines.push('  kst-40000-49000:', '    title: Nog eens');
    const { records, issues } = parseCatalog(lines.join('\n') + '\n');
    assert.equal(records.length, 0);
    assert.deepEqual(positions(issues), [{ line: 100_002, col: 3, message: 'YAML syntax error: Map keys must be unique' }]);
  });

  it('reads 50,000 documents with a repeated id and a wrong field where they are', () => {
    const lines = catalogLines(50_000);
    lines[2 * 30_000] = '    date: [2024]'; // the title line of kst-40000-30000
    lines.push('  KST-40000-7:', '    title: Dubbel');
    const { records, issues } = parseCatalog(lines.join('\n') + '\n');
    assert.equal(records.length, 50_000);
    assert.equal(records[29_999].date, undefined);
    assert.deepEqual(positions(issues), [
      { line: 60_001, col: 11, message: "kst-40000-30000: 'date' should be text" },
      { line: 100_003, col: 5, message: 'KST-40000-7: duplicate entry, the first one is used' },
    ]);
  });

  it('saves to a catalog of 50,000 documents, and refuses one with a duplicate key', () => {
    const lines = catalogLines(50_000);
    const saved = saveToCatalog(lines.join('\n') + '\n', { id: 'kst-40000-50001', kind: 'kamerstuk', title: 'Nieuw', source: 'tweedekamer' });
    assert.ok(saved.endsWith('  kst-40000-50001:\n    kind: kamerstuk\n    title: Nieuw\n'), saved.slice(-80));
    lines.push('  kst-40000-2: {}');
    assert.throws(
      () => saveToCatalog(lines.join('\n') + '\n', { id: 'kst-40000-1', kind: 'kamerstuk', source: 'x' }),
      /line 100002, column 3\): Map keys must be unique/,
    );
  });

  it("reports YAML errors exactly as yaml's own duplicate-key check does (messages, positions, order)", () => {
    for (const text of SNIPPETS) assert.deepEqual(positions(parseCatalog(text).issues.filter((i) => i.message.startsWith('YAML'))), yamlIssues(text), text);
  });

  it('agrees with yaml on a few thousand generated broken snippets', () => {
    const pieces = [
      'a',
      'a',
      'b',
      '"a"',
      "'a'",
      '1',
      'null',
      '~',
      '',
      '? ',
      ': ',
      ':',
      '&x ',
      '!!str ',
      '*x',
      '# c',
      '\n',
      '\n  ',
      '  ',
      '{',
      '}',
      '[',
      ']',
      ', ',
      '- ',
      'a: 1',
    ];
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (let k = 0; k < 3000; k++) {
      let text = '';
      for (let len = 3 + next(14); len > 0; len--) text += pieces[next(pieces.length)];
      const expected = yamlIssues(text);
      if (expected.length === 0) continue;
      assert.deepEqual(positions(parseCatalog(text).issues), expected, JSON.stringify(text));
    }
  });
});
