// Approximate string search: Myers' bit-parallel algorithm (patterns of up to 32 code units) finds where a
// pattern ends with at most k errors; a semi-global DP recovers the start. Long patterns are split into pieces:
// if the whole has at most k errors, some piece has at most k·|piece|/m (pigeonhole), so searching each piece
// with that budget and verifying around each run of its hits (the whole run, see findApproximate) finds the best
// match. Errors and offsets are in UTF-16 code units (as in approx-string-match).

export interface ApproximateMatch {
  start: number;
  end: number;
  errors: number;
}

/** A run of end offsets where a pattern matches with ≤ k errors (see `searchEnds`). */
export interface PieceHit {
  /** The best end of the run and its error count. */
  end: number;
  errors: number;
  /** The run's first and last end (`first ≤ end ≤ last`). */
  first: number;
  last: number;
}

const peq = new Int32Array(65536);

/**
 * Where `pattern` (≤ 32) matches `text[from, to)` with ≤ k errors: one hit per run of consecutive end offsets
 * (exclusive) that all have ≤ k errors, with the run's best end (fewest errors, then earliest) and its first and
 * last end. Any end in the run may be the one a longer alignment passes through, not only the best.
 */
export function searchEnds(pattern: string, text: string, from: number, to: number, k: number): PieceHit[] {
  const m = pattern.length;
  if (m === 0 || m > 32) throw new RangeError('pattern length must be 1..32');
  for (let i = 0; i < m; i++) peq[pattern.charCodeAt(i)] |= 1 << i;
  const hb = 1 << (m - 1);
  let pv = -1;
  let mv = 0;
  let score = m;
  const hits: PieceHit[] = [];
  let runBest = -1;
  let runErrors = 0;
  let runFirst = -1;
  for (let j = from; j < to; j++) {
    const eq = peq[text.charCodeAt(j)];
    const xv = eq | mv;
    const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq; // `| 0` keeps the sum in int32 arithmetic
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    if (ph & hb) score++;
    else if (mh & hb) score--;
    ph <<= 1;
    mh <<= 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
    if (score <= k) {
      if (runBest < 0) runFirst = j + 1;
      if (runBest < 0 || score < runErrors) {
        runBest = j + 1;
        runErrors = score;
      }
    } else if (runBest >= 0) {
      hits.push({ end: runBest, errors: runErrors, first: runFirst, last: j });
      runBest = -1;
    }
  }
  if (runBest >= 0) hits.push({ end: runBest, errors: runErrors, first: runFirst, last: to });
  for (let i = 0; i < m; i++) peq[pattern.charCodeAt(i)] = 0;
  return hits;
}

/** The best match of the whole `pattern` inside `text[from, to)` (fewest errors, then earliest), or undefined. */
export function alignWithin(pattern: string, text: string, from: number, to: number, k: number): ApproximateMatch | undefined {
  from = Math.max(0, from);
  to = Math.min(text.length, to);
  if (to <= from || !pattern.length) return undefined;
  const forward = bestEnd(pattern, text, from, to, false);
  if (forward.errors > k) return undefined;
  // The start: scan the reversed pattern backwards from the best end; the fewest errors mark the start.
  const back = bestEnd(pattern, text, Math.max(from, forward.at - pattern.length - k - 1), forward.at, true);
  return { start: back.at, end: forward.at, errors: Math.min(forward.errors, back.errors) };
}

const charIndex = new Int32Array(65536);

/**
 * Myers' algorithm over 32-bit blocks (any pattern length): the position where `pattern` ends (forward) or
 * starts (reverse) with the fewest errors within text[from, to), matching any substring ending (starting) there.
 */
function bestEnd(pattern: string, text: string, from: number, to: number, reverse: boolean): { at: number; errors: number } {
  const m = pattern.length;
  const blocks = Math.ceil(m / 32);
  let alphabet = 1;
  const codes: number[] = [];
  for (let i = 0; i < m; i++) {
    const c = pattern.charCodeAt(reverse ? m - 1 - i : i);
    if (charIndex[c] === 0) {
      charIndex[c] = alphabet++;
      codes.push(c);
    }
  }
  const peqs = new Int32Array(blocks * alphabet);
  for (let i = 0; i < m; i++) {
    const c = pattern.charCodeAt(reverse ? m - 1 - i : i);
    peqs[(i >> 5) * alphabet + charIndex[c]] |= 1 << (i & 31);
  }
  const pv = new Int32Array(blocks).fill(-1);
  const mv = new Int32Array(blocks);
  const lastBit = 1 << ((m - 1) & 31);
  let score = m;
  let best = { at: reverse ? to : from, errors: m };
  const n = to - from;
  for (let step = 0; step < n; step++) {
    const j = reverse ? to - 1 - step : from + step;
    const ci = charIndex[text.charCodeAt(j)];
    let hin = 0;
    for (let b = 0; b < blocks; b++) {
      let eq = ci ? peqs[b * alphabet + ci] : 0;
      const p = pv[b];
      const mm = mv[b];
      const xv = eq | mm;
      if (hin < 0) eq |= 1;
      const xh = ((((eq & p) + p) | 0) ^ p) | eq;
      let ph = mm | ~(xh | p);
      let mh = p & xh;
      const high = b === blocks - 1 ? lastBit : 1 << 31;
      const hout = ph & high ? 1 : mh & high ? -1 : 0;
      ph <<= 1;
      mh <<= 1;
      if (hin < 0) mh |= 1;
      else if (hin > 0) ph |= 1;
      pv[b] = mh | ~(xv | ph);
      mv[b] = ph & xv;
      hin = hout;
    }
    score += hin;
    if (score < best.errors) best = { at: reverse ? j : j + 1, errors: score };
  }
  for (const c of codes) charIndex[c] = 0;
  return best;
}

/**
 * Approximate matches of `pattern` in `text[from, to)` with at most k errors, best first (fewest errors, then
 * earliest start), at most `limit`: the best match in the window verified around each run of piece hits. The best
 * match of the whole range is always among them; in prose, where runs are short, so is each separate occurrence
 * (in repetitive text such as dot leaders one window may span several, and only its best is reported).
 * `exact` lists starts of exact occurrences the caller already has: no approximate match near them can be better.
 */
export function findApproximate(
  pattern: string,
  text: string,
  from: number,
  to: number,
  k: number,
  exact: readonly number[] = [],
  limit = 200,
): ApproximateMatch[] {
  const m = pattern.length;
  from = Math.max(0, from);
  to = Math.min(text.length, to);
  if (m === 0 || to - from < m - k) return [];
  const pieces = Math.ceil(m / 32);
  const found: ApproximateMatch[] = [];
  const verified: [number, number][] = [];
  for (let p = 0; p < pieces; p++) {
    const a = Math.floor((p * m) / pieces);
    const b = Math.floor(((p + 1) * m) / pieces);
    const budget = Math.floor((k * (b - a)) / m);
    for (const hit of searchEnds(pattern.slice(a, b), text, from, to, budget)) {
      // Where the whole pattern would start if the piece ended at the run's first or last end. A match of the
      // whole pattern whose piece ends anywhere in the run [first, last] (not only at its best end: in repetitive
      // text a run can be long) starts within k of these origins and ends within m + k of them.
      const firstOrigin = hit.first - b;
      const lastOrigin = hit.last - b;
      if (exact.some((s) => firstOrigin >= s - k - 1 && lastOrigin <= s + k + 1)) continue;
      const lo = Math.max(from, firstOrigin - k - 1);
      const hi = Math.min(to, lastOrigin + m + k + 1);
      // Only a window inside one already verified is skipped: the best match there is at least as good. (Skipping
      // a window that merely overlapped one could lose the best match: it may lie partly outside the verified one.)
      if (verified.some(([vlo, vhi]) => lo >= vlo && hi <= vhi)) continue;
      verified.push([lo, hi]);
      const match = alignWithin(pattern, text, lo, hi, k);
      if (match && !found.some((f) => f.start === match.start && f.end === match.end)) found.push(match);
    }
  }
  found.sort((x, y) => x.errors - y.errors || x.start - y.start);
  return found.slice(0, limit);
}

/** Levenshtein distance (two rows; fine for context strings of 32 code units). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      cur[j] = Math.min(sub, prev[j] + 1, cur[j - 1] + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}
