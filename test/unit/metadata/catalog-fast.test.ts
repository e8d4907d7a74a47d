// The fast reading of a clean large catalog (plain values through js-yaml) gives exactly what the Document
// reading gives, and every catalog with something to report is read as a Document (its issues have positions).
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseCatalog } from '../../../src/core/metadata';
import { PLAIN_READING_FROM, readCatalogDocument, readCleanCatalog } from '../../../src/core/metadata/catalog';
import { loadPlainCatalog } from '../../../src/core/metadata/catalog-plain';

/** Scalars as people write them in YAML, plain and quoted, including the ones YAML schemas read differently. */
const SCALARS = [
  'Brief regering',
  '2024-06-18',
  '12',
  '012',
  '0o17',
  '0x1F',
  '0b101',
  '1_000',
  '1.5',
  '1.',
  '.5',
  '1e3',
  '.inf',
  '.NaN',
  'true',
  'True',
  'yes',
  'no',
  'on',
  'null',
  '~',
  '"quoted: with colon"',
  "'single ''quoted'''",
  '"escaped \\u00e9 \\n line"',
  'Justitie & Veiligheid',
  'D. Yeşilgöz-Zegerius',
  'a # comment',
  '"#not a comment"',
  '>-\n      folded\n      text',
  '|\n      literal\n      text',
  '',
];
const scalar = fc.constantFrom(...SCALARS);
const IDS = ['kst-29754-716', 'kst-29754-683', '2024D25640', 'kst-36600-VI-12', 'h-tk-20232024-12-3', 'stb-2024-123', 'nonsense', '12345'];
const FIELDS = ['title', 'soort', 'date', 'ondernummer', 'vergaderjaar', 'kind', 'team-note'];

const fields = fc.array(fc.tuple(fc.constantFrom(...FIELDS), scalar), { maxLength: 4 });
const entryLines = (pairs: [string, string][], indent: string) => pairs.map(([k, v]) => `${indent}${k}: ${v}`);

const asMap = fc
  .array(fc.tuple(fc.constantFrom(...IDS), fields), { maxLength: 5 })
  .map((entries) => ['version: 1', 'documents:', ...entries.flatMap(([id, f]) => [`  ${id}:`, ...entryLines(f, '    ')])].join('\n') + '\n');
const asList = fc
  .array(fc.tuple(fc.constantFrom(...IDS), fields), { maxLength: 5 })
  .map((entries) => ['documents:', ...entries.flatMap(([id, f]) => [`  - id: ${id}`, ...entryLines(f, '    ')])].join('\n') + '\n');
const odd = fc.constantFrom(
  '',
  '# only a comment\n',
  'documents:\n',
  'documents: []\n',
  'documents: nope\n',
  '- a\n',
  'documents:\n  kst-29754-716: &x { title: A }\n  kst-29754-683: *x\n',
  'documents:\n  kst-29754-716: { title: A }\n  kst-29754-716: { title: B }\n',
  'documents:\n  kst-29754-716:\n  kst-29754-683: { title: "open\n',
  'documents:\n  1: { title: A }\n  kst-29754-716: { title: B }\n',
  'documents:\n  __proto__: { title: A }\n',
);

describe('metadata: fast reading of a clean catalog', () => {
  it('gives the records and issues of the Document reading, for catalogs of every shape', () => {
    let clean = 0;
    fc.assert(
      fc.property(fc.oneof(asMap, asList, odd), (text) => {
        const read = readCleanCatalog(text, 'team');
        if (!read) return;
        assert.deepEqual(read, readCatalogDocument(text, 'team'));
        if (read.records.length) clean++;
      }),
      { numRuns: 1000, seed: 20261202 },
    );
    assert.ok(clean > 80, `only ${clean} clean catalogs with records were generated`);
  });

  it('reads a clean catalog without the Document, and a repeated key, an alias or an error with it', () => {
    assert.ok(loadPlainCatalog('documents:\n  kst-29754-716: { title: A }\n').ok);
    // A directive changes how yaml reads scalars (`%YAML 1.1`: `yes` is true, `012` is octal): read as a Document.
    for (const text of ['documents:\n  a: 1\n  a: 2\n', 'documents:\n  a: &x 1\n  b: *x\n', 'documents: [\n', '%YAML 1.1\n---\ndocuments:\n  a: yes\n']) {
      assert.equal(loadPlainCatalog(text).ok, false, text);
    }
  });

  it('a large catalog is read fast, and one with a problem still reports it with its line and column', () => {
    const filler = Array.from({ length: 8000 }, (_, i) => `  kst-30000-${i + 1}: { title: Brief ${i + 1} }`).join('\n');
    const large = `version: 1\ndocuments:\n${filler}\n`;
    assert.ok(large.length >= PLAIN_READING_FROM);
    assert.ok(readCleanCatalog(large), 'a clean large catalog is read as plain values');
    assert.deepEqual(parseCatalog(large), readCatalogDocument(large));
    const { records, issues } = parseCatalog(`${large}  kst-29754-683:\n    title: [1, 2]\n`);
    assert.equal(records.length, 8001);
    assert.deepEqual(
      issues.map((i) => [i.line, i.col, i.severity]),
      [[8004, 12, 'warning']],
    );
  });

  it('a catalog with a problem still reports it with its line and column', () => {
    const { records, issues } = parseCatalog('version: 1\ndocuments:\n  kst-29754-716: { title: A }\n  kst-29754-683:\n    title: [1, 2]\n');
    assert.deepEqual(
      records.map((r) => r.id),
      ['kst-29754-716', 'kst-29754-683'],
    );
    assert.deepEqual(
      issues.map((i) => [i.line, i.col, i.severity]),
      [[5, 12, 'warning']],
    );
  });
});
