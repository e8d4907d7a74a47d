// Suggest tags: the time to suggest on the sample letter against the citation scan of the same letter (which it
// includes), and precision and recall per tag against hand-tagged letters, per group (tuning, the spent held-out
// groups 1 and 2, held-out group 3; see test/support/suggestion-corpus.ts); and
// a ~700 KB letter (the sample's body 28 times, then ~400 KB of prose without a citation) against a 28th of it 28 times: linear.
import { readFileSync } from 'node:fs';
import { analyseMarkdown } from '../../src/core/markdown';
import { suggestTags } from '../../src/core/suggestions';
import { formatScores, GROUP_NAMES, type LetterGroup, scoreCorpus } from '../support/suggestion-corpus';
import { measure, type BenchCase } from './harness';

export const cases: BenchCase[] = [
  {
    name: 'suggestions: precision and recall against hand tags; time on the sample letter',
    async run() {
      const letter = readFileSync('samples/letters/kst-29754-716.md', 'utf8');
      const baseline = await measure(() => analyseMarkdown(letter), { iterations: 30 });
      const subject = await measure(() => suggestTags(letter), { iterations: 30 });
      const scores = scoreCorpus();
      const commitment = (list: typeof scores.tunedOn) => list.find((s) => s.tag === 'commitment');
      const goal = (s = commitment(scores.tunedOn)) => !!s && s.precision >= 0.7 && s.recall >= 0.7;
      const count = (group: LetterGroup) => scores.perLetter.filter((l) => l.group === group).length;
      return {
        subject,
        baseline: { name: 'the citation scan of the letter', measurement: baseline },
        target: 'commitments precision ≥ 0.7 and recall ≥ 0.7 on the letters tuned on and on held-out group 3',
        met: goal(commitment(scores.tunedOn)) && goal(commitment(scores.groups.heldOut)),
        notes: (['tuning', 'spent', 'heldOut'] as const).map((g) => `${GROUP_NAMES[g]} (${count(g)} letters): ${formatScores(scores.groups[g])}`),
      };
    },
  },
  {
    name: 'suggestions: a ~700 KB letter against a letter 28 times smaller, 28 times',
    async run() {
      const letter = readFileSync('samples/letters/kst-29754-716.md', 'utf8');
      const body = letter.replace(/^---\n[\s\S]*?\n---\n/u, '');
      // A long stretch without any citation (here the last ~400 KB) was the quadratic case: the scanner's search ran
      // from every paragraph to the next citation.
      const prose = 'Ik zal uw Kamer voor de zomer informeren over de voortgang. Wij concluderen dat het werkt.\n\n'.repeat(150);
      const copies = 28;
      const small = `${letter}\n\n${prose}`;
      const large = `${letter}${`\n${body}`.repeat(copies - 1)}\n\n${prose.repeat(copies)}`;
      const baseline = await measure(
        () => {
          for (let i = 0; i < copies; i++) suggestTags(small);
        },
        { iterations: 5, warmup: 1 },
      );
      const subject = await measure(() => suggestTags(large), { iterations: 5, warmup: 1 });
      const ratio = subject.median / baseline.median;
      return {
        subject,
        baseline: { name: `suggesting on a ${Math.round(small.length / 1024)} KB letter ${copies} times`, measurement: baseline },
        target: 'ratio ≤ 2 (linear in the letter’s length)',
        met: ratio <= 2,
        notes: [`${Math.round(large.length / 1024)} KB letter`],
      };
    },
  },
];
