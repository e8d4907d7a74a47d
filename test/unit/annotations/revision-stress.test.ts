// The anchoring stress set (test/support/revision-scenarios.ts): revisions of real letters of every edit kind,
// with the ground truth tracked per character. With the previous text (history first), no tag may land on other
// text; every kind is measured, and what each mode gets right is printed. `npm run bench` runs more seeds.
import { strict as assert } from 'node:assert';
import { anchorAnnotations } from '../../../src/core/annotations/anchor';
import { scenarios, verdict, type Verdict } from '../../support/revision-scenarios';

describe('anchoring: the revision stress set (real letters, ground truth per character)', function () {
  this.timeout(120_000);
  const tally = (mode: 'history' | 'search') => {
    const byKind = new Map<string, Partial<Record<Verdict, number>>>();
    const misplaced: string[] = [];
    for (const sc of scenarios(1, 25)) {
      const results = anchorAnnotations(sc.input, sc.annotations, mode === 'history' ? { previous: { text: sc.original } } : {});
      const row = byKind.get(sc.kind) ?? {};
      results.forEach((r, i) => {
        const v = verdict(sc.revised, sc.annotations[i], r);
        row[v] = (row[v] ?? 0) + 1;
        if (v === 'misplaced')
          misplaced.push(
            `${sc.kind}: ${JSON.stringify(sc.annotations[i].quote.slice(0, 60))} -> ${JSON.stringify(sc.revised.text.slice(r.start, r.end).slice(0, 60))}`,
          );
      });
      byKind.set(sc.kind, row);
    }
    return { byKind, misplaced };
  };

  it('with the previous text, no tag is misplaced and at least 99.5% are right, in every edit kind', () => {
    const { byKind, misplaced } = tally('history');
    assert.deepEqual(misplaced, []);
    let right = 0;
    let total = 0;
    for (const [kind, row] of byKind) {
      const n = Object.values(row).reduce((a, b) => a + (b ?? 0), 0);
      assert.ok(n > 0, `no tags for ${kind}`);
      right += row.right ?? 0;
      total += n;
    }
    assert.ok(right / total >= 0.995, `right ${right} of ${total}`);
    // A passage whose text is unchanged is never orphaned (moved, copied or among repeats it is offered for review).
    const needless = [...byKind].filter(([, row]) => row['needless orphan']).map(([kind, row]) => `${kind}: ${row['needless orphan']}`);
    assert.deepEqual(needless, []);
    console.log(`      history: ${right} of ${total} right (${((100 * right) / total).toFixed(2)}%)`);
  });

  it('the stress set is hard: without the previous text the search alone misplaces some tags', () => {
    // The set must be able to catch a misplacement: the same revisions, anchored without history, do misplace.
    const { misplaced } = tally('search');
    assert.ok(misplaced.length > 0, 'the stress set provokes no misplacement at all: it tests nothing');
    console.log(`      search alone: ${misplaced.length} misplaced`);
  });
});
