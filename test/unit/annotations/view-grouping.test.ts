// The Annotations view's arrangement: groups by tag, status or author, filters, and review progress.
import { strict as assert } from 'node:assert';
import type { Annotation } from '../../../src/core/annotations/model';
import { groupKey, isFiltering, matchesFilter, orderedGroups, reviewProgress } from '../../../src/core/annotations/view-grouping';

const tag = (id: string, t: string, status?: Annotation['status'], author?: string): Annotation => ({
  id,
  tag: t,
  quote: id,
  prefix: '',
  suffix: '',
  start: 0,
  end: 1,
  ...(status ? { status } : {}),
  ...(author ? { author } : {}),
});
const ALL = [
  tag('a', 'measure', 'agreed', 'Jan'),
  tag('b', 'commitment', 'proposed', 'Anna'),
  tag('c', 'commitment'),
  tag('d', 'conclusion', 'disputed', 'Jan'),
];

describe('annotations view: grouping and filtering', () => {
  it('groups by status in review order and by author alphabetically, without one last', () => {
    assert.deepEqual(
      orderedGroups(
        'status',
        ALL.map((a) => groupKey(a, 'status')),
      ),
      ['proposed', 'agreed', 'disputed', 'none'],
    );
    assert.deepEqual(
      orderedGroups(
        'author',
        ALL.map((a) => groupKey(a, 'author')),
      ),
      ['Anna', 'Jan', ''],
    );
  });

  it('filters by tag and status together; an empty filter shows all', () => {
    const ids = (f: Parameters<typeof matchesFilter>[1]) => ALL.filter((a) => matchesFilter(a, f)).map((a) => a.id);
    assert.deepEqual(ids({}), ['a', 'b', 'c', 'd']);
    assert.deepEqual(ids({ tags: ['commitment'] }), ['b', 'c']);
    assert.deepEqual(ids({ tags: ['commitment'], statuses: ['none'] }), ['c']);
    assert.deepEqual(ids({ statuses: ['agreed', 'disputed'] }), ['a', 'd']);
    assert.equal(isFiltering({ tags: [] }), false);
    assert.equal(isFiltering({ statuses: ['agreed'] }), true);
  });

  it('counts agreed and disputed tags as reviewed', () => {
    assert.deepEqual(reviewProgress(ALL), { reviewed: 2, total: 4 });
  });
});
