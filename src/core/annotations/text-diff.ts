// The diff of a letter's old and new text in word tokens (runs of letters and digits, and single punctuation
// marks; whitespace is no token, so reflowed lines and CRLF are no edit): which tokens of the old text survive,
// where each one is now, and which tokens of the new text are new. Tokens survive only where the diff aligns
// them: a sentence repeated elsewhere in the new text is another sentence, however alike.
import { diffArrays } from 'diff';

const TOKEN = /[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu;

export interface Tokens {
  values: string[];
  starts: Int32Array;
  ends: Int32Array;
}

export function tokenize(text: string): Tokens {
  const values: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (const m of text.matchAll(TOKEN)) {
    values.push(m[0]);
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  return { values, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

export interface TextDiff {
  old: Tokens;
  new: Tokens;
  /** For each old token, the index of the new token it survives as, or -1 (deleted or replaced). */
  oldToNew: Int32Array;
  /** For each new token, the index of the old token it was, or -1 (inserted, or moved here). */
  newToOld: Int32Array;
}

export interface DiffLimits {
  /**
   * Edits (tokens inserted plus deleted) beyond which the texts count as too different to map. Default: 30% of the
   * texts' mean length in tokens, at least 200 and at most 4,000 — a revision, not a new text (the diff's time
   * grows with the text's length times the edits).
   */
  maxEdits?: number;
  /** Milliseconds the diff may take. Default 250. */
  timeoutMs?: number;
}

/** The token diff of two texts, or undefined when they differ too much (then anchoring searches instead). */
export function diffTexts(oldText: string, newText: string, limits: DiffLimits = {}): TextDiff | undefined {
  const old = tokenize(oldText);
  const neu = tokenize(newText);
  const oldToNew = new Int32Array(old.values.length).fill(-1);
  const newToOld = new Int32Array(neu.values.length).fill(-1);
  // The common head and tail are aligned without the diff (most revisions change a few places in a long letter).
  let head = 0;
  while (head < old.values.length && head < neu.values.length && old.values[head] === neu.values[head]) head++;
  let tail = 0;
  while (
    tail < old.values.length - head &&
    tail < neu.values.length - head &&
    old.values[old.values.length - 1 - tail] === neu.values[neu.values.length - 1 - tail]
  )
    tail++;
  for (let i = 0; i < head; i++) link(i, i);
  for (let t = 1; t <= tail; t++) link(old.values.length - t, neu.values.length - t);
  const changes = diffArrays(old.values.slice(head, old.values.length - tail), neu.values.slice(head, neu.values.length - tail), {
    maxEditLength: limits.maxEdits ?? Math.round(Math.min(4000, Math.max(200, 0.15 * (old.values.length + neu.values.length)))),
    timeout: limits.timeoutMs ?? 250,
  });
  if (!changes) return undefined;
  let i = head;
  let j = head;
  for (const c of changes) {
    if (c.added) j += c.count;
    else if (c.removed) i += c.count;
    else for (let n = 0; n < c.count; n++) link(i++, j++);
  }
  slideToBoundaries(old, oldText, oldToNew, newToOld);
  slideToBoundaries(neu, newText, newToOld, oldToNew);
  return { old, new: neu, oldToNew, newToOld };

  function link(o: number, n: number): void {
    oldToNew[o] = n;
    newToOld[n] = o;
  }
}

/**
 * A block deleted from one side (or inserted into the other) between repeated text can often slide: deleting
 * "B A" or "A B" from "…A B A…" leaves the same text. The diff picks one at random, and a tag in the repeated part
 * would follow that pick into the wrong copy. Each such block is slid to where it starts and ends at block
 * boundaries of the text (a blank line; best a heading), as a reader would see the edit: a section deleted,
 * not the end of one section and the start of the next. `links` maps this side's tokens to the other side's.
 */
function slideToBoundaries(tokens: Tokens, text: string, links: Int32Array, back: Int32Array): void {
  const n = links.length;
  for (let i = 0; i < n; i++) {
    if (links[i] >= 0) continue;
    let j = i;
    while (j < n && links[j] < 0) j++;
    // Only a pure block: its neighbours are linked to neighbouring tokens of the other side.
    if (i > 0 && j < n && links[i - 1] + 1 === links[j]) slide(i, j);
    i = j;
  }

  function slide(i: number, j: number): void {
    // Up by k: the block's last k tokens equal the k before it; down by k: its first k equal the k after it.
    let up = 0;
    while (i - up - 1 >= 0 && links[i - up - 1] >= 0 && tokens.values[j - up - 1] === tokens.values[i - up - 1]) up++;
    let down = 0;
    while (j + down < n && links[j + down] >= 0 && tokens.values[i + down] === tokens.values[j + down]) down++;
    let best = 0;
    let bestScore = boundaryScore(i, j);
    for (let d = -up; d <= down; d++) {
      const score = boundaryScore(i + d, j + d);
      if (score <= bestScore) continue;
      best = d;
      bestScore = score;
    }
    // The tokens the block leaves take the links of the (equal) tokens it now covers.
    for (let k = 0; k < best; k++) move(j + k, i + k);
    for (let k = 1; k <= -best; k++) move(i - k, j - k);
  }

  function move(from: number, to: number): void {
    links[to] = links[from];
    back[links[to]] = to;
    links[from] = -1;
  }

  /** How well [i, j) sits on block boundaries: a blank line before and after, a heading at its start. */
  function boundaryScore(i: number, j: number): number {
    const before = i === 0 ? '\n\n' : text.slice(tokens.ends[i - 1], tokens.starts[i]);
    const after = j >= tokens.starts.length ? '\n\n' : text.slice(tokens.ends[j - 1], tokens.starts[j]);
    const edge = (gap: string) => (/\n\s*\n/.test(gap) ? 2 : gap.includes('\n') ? 1 : 0);
    return edge(before) + edge(after) + (tokens.values[i] === '#' && before.includes('\n') ? 1 : 0);
  }
}

/** Index of the first token that starts at or after `offset`. */
export function firstTokenFrom(tokens: Tokens, offset: number): number {
  let lo = 0;
  let hi = tokens.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens.starts[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the last token that ends at or before `offset` (-1 when none does). */
export function lastTokenTo(tokens: Tokens, offset: number): number {
  let lo = 0;
  let hi = tokens.ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens.ends[mid] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
