// Measured behaviour on hand-tagged letters (the figures themselves are printed by `npm run bench`): a floor the
// suggestions must keep, so a change to the cues that loses most commitments fails here.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { evaluate, overlapMatches, REASONS } from '../../../src/core/suggestions';
import { scoreCorpus, taggedLetters } from '../../support/suggestion-corpus';

const HELD_OUT_P = 0.75;
const HELD_OUT_R = 0.75;

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

  it('has the sample letter and real letters in three groups (tuning, the spent held-out groups 1 and 2, held-out group 3), each with its source', () => {
    const letters = taggedLetters();
    for (const group of ['tuning', 'spent', 'heldOut'] as const) assert.ok(letters.filter((l) => l.group === group).length >= 4, group);
    for (const l of letters.slice(1)) assert.match(l.text, /^<!-- source: https?:\/\/\S+.*by hand/su, l.id);
    for (const l of letters.filter((x) => x.group === 'heldOut')) assert.match(l.text, /NEW HELD OUT \(group 3\)/u, l.id);
    assert.ok(letters.filter((l) => l.group === 'heldOut' && l.tags.some((t) => t.tag === 'commitment')).length >= 4);
  });

  it('keeps commitments at precision and recall of at least 0.7 on the letters tuned on, and keeps the one measurement of held-out group 3', () => {
    const scores = scoreCorpus();
    // Tuned on: the tuning letters (groups 0 and 4 and 5) and the spent held-out groups 1 and 2.
    const tuned = scores.tunedOn.find((s) => s.tag === 'commitment')!;
    assert.ok(tuned.precision >= 0.7, `precision ${tuned.precision}`);
    assert.ok(tuned.recall >= 0.7, `recall ${tuned.recall}`);
    // Held-out group 3 (30 letters, 16 commitments): tagged by hand before the suggester ran on it, and not tuned on.
    // Measured once, after the cues were committed (18fdde8): P 0.75 R 0.75 (12 of 16 proposed right, 12 of 16 tagged
    // found); the goal (0.7) is met. The floors are that measurement, so a change that loses a held-out commitment or
    // adds a false one fails here; tuning on these letters would spend them, as groups 1 and 2 were.
    const heldOut = scores.groups.heldOut.find((s) => s.tag === 'commitment')!;
    assert.ok(heldOut.precision >= HELD_OUT_P, `held-out precision ${heldOut.precision}`);
    assert.ok(heldOut.recall >= HELD_OUT_R, `held-out recall ${heldOut.recall}`);
    // Measures and conclusions have no goal; their floors are what the letters tuned on measure now (measures: P 0.75
    // R 0.33, as only numbered measures under a measures heading are found; conclusions: P 0.86 R 1.00).
    const floors = { measure: [0.7, 0.3], conclusion: [0.8, 0.9] } as const;
    for (const [tag, [p, r]] of Object.entries(floors)) {
      const s = scores.tunedOn.find((x) => x.tag === tag)!;
      assert.ok(s.precision >= p && s.recall >= r, `${tag}: P ${s.precision} R ${s.recall}`);
    }
  });

  it('has a Dutch text for every reason shown on a suggestion', () => {
    const nl = JSON.parse(readFileSync('l10n/parts/editor-suggestions.nl.json', 'utf8')) as Record<string, string>;
    for (const template of Object.values(REASONS)) assert.ok(nl[template], template);
  });
});
