// Calibration case: shows the harness's own resolution, so other ratios can be read against it.
import { measure, type BenchCase } from './harness';

export const cases: BenchCase[] = [
  {
    name: 'harness: JSON.parse of a 100 kB array vs. the same array of half size',
    async run() {
      const big = JSON.stringify(Array.from({ length: 10_000 }, (_, i) => ({ i, s: 'x'.repeat(4) })));
      const half = JSON.stringify(Array.from({ length: 5_000 }, (_, i) => ({ i, s: 'x'.repeat(4) })));
      const subject = await measure(() => JSON.parse(big), { iterations: 30 });
      const baseline = await measure(() => JSON.parse(half), { iterations: 30 });
      const q = subject.median / baseline.median;
      return { subject, baseline: { name: 'half the input', measurement: baseline }, target: 'ratio ≈ 2 (linear)', met: q > 1.3 && q < 3.5 };
    },
  },
];
