// Measured behaviour on hand-tagged letters (the figures themselves are printed by `npm run bench`): a floor the
// suggestions must keep, so a change to the cues that loses most commitments fails here.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { evaluate, overlapMatches, REASONS } from '../../../src/core/suggestions';
import { scoreCorpus, taggedLetters } from '../../support/suggestion-corpus';

describe('suggestions: evaluation against hand-tagged letters', () => {
  it('matches a proposal and a hand tag when they overlap by half of the shorter', () => {
    assert.ok(overlapMatches({ start: 0, end: 10 }, { start: 5, end: 100 }));
    assert.ok(!overlapMatches({ start: 0, end: 10 }, { start: 6, end: 100 }));
    const [c] = evaluate(
      [
        { tag: 'commitment', start: 0, end: 10 },
        { tag: 'commitment', start: 2, end: 9 },
      ],
      [{ tag: 'commitment', start: 0, end: 10 }],
      ['commitment'],
    );
    assert.deepEqual([c.matched, c.precision, c.recall], [1, 0.5, 1]);
  });

  it('has the sample letter and real letters in three groups (tuning, the spent first held-out group, a new held-out group), each with its source', () => {
    const letters = taggedLetters();
    assert.ok(letters.length >= 4);
    for (const group of ['tuning', 'spent', 'heldOut'] as const) assert.ok(letters.filter((l) => l.group === group).length >= 4, group);
    for (const l of letters.slice(1)) assert.match(l.text, /^<!-- source: https?:\/\/\S+.*by hand/su, l.id);
    for (const l of letters.filter((x) => x.group === 'heldOut')) assert.match(l.text, /NEW HELD OUT/u, l.id);
    assert.ok(letters.filter((l) => l.tags.some((t) => t.tag === 'commitment')).length >= 4);
    assert.ok(letters.filter((l) => l.group === 'heldOut' && l.tags.some((t) => t.tag === 'commitment')).length >= 4);
  });

  it('keeps commitments at precision and recall of at least 0.7 on the letters tuned on, and keeps the one measurement of the new held-out letters', () => {
    const scores = scoreCorpus();
    // Tuned on: the tuning letters and the first held-out group, which was spent when the cues were widened (the
    // *voornemens* cues came from its misses).
    const tuned = scores.tunedOn.find((s) => s.tag === 'commitment')!;
    assert.ok(tuned.precision >= 0.7, `precision ${tuned.precision}`);
    assert.ok(tuned.recall >= 0.7, `recall ${tuned.recall}`);
    // The first held-out group keeps the floor it had while it was held out (now met with room to spare: tuned on).
    const spent = scores.groups.spent.find((s) => s.tag === 'commitment')!;
    assert.ok(spent.precision >= 0.7 && spent.recall >= 0.3, `spent group: P ${spent.precision} R ${spent.recall}`);
    // The new held-out group: tagged by hand before the suggester ran on it, and not tuned on afterwards. Measured
    // once, after the cues were committed: P 0.60 R 0.60 (3 of 5 proposed right, 3 of 5 tagged found). The floor
    // written before measuring (P ≥ 0.7, the first group's) was not met; the goal stays open in `npm run bench`.
    // These floors are that one measurement, so a change that loses a held-out commitment or adds a false one fails.
    const heldOut = scores.groups.heldOut.find((s) => s.tag === 'commitment')!;
    assert.ok(heldOut.precision >= 0.6, `held-out precision ${heldOut.precision}`);
    assert.ok(heldOut.recall >= 0.6, `held-out recall ${heldOut.recall}`);
    for (const tag of ['measure', 'conclusion']) {
      const s = scores.groups.tuning.find((x) => x.tag === tag)!;
      assert.ok(s.recall >= 0.5 && s.precision >= 0.4, `${tag}: P ${s.precision} R ${s.recall}`);
    }
  });

  it('has a Dutch text for every reason shown on a suggestion', () => {
    const nl = JSON.parse(readFileSync('l10n/parts/editor-suggestions.nl.json', 'utf8')) as Record<string, string>;
    for (const template of Object.values(REASONS)) assert.ok(nl[template], template);
  });
});
