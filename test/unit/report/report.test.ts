import { strict as assert } from 'node:assert';
import { defaultTaxonomy } from '../../../src/core/annotations/taxonomy';
import { collectPassages, csvField, renderCsv, renderJson, renderMarkdown } from '../../../src/core/report';
import { LETTER, loadFixture } from '../annotations/helpers';

const passages = () =>
  collectPassages(
    [{ annotationFile: 'letters/kst-29754-716.annotations.yaml', letterPath: 'letters/kst-29754-716.md', letterText: LETTER, data: loadFixture().data() }],
    defaultTaxonomy(),
  );

describe('report', () => {
  it('collects passages by letter and position, with labels and line numbers', () => {
    const rows = passages();
    assert.deepEqual(
      rows.map((r) => r.start),
      [4009, 4236, 5312, 8988],
    );
    assert.deepEqual(
      rows.map((r) => r.label),
      ['toezegging', 'maatregel', 'maatregel', 'conclusie'],
    );
    assert.ok(rows.every((r) => r.letter === 'kst-29754-716' && typeof r.line === 'number'));
  });

  it('CSV fields: quoting, doubled quotes, newlines, and no formulas', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a;b'), '"a;b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    assert.equal(csvField('1,5'), '"1,5"');
    assert.equal(csvField('=SUM(A1)'), "'=SUM(A1)");
    assert.equal(csvField('-12'), '-12');
    assert.equal(csvField(' padded '), '" padded "');
  });

  it('CSV document: BOM, header, CRLF rows, refs space-separated', () => {
    const rows = passages();
    rows[0].refs = ['kst-29754-683', 'kst-29754-680'];
    const csv = renderCsv(rows);
    assert.ok(csv.startsWith('\uFEFF'));
    const lines = csv.slice(1).split('\r\n');
    assert.equal(lines.length, rows.length + 2);
    assert.equal(lines.at(-1), '');
    assert.ok(lines[1].includes(';kst-29754-683 kst-29754-680;'));
  });

  it('markdown escapes markup in passages and groups by tag', () => {
    const rows = passages();
    rows[0].quote = 'a *bold* <b>claim</b>';
    const md = renderMarkdown(rows);
    assert.ok(md.includes('> a \\*bold\\* \\<b\\>claim\\</b\\>'));
    assert.match(md, /### conclusie \(conclusion\): 1/);
    assert.match(renderMarkdown([]), /No tagged passages/);
  });

  it('JSON round-trips', () => {
    const rows = passages();
    assert.deepEqual(JSON.parse(renderJson(rows)), JSON.parse(JSON.stringify(rows)));
  });
});
