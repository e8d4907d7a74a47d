// The commitments register (issue 16) on a workspace of 200 letters with 5 commitments each: collecting them
// (deadlines parsed from the passages) and writing the CSV, as the view and `report --commitments` do; and the
// fulfilment candidates of one commitment against every letter (Mark fulfilled), each against the citation scan
// of the same letters, which the candidate search includes.
import { readFileSync } from 'node:fs';
import type { Annotation } from '../../src/core/annotations/model';
import { scanText } from '../../src/core/citations';
import { collectCommitments, commitmentLetter, commitmentsAs, fulfilmentCandidates, type CommitmentLetter } from '../../src/core/commitments';
import { measure, type BenchCase } from './harness';

const PHRASES = ['voor de zomer', 'in het najaar van 2026', 'binnen drie maanden', 'zo spoedig mogelijk', 'bij de voorjaarsnota'];

function workspace(): CommitmentLetter[] {
  const sample = readFileSync('samples/letters/kst-29754-716.md', 'utf8');
  return Array.from({ length: 200 }, (_, i) => {
    const date = `20${String(24 + (i % 3))}-${String(1 + (i % 12)).padStart(2, '0')}-15`;
    const text = sample.replace('datum: 2024-06-18', `datum: ${date}`).replace('kamerstuk: kst-29754-716', `kamerstuk: kst-29754-${800 + i}`);
    const annotations: Annotation[] = PHRASES.map((p, k) => {
      const quote = `Ik informeer uw Kamer ${p} over de leerlijn screening ${k}.`;
      return { id: `c${i}x${k}`.padEnd(10, '0'), tag: 'commitment', quote, prefix: '', suffix: '', start: 0, end: quote.length };
    });
    return commitmentLetter(`letters/kst-29754-${800 + i}.md`, text, annotations);
  });
}

export const cases: BenchCase[] = [
  {
    name: 'commitments: register and CSV of 1,000 commitments in 200 letters, against scanning the letters for citations',
    async run() {
      const letters = workspace();
      const baseline = await measure(() => letters.forEach((l) => scanText(l.text)), { iterations: 5 });
      const subject = await measure(() => commitmentsAs(collectCommitments(letters, { today: '2026-01-01' }), 'csv', { lang: 'nl', today: '2026-01-01' }), {
        iterations: 5,
      });
      return {
        subject,
        baseline: { name: 'the citation scan of the 200 letters', measurement: baseline },
        target: 'ratio ≤ 1.5',
        met: subject.median <= 1.5 * baseline.median,
      };
    },
  },
  {
    name: 'commitments: fulfilment candidates of one commitment against 200 fresh letters, against scanning them once',
    async run() {
      const baseline = await measure(() => workspace().forEach((l) => scanText(l.text)), { iterations: 5 });
      const subject = await measure(
        () => {
          const letters = workspace();
          fulfilmentCandidates(collectCommitments(letters.slice(0, 1), { today: '2026-01-01' })[0], letters);
        },
        { iterations: 5 },
      );
      const letters = workspace();
      const list = collectCommitments(letters, { today: '2026-01-01' });
      const t0 = performance.now();
      for (const c of list) fulfilmentCandidates(c, letters);
      const all = performance.now() - t0;
      return {
        subject,
        baseline: { name: 'building the letters and scanning each once for citations', measurement: baseline },
        target: 'ratio ≤ 1.5 (each letter read once)',
        met: subject.median <= 1.5 * baseline.median,
        notes: [`all ${list.length} commitments against the same letters afterwards: ${all.toFixed(0)} ms`],
      };
    },
  },
];
