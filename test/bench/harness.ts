// Bench harness: every case is measured in the same process run as its baseline, and printed as a ratio
// together with absolute medians. No case asserts a time; the printed table is the result.

export interface Measurement {
  /** Median duration in milliseconds. */
  median: number;
  p95: number;
  samples: number;
}

export interface BenchResult {
  /** What was measured, e.g. "full scan of a 1 MB note". */
  subject: Measurement;
  /** The baseline measured in the same run, e.g. "remark-parse alone"; absent for absolute targets. */
  baseline?: { name: string; measurement: Measurement };
  /** The goal as written in the issue, printed for the reader: "ratio ≤ 1.3", "median ≤ 5 ms". */
  target: string;
  /** Whether the goal was met in this run (printed, never asserted). */
  met: boolean;
  notes?: string[];
}

export interface BenchCase {
  name: string;
  run(): Promise<BenchResult> | BenchResult;
}

/** Runs `fn` repeatedly (after warm-up) and returns median and p95 in ms. */
export async function measure(fn: () => unknown | Promise<unknown>, opts: { iterations?: number; warmup?: number; minMs?: number } = {}): Promise<Measurement> {
  const iterations = opts.iterations ?? 20;
  const warmup = opts.warmup ?? 3;
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  const started = performance.now();
  while (times.length < iterations || performance.now() - started < (opts.minMs ?? 0)) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
    if (times.length >= iterations * 50) break;
  }
  return summarise(times);
}

export function summarise(times: number[]): Measurement {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), samples: sorted.length };
}

export function ratio(result: BenchResult): number | undefined {
  return result.baseline ? result.subject.median / result.baseline.measurement.median : undefined;
}

export function formatResult(name: string, r: BenchResult): string {
  const ms = (v: number) => `${v < 10 ? v.toFixed(3) : v.toFixed(1)} ms`;
  const lines = [`${r.met ? 'MET ' : 'MISS'}  ${name}`];
  const q = ratio(r);
  if (q !== undefined && r.baseline) {
    lines.push(`      ratio ${q.toFixed(2)}× against ${r.baseline.name} (target ${r.target})`);
    lines.push(`      median ${ms(r.subject.median)} vs ${ms(r.baseline.measurement.median)}; p95 ${ms(r.subject.p95)}; n=${r.subject.samples}`);
  } else {
    lines.push(`      median ${ms(r.subject.median)}, p95 ${ms(r.subject.p95)}, n=${r.subject.samples} (target ${r.target})`);
  }
  for (const n of r.notes ?? []) lines.push(`      ${n}`);
  return lines.join('\n');
}
