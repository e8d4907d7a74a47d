// Approximate string search: Myers' bit-parallel algorithm (patterns of up to 32 code units) finds where a
// pattern ends with at most k errors; a semi-global DP recovers the start. Long patterns are split into pieces:
// if the whole has at most k errors, some piece has at most k·|piece|/m (pigeonhole), so searching each piece
// with that budget and verifying around each run of its hits (the whole run, see findApproximate) finds the best
// match. For long patterns pigeonhole says more: a match with ≤ k errors leaves at most a few pieces over their
// budget, so most pieces must hit where it starts (the quorum, see `piecesThatMustHit`). A hit that no quorum
// of pieces agrees with (a 32-character phrase repeated elsewhere in the letter) is not verified: an alignment of
// a long pattern costs m²/32, and there are thousands of such hits in a long passage. A long pattern with few
// errors allowed is verified once per stretch of agreed starts, by a DP banded around those starts (m·(stretch +
// 2k) cells): one quote costs the piece searches (each linear in the searched window) and one banded alignment
// per agreed stretch, not a full alignment per hit. Errors and offsets are in UTF-16 code units (as in
// approx-string-match).

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

/** The hits of one piece of a pattern, `pattern.slice(start, end)`, searched with `budget` errors. */
interface PieceSearch {
  start: number;
  end: number;
  budget: number;
  hits: PieceHit[];
}

/** A range of offsets, both ends included. */
type Span = [number, number];

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
  const pieces = searchPieces(pattern, text, from, to, k);
  const quorum = piecesThatMustHit(pieces, k);
  const agreed = quorum > 1 ? startsWithQuorum(pieces, k, quorum) : undefined;
  const search: PatternSearch = { pattern, text, from, to, k, exact };
  // A long pattern with few errors allowed (k ≤ m/6) is verified once per stretch of agreed starts, by the banded
  // alignment; any other around each run that points at agreed starts, as all runs were before.
  const found = agreed && 6 * k + 3 < m ? verifyAgreedStarts(search, pieces, agreed) : verifyEachRun(search, pieces, agreed);
  found.sort((x, y) => x.errors - y.errors || x.start - y.start);
  return found.slice(0, limit);
}

interface PatternSearch {
  pattern: string;
  text: string;
  from: number;
  to: number;
  k: number;
  exact: readonly number[];
}

/**
 * Where the whole pattern would start if the piece ended at the run's first or last end. A match of the whole
 * pattern whose piece ends anywhere in the run [first, last] (not only at its best end: in repetitive text a run
 * can be long) starts within k of these origins and ends within m + k of them. Undefined for a run next to an
 * exact occurrence the caller has.
 */
function runOrigins(s: PatternSearch, piece: PieceSearch, hit: PieceHit): Span | undefined {
  const firstOrigin = hit.first - piece.end;
  const lastOrigin = hit.last - piece.end;
  if (s.exact.some((x) => firstOrigin >= x - s.k - 1 && lastOrigin <= x + s.k + 1)) return undefined;
  return [firstOrigin, lastOrigin];
}

/**
 * The best match in the window around each run of piece hits; with `agreed` (the starts a quorum of pieces agrees
 * with) only around runs that point at such a start: any match within k passes through runs that do.
 */
function verifyEachRun(s: PatternSearch, pieces: readonly PieceSearch[], agreed?: readonly Span[]): ApproximateMatch[] {
  const { pattern, text, k } = s;
  const m = pattern.length;
  const found: ApproximateMatch[] = [];
  const verified: Span[] = [];
  for (const piece of pieces) {
    for (const hit of piece.hits) {
      const origins = runOrigins(s, piece, hit);
      if (!origins || (agreed && !overlapping(agreed, origins[0] - k - 1, origins[1] + k + 1).length)) continue;
      const lo = Math.max(s.from, origins[0] - k - 1);
      const hi = Math.min(s.to, origins[1] + m + k + 1);
      // Only a window inside one already verified is skipped: the best match there is at least as good. (Skipping
      // a window that merely overlapped one could lose the best match: it may lie partly outside the verified one.)
      if (verified.some(([vlo, vhi]) => lo >= vlo && hi <= vhi)) continue;
      verified.push([lo, hi]);
      addMatch(found, alignWithin(pattern, text, lo, hi, k));
    }
  }
  return found;
}

/**
 * The best match starting in each stretch of starts that a quorum of pieces agrees with and some (not skipped)
 * run points at. Every match within k starts in such a stretch, so a hit pointing at none is not verified.
 */
function verifyAgreedStarts(s: PatternSearch, pieces: readonly PieceSearch[], agreed: readonly Span[]): ApproximateMatch[] {
  const { k } = s;
  const pointed = new Set<number>();
  for (const piece of pieces) {
    for (const hit of piece.hits) {
      const origins = runOrigins(s, piece, hit);
      if (origins) for (const i of overlapping(agreed, origins[0] - k - 1, origins[1] + k + 1)) pointed.add(i);
    }
  }
  const found: ApproximateMatch[] = [];
  for (const i of [...pointed].sort((x, y) => x - y)) addMatch(found, bestStartingIn(s, agreed[i]));
  return found;
}

/**
 * The best match starting in `starts`: by the banded alignment while the band (|starts| + 2k diagonals, one cell
 * each) is narrower than about a third of the pattern, else by the bit-parallel one over the window those starts
 * span (m/32 words a column, each word about eight times a cell's cost), which finds the best match there at least.
 */
function bestStartingIn(s: PatternSearch, starts: Span): ApproximateMatch | undefined {
  const m = s.pattern.length;
  const hi = Math.min(s.to, starts[1] + m + s.k + 1);
  if (3 * (starts[1] - starts[0] + 2 * s.k + 1) < m) return alignStartingIn(s.pattern, s.text, starts, s.from, hi, s.k);
  return alignWithin(s.pattern, s.text, Math.max(s.from, starts[0]), hi, s.k);
}

function addMatch(found: ApproximateMatch[], match: ApproximateMatch | undefined): void {
  if (match && !found.some((f) => f.start === match.start && f.end === match.end)) found.push(match);
}

/** The pieces of `pattern` (≤ 32 code units each, budget k·|piece|/m) and their hits in `text[from, to)`. */
function searchPieces(pattern: string, text: string, from: number, to: number, k: number): PieceSearch[] {
  const m = pattern.length;
  const count = Math.ceil(m / 32);
  const out: PieceSearch[] = [];
  for (let p = 0; p < count; p++) {
    const start = Math.floor((p * m) / count);
    const end = Math.floor(((p + 1) * m) / count);
    const budget = Math.floor((k * (end - start)) / m);
    const hits = budget === 0 ? [] : searchEnds(pattern.slice(start, end), text, from, to, budget);
    out.push({ start, end, budget, hits });
  }
  const verbatim = out.filter((p) => p.budget === 0);
  if (verbatim.length) findVerbatimPieces(pattern, verbatim, text, from, to);
  return out;
}

/**
 * The hits of pieces searched with no errors, i.e. their verbatim occurrences inside `text[from, to)`, as runs of
 * end offsets like `searchEnds` gives with k = 0. One pass over the text per piece length (looking each window up
 * among the pieces), not one string search per piece: a 40,000-character quote has 1,250 pieces.
 */
export function findVerbatimPieces(pattern: string, pieces: readonly PieceSearch[], text: string, from: number, to: number): void {
  const byLength = new Map<number, Map<string, PieceSearch[]>>();
  for (const p of pieces) {
    const length = p.end - p.start;
    let byText = byLength.get(length);
    if (!byText) byLength.set(length, (byText = new Map()));
    const piece = pattern.slice(p.start, p.end);
    const same = byText.get(piece);
    if (same) same.push(p);
    else byText.set(piece, [p]);
  }
  for (const [length, byText] of byLength) {
    for (let i = from; i + length <= to; i++) {
      const same = byText.get(text.slice(i, i + length));
      if (same) for (const p of same) addVerbatimEnd(p.hits, i + length);
    }
  }
}

function addVerbatimEnd(hits: PieceHit[], end: number): void {
  const run = hits[hits.length - 1];
  if (run && run.last === end - 1) run.last = end;
  else hits.push({ end, errors: 0, first: end, last: end });
}

/**
 * How many pieces every match with ≤ k errors has a hit for. Its errors are shared out over the pieces, and a
 * piece misses only if it takes more than its budget: with k errors at most this many pieces miss (the cheapest
 * ones to exceed first), so all the others hit.
 */
export function piecesThatMustHit(pieces: readonly Pick<PieceSearch, 'budget'>[], k: number): number {
  const costs = pieces.map((p) => p.budget + 1).sort((x, y) => x - y);
  let missed = 0;
  for (let spent = 0; missed < costs.length && spent + costs[missed] <= k; missed++) spent += costs[missed];
  return pieces.length - missed;
}

/**
 * The starts (sorted, disjoint spans) that at least `quorum` different pieces agree with. A match starting at s
 * passes through piece [start, end) at most k from s + end, so each piece that hits for it has a run whose origin
 * (run end − piece end) lies within k of s; the pieces agreeing with s are those whose widened origins cover s.
 */
export function startsWithQuorum(pieces: readonly PieceSearch[], k: number, quorum: number): Span[] {
  const events: [number, number][] = [];
  for (const piece of pieces) {
    for (const [lo, hi] of widenedOrigins(piece, k)) events.push([lo, 1], [hi + 1, -1]);
  }
  events.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out: Span[] = [];
  let depth = 0;
  for (let i = 0; i < events.length; i++) {
    const [at, step] = events[i];
    const before = depth;
    depth += step;
    if (before < quorum && depth >= quorum) out.push([at, at]);
    else if (before >= quorum && depth < quorum) out[out.length - 1][1] = at - 1;
  }
  return out;
}

/** One piece's hit origins widened by k + 1 (the slack of the verified windows), overlapping ones merged. */
function widenedOrigins(piece: PieceSearch, k: number): Span[] {
  const out: Span[] = [];
  for (const hit of piece.hits) {
    const lo = hit.first - piece.end - k - 1;
    const hi = hit.last - piece.end + k + 1;
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

/** Indices of the spans of `spans` (sorted, disjoint) that overlap [lo, hi]. */
function overlapping(spans: readonly Span[], lo: number, hi: number): number[] {
  let a = 0;
  let b = spans.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (spans[mid][1] < lo) a = mid + 1;
    else b = mid;
  }
  const out: number[] = [];
  for (let i = a; i < spans.length && spans[i][0] <= hi; i++) out.push(i);
  return out;
}

/**
 * The best match of `pattern` that starts in `starts` (both ends included) and lies inside `text[lo, hi)`: fewest
 * errors, then earliest end, then latest start (as `alignWithin`), or undefined beyond k. A banded DP: a match
 * with ≤ k errors starting at s keeps every cell of its alignment within k of the diagonals of `starts`, so only
 * |starts| + 2k diagonals are computed, m·(|starts| + 2k) cells instead of a full alignment's m·(window) / 32 words
 * (for a 40,000-character quote, k = 256: 40,000 × ~1,000 cells against 40,500 × 1,250 words, ten times faster).
 */
export function alignStartingIn(pattern: string, text: string, starts: Span, lo: number, hi: number, k: number): ApproximateMatch | undefined {
  lo = Math.max(0, lo);
  hi = Math.min(text.length, hi);
  const first = Math.max(starts[0], lo);
  const last = Math.min(starts[1], hi);
  if (!pattern.length || last < first) return undefined;
  const band = new DiagonalBand(first - k, last + k, k);
  band.startAt(first, last);
  for (let i = 1; i <= pattern.length && band.alive(); i++) band.nextRow(pattern.charCodeAt(i - 1), text, i, lo, hi);
  return band.best(pattern.length);
}

/**
 * Rows of the edit-distance DP of a pattern against text, over diagonals d = j − i in [dLo, dHi] (j: text end
 * offset, i: pattern characters consumed). Each cell keeps its cost (capped at k + 1) and the latest start of the
 * cheapest alignments reaching it. Only the stretch of cells within k (`active`) is computed.
 */
class DiagonalBand {
  private cost: Int32Array;
  private start: Int32Array;
  private next: Int32Array;
  private nextStart: Int32Array;
  /** The stretch of the current row with cost ≤ k (x = d − dLo), empty when lo > hi. */
  private activeLo = 0;
  private activeHi = -1;
  private readonly width: number;
  private readonly over: number;

  constructor(
    private readonly dLo: number,
    dHi: number,
    k: number,
  ) {
    this.width = dHi - dLo + 1;
    this.over = k + 1;
    this.cost = new Int32Array(this.width);
    this.start = new Int32Array(this.width);
    this.next = new Int32Array(this.width);
    this.nextStart = new Int32Array(this.width);
  }

  /** Row 0: the empty pattern prefix, free at each start in [first, last]. */
  startAt(first: number, last: number): void {
    this.activeLo = first - this.dLo;
    this.activeHi = last - this.dLo;
    for (let x = this.activeLo; x <= this.activeHi; x++) {
      this.cost[x] = 0;
      this.start[x] = this.dLo + x;
    }
  }

  alive(): boolean {
    return this.activeLo <= this.activeHi;
  }

  /** Row i from row i − 1: the pattern's i-th character `c` matched, deleted, or text characters inserted. */
  nextRow(c: number, text: string, i: number, lo: number, hi: number): void {
    const { cost, start, next, nextStart, over, dLo, activeLo, activeHi } = this;
    const xFrom = Math.max(0, activeLo - 1, lo - i - dLo);
    const xMax = Math.min(this.width - 1, hi - i - dLo);
    let newLo = -1;
    let newHi = -2;
    let left = over; // the cell to the left in this row (a text character inserted)
    let leftStart = 0;
    for (let x = xFrom; x <= xMax; x++) {
      const j = i + dLo + x;
      let best = over;
      let from = 0;
      if (x >= activeLo && x <= activeHi && j - 1 >= lo) {
        // Diagonal: pattern[i − 1] against text[j − 1].
        best = cost[x] + (text.charCodeAt(j - 1) === c ? 0 : 1);
        from = start[x];
      }
      if (x + 1 >= activeLo && x + 1 <= activeHi) {
        // The pattern character deleted: from (i − 1, j), diagonal d + 1.
        const up = cost[x + 1] + 1;
        if (up < best || (up === best && start[x + 1] > from)) {
          best = up;
          from = start[x + 1];
        }
      }
      const ins = left + 1;
      if (ins < best || (ins === best && leftStart > from)) {
        best = ins;
        from = leftStart;
      }
      if (best >= over) {
        best = over;
        if (x > activeHi) break; // past the previous row's cells only insertions continue, and they are over k
      } else {
        if (newLo < 0) newLo = x;
        newHi = x;
      }
      next[x] = best;
      nextStart[x] = from;
      left = best;
      leftStart = from;
    }
    this.cost = next;
    this.start = nextStart;
    this.next = cost;
    this.nextStart = start;
    this.activeLo = newLo < 0 ? 0 : newLo;
    this.activeHi = newLo < 0 ? -1 : newHi;
  }

  /** The cheapest cell of the last row (earliest end on ties) as a match of a pattern of length m. */
  best(m: number): ApproximateMatch | undefined {
    let at = -1;
    for (let x = this.activeLo; x <= this.activeHi; x++) if (this.cost[x] < this.over && (at < 0 || this.cost[x] < this.cost[at])) at = x;
    return at < 0 ? undefined : { start: this.start[at], end: m + this.dLo + at, errors: this.cost[at] };
  }
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
