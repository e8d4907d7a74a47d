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

  it('has the sample letter and at least three real letters, some held out, each with its source', () => {
    const letters = taggedLetters();
    assert.ok(letters.length >= 4);
    assert.ok(letters.filter((l) => l.heldOut).length >= 1);
    for (const l of letters.slice(1)) assert.match(l.text, /^<!-- source: https?:\/\/\S+.*by hand/su, l.id);
    assert.ok(letters.filter((l) => l.tags.some((t) => t.tag === 'commitment')).length >= 4);
  });

  it('keeps commitments at precision and recall of at least 0.7 on the tuning letters, and proposes no false one on the held-out letters', () => {
    const scores = scoreCorpus();
    const tuning = scores.tuning.find((s) => s.tag === 'commitment')!;
    assert.ok(tuning.precision >= 0.7, `precision ${tuning.precision}`);
    assert.ok(tuning.recall >= 0.7, `recall ${tuning.recall}`);
    const heldOut = scores.heldOut.find((s) => s.tag === 'commitment')!;
    // Held out: no false commitment in seven letters; two of three commitments are phrased with *voornemens*, a cue
    // the tuning letters did not have (and that was not added after looking, to keep these letters held out).
    assert.ok(heldOut.precision >= 0.7, `held-out precision ${heldOut.precision}`);
    assert.ok(heldOut.recall >= 0.3, `held-out recall ${heldOut.recall}`);
    for (const tag of ['measure', 'conclusion']) {
      const s = scores.tuning.find((x) => x.tag === tag)!;
      assert.ok(s.recall >= 0.5 && s.precision >= 0.4, `${tag}: P ${s.precision} R ${s.recall}`);
    }
  });

  it('has a Dutch text for every reason shown on a suggestion', () => {
    const nl = JSON.parse(readFileSync('l10n/parts/editor-suggestions.nl.json', 'utf8')) as Record<string, string>;
    for (const template of Object.values(REASONS)) assert.ok(nl[template], template);
  });
});
