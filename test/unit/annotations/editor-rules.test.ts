import { strict as assert } from 'node:assert';
import {
  type AnchorResult,
  type Annotation,
  defaultTaxonomy,
  anchoredAt,
  borderFor,
  createdTimestamp,
  excerpt,
  gutterIconDataUri,
  tagInitial,
  isWorkspaceScheme,
  orderedTags,
  selectionRanges,
  tagCountsByLabel,
  tempFileName,
  trimSelection,
  withAlpha,
} from '../../../src/core/annotations';

const result = (id: string, start: number, end: number, status: AnchorResult['status'] = 'exact'): AnchorResult => ({ id, start, end, status, score: 1 });

describe('annotation editor rules', () => {
  it('trims whitespace from a loose selection, in either direction', () => {
    const text = 'ab  \n cd ef \n';
    assert.deepEqual(trimSelection(text, 2, 11), { start: 6, end: 11 });
    assert.deepEqual(trimSelection(text, 11, 2), { start: 6, end: 11 });
    const empty = trimSelection(text, 2, 5);
    assert.equal(empty.start, empty.end);
  });

  it('timestamps in UTC without milliseconds', () => {
    assert.equal(createdTimestamp(new Date(Date.UTC(2026, 10, 28, 12, 0, 5, 123))), '2026-11-28T12:00:05Z');
  });

  it('excerpts one line, cut with an ellipsis, never in the middle of a surrogate pair', () => {
    assert.equal(excerpt('a\n\n b   c'), 'a b c');
    assert.equal(excerpt('abcdefghij', 5), 'abcd…');
    assert.equal(excerpt('😀😀😀😀😀😀', 3), '😀😀…');
  });

  it('counts tags per label in the display language', () => {
    const a = (tag: string) => ({ tag }) as Annotation;
    const taxonomy = defaultTaxonomy();
    assert.deepEqual(tagCountsByLabel([a('measure'), a('measure'), a('conclusion'), a('risk')], taxonomy, false), { maatregel: 2, conclusie: 1, risk: 1 });
    assert.deepEqual(tagCountsByLabel([a('measure')], taxonomy, true), { measure: 1 });
  });

  it('finds the tags at an offset, innermost first, never orphans', () => {
    const results = [result('outer', 0, 100), result('inner', 10, 20), result('gone', 5, 30, 'orphaned'), result('after', 50, 60)];
    assert.deepEqual(
      anchoredAt(results, 15).map((r) => r.id),
      ['inner', 'outer'],
    );
    assert.deepEqual(
      anchoredAt(results, 20).map((r) => r.id),
      ['inner', 'outer'],
    );
    assert.deepEqual(anchoredAt(results, 101), []);
  });

  it('orders tags as the taxonomy, unknown tags last', () => {
    assert.deepEqual(orderedTags(defaultTaxonomy(), ['zeta', 'conclusion', 'alpha']), ['measure', 'commitment', 'conclusion', 'alpha', 'zeta']);
  });

  it('decoration styles: translucent colours, alternating under- and overlines, a coloured gutter icon', () => {
    assert.equal(withAlpha('#2e7d32', 0.14), '#2e7d3224');
    assert.equal(withAlpha('red', 0.5), 'red');
    assert.notDeepEqual(borderFor(0), borderFor(1));
    assert.notDeepEqual(borderFor(0), borderFor(2));
    const svg = Buffer.from(gutterIconDataUri('#1565c0').split(',')[1], 'base64').toString('utf8');
    assert.match(svg, /fill="#1565c0"/);
    assert.match(Buffer.from(gutterIconDataUri('url(javascript:x)').split(',')[1], 'base64').toString('utf8'), /fill="#808080"/);
  });

  it('gutter icons carry the initial of the tag label, so tags differ by more than colour', () => {
    const svg = (label: string) => Buffer.from(gutterIconDataUri('#2e7d32', label).split(',')[1], 'base64').toString('utf8');
    assert.match(svg('maatregel'), />M<\/text>/);
    assert.match(svg('toezegging'), />T<\/text>/);
    assert.match(svg('Élan'), />E<\/text>/);
    assert.doesNotMatch(svg('<script>'), /<script/);
    assert.equal(tagInitial('"<&'), '');
    assert.doesNotMatch(svg(''), /<text/);
  });

  it("only documents on disk or in the workspace's own file system can be letters: not a git diff view or an untitled buffer", () => {
    assert.ok(isWorkspaceScheme('file', []));
    assert.ok(isWorkspaceScheme('file', ['vscode-vfs']));
    assert.ok(isWorkspaceScheme('vscode-vfs', ['vscode-vfs']));
    assert.ok(!isWorkspaceScheme('vscode-vfs', ['file']));
    for (const scheme of ['git', 'untitled', 'output', 'vscode-scm', 'gitlens']) assert.ok(!isWorkspaceScheme(scheme, ['file']), scheme);
  });

  it('the selections to tag: trimmed, empty and whitespace-only ones dropped, either direction', () => {
    const text = 'Een  passage.\n\nNog een.';
    assert.deepEqual(
      selectionRanges(text, [
        { start: 3, end: 13 },
        { start: 5, end: 5 },
        { start: 13, end: 15 },
        { start: 23, end: 15 },
      ]),
      [
        { start: 5, end: 13 },
        { start: 15, end: 23 },
      ],
    );
    assert.deepEqual(selectionRanges(text, []), []);
  });

  it('temp files never look like annotation files', () => {
    assert.ok(!tempFileName('x.annotations.yaml', 'abc').endsWith('.annotations.yaml'));
  });
});
