// Approximate search bench: our findApproximate (src/core/annotations/approximate-search.ts) against
// approx-string-match on the same searches — letters of 12, 30 and 60 kB, quotes of 30–400 characters with 1–3
// edits each, k as in anchoring (25 % of the quote) — as a full scan of the letter, and in the window anchoring
// actually searches (hint ± 1 kB + 2m). Both are timed in the same run; the ratio is ours / approx-string-match.
// The notes say whether the best error counts agreed on every search, and the ratio per quote length.
// (Not the same output: ours returns the best match around each occurrence, approx-string-match only the
// lowest-cost matches of the whole text.)
// A last case re-anchors one long tagged passage (10,000, 30,000 and 40,000 characters) after a one-character
// edit in its middle: the 40,000 against the 10,000 (4× the passage, about 4× the searched window).

import search from 'approx-string-match';
import { anchorAnnotation } from '../../src/core/annotations/anchor';
import { maxErrorsFor } from '../../src/core/annotations/anchor-score';
import { findApproximate } from '../../src/core/annotations/approximate-search';
import { captureSelector } from '../../src/core/annotations/quote';
import { bigLetter, random } from './annotations.bench';
import { measure, type BenchCase, type BenchResult } from './harness';

interface Search {
  quote: string;
  k: number;
  /** The searched range of the letter; `window` is that slice, handed to approx-string-match. */
  from: number;
  to: number;
  window: string;
}

/** Quotes per letter: one per 500 characters (so 400-character quotes fit), at most 40. */
const quotesFor = (size: number) => Math.min(40, Math.floor(size / 500));
/** What anchor.ts searches around the expected position (LOCAL_WINDOW there). */
const LOCAL_WINDOW = 1024;
const LENGTH_BANDS: [number, number][] = [
  [30, 100],
  [100, 250],
  [250, 400],
];

/**
 * A revised letter of about `size` characters and the searches for `quotesFor(size)` passages of the original, each
 * 30–400 characters from a word start, replaced in the revision by a copy with 1–3 edits (substitution, insertion
 * or deletion of a letter). `local` searches only anchoring's window around each passage's new position.
 */
function editedLetter(size: number, seed: number, local: boolean): { text: string; searches: Search[] } {
  const original = bigLetter(size, 0).text;
  const rnd = random(seed);
  const letters = 'abcdefghijklmnoprstuvwz';
  const count = quotesFor(size);
  const segment = Math.floor(original.length / count);
  let text = '';
  let cursor = 0;
  const placed: { quote: string; at: number }[] = [];
  for (let n = 0; n < count; n++) {
    const start = original.indexOf(' ', n * segment + Math.floor(rnd() * segment * 0.3)) + 1;
    const [lo, hi] = LENGTH_BANDS[n % LENGTH_BANDS.length];
    const length = Math.min(lo + Math.floor(rnd() * (hi - lo + 1)), segment - (start - n * segment) - 1);
    const quote = original.slice(start, start + length);
    let copy = quote;
    for (let e = 1 + Math.floor(rnd() * 3); e > 0; e--) {
      const i = 1 + Math.floor(rnd() * (copy.length - 2));
      const c = letters[Math.floor(rnd() * letters.length)];
      const op = rnd();
      copy = op < 1 / 3 ? copy.slice(0, i) + c + copy.slice(i + 1) : op < 2 / 3 ? copy.slice(0, i) + c + copy.slice(i) : copy.slice(0, i) + copy.slice(i + 1);
    }
    text += original.slice(cursor, start);
    placed.push({ quote, at: text.length });
    text += copy;
    cursor = start + length;
  }
  text += original.slice(cursor);
  const searches = placed.map(({ quote, at }) => {
    const m = quote.length;
    const from = local ? Math.max(0, at - LOCAL_WINDOW - 2 * m) : 0;
    const to = local ? Math.min(text.length, at + m + LOCAL_WINDOW + 2 * m) : text.length;
    return { quote, k: maxErrorsFor(m), from, to, window: text.slice(from, to) };
  });
  return { text, searches };
}

const ours = (text: string, searches: readonly Search[]) => () => {
  for (const s of searches) findApproximate(s.quote, text, s.from, s.to, s.k);
};
const theirs = (searches: readonly Search[]) => () => {
  for (const s of searches) search(s.window, s.quote, s.k);
};

async function compare(size: number, seed: number, local: boolean): Promise<BenchResult> {
  const { text, searches } = editedLetter(size, seed, local);
  let agree = 0;
  let candidates = 0;
  for (const s of searches) {
    const a = findApproximate(s.quote, text, s.from, s.to, s.k);
    const b = search(s.window, s.quote, s.k);
    if (a[0]?.errors === b[0]?.errors) agree++;
    candidates += a.length;
  }
  const subject = await measure(ours(text, searches), { iterations: 15, warmup: 3 });
  const baseline = await measure(theirs(searches), { iterations: 15, warmup: 3 });
  const bands: string[] = [];
  for (const [lo, hi] of LENGTH_BANDS) {
    const some = searches.filter((s) => s.quote.length >= lo && s.quote.length <= hi);
    const a = await measure(ours(text, some), { iterations: 9, warmup: 2 });
    const b = await measure(theirs(some), { iterations: 9, warmup: 2 });
    bands.push(`${lo}–${hi}: ${(a.median / b.median).toFixed(2)}× (${a.median.toFixed(2)} vs ${b.median.toFixed(2)} ms, ${some.length} quotes)`);
  }
  const ratio = subject.median / baseline.median;
  return {
    subject,
    baseline: { name: 'approx-string-match on the same searches', measurement: baseline },
    target: 'ratio < 1 (ours faster)',
    met: ratio < 1,
    notes: [
      `letter ${(text.length / 1000).toFixed(1)} kB, ${searches.length} quotes, searched ${local ? `in windows of ${Math.round(searches.reduce((n, s) => n + s.to - s.from, 0) / searches.length)} chars on average` : 'in the whole letter'}`,
      `best error count agrees in ${agree} of ${searches.length} searches; ours returned ${candidates} candidates in all, approx-string-match only the lowest-cost ones`,
      `ratio by quote length: ${bands.join('; ')}`,
    ],
  };
}

/** A letter, one long passage of it tagged, and the letter with one character in the middle of the passage replaced. */
function longPassage(text: string, length: number) {
  const start = text.indexOf('. ', 50_000) + 2;
  const annotation = { id: `long-${length}`, ...captureSelector(text, start, start + length) };
  const at = start + Math.floor(length / 2);
  const edited = text.slice(0, at) + (text[at] === 'x' ? 'y' : 'x') + text.slice(at + 1);
  return { annotation, edited, start };
}

async function longPassages(): Promise<BenchResult> {
  const { text } = bigLetter(200_000, 0);
  const runs = [10_000, 30_000, 40_000].map((length) => ({ length, ...longPassage(text, length) }));
  const statuses: string[] = [];
  const times = [];
  for (const r of runs) {
    const result = anchorAnnotation(r.edited, r.annotation);
    statuses.push(`${r.length}: ${result.status}${result.start === r.start ? ' in place' : ` at ${result.start}`}`);
    times.push(await measure(() => anchorAnnotation(r.edited, r.annotation), { iterations: 5, warmup: 1 }));
  }
  const [ten, thirty, forty] = times;
  const q = forty.median / ten.median;
  return {
    subject: forty,
    baseline: { name: 'the 10,000-character passage', measurement: ten },
    target: 'ratio ≤ 6 (about linear: 4× the passage)',
    met: q <= 6,
    notes: [
      `letter ${(text.length / 1000).toFixed(0)} kB; medians 10k ${ten.median.toFixed(0)} ms, 30k ${thirty.median.toFixed(0)} ms, 40k ${forty.median.toFixed(0)} ms`,
      `30k / 10k ${(thirty.median / ten.median).toFixed(2)}×; results ${statuses.join(', ')}`,
    ],
  };
}

export const cases: BenchCase[] = [
  ...[12_000, 30_000, 60_000].map((size, i) => ({
    name: `approximate search: full scan of a ${size / 1000} kB letter for ${quotesFor(size)} edited quotes, ours vs approx-string-match`,
    run: () => compare(size, 41 + i, false),
  })),
  {
    name: `approximate search: anchoring's window (hint ± 1 kB + 2m) in a 60 kB letter, ${quotesFor(60_000)} edited quotes, ours vs approx-string-match`,
    run: () => compare(60_000, 47, true),
  },
  {
    name: 'approximate search: re-anchoring a 10,000 / 30,000 / 40,000-character passage after a one-character edit',
    run: longPassages,
  },
];
