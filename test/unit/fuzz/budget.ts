// The budget of the fuzz targets: a fixed seed and a few hundred runs in `npm test`; `npm run fuzz` sets
// KAMERSTUK_FUZZ_RUNS (and a random seed unless KAMERSTUK_FUZZ_SEED is given) for a longer search.
import type { Parameters } from 'fast-check';

const runs = Number(process.env.KAMERSTUK_FUZZ_RUNS) || 0;
const seed = Number(process.env.KAMERSTUK_FUZZ_SEED) || undefined;

/** fast-check parameters: `base` runs with a fixed seed by default, the fuzz budget when one is set. */
export function fuzzBudget(base: number, fixedSeed: number): Parameters<unknown> {
  if (!runs) return { numRuns: base, seed: fixedSeed };
  return { numRuns: runs, ...(seed ? { seed } : {}), verbose: 1 };
}

/** Mocha timeout for a target: generous for the long search, a few seconds otherwise. */
export const FUZZ_TIMEOUT_MS = runs ? 0 : 20_000;
