// The diff of a letter's old and new text in word tokens (runs of letters and digits, and single punctuation
// marks; whitespace is no token, so reflowed lines and CRLF are no edit): which tokens of the old text survive,
// where each one is now, and which tokens of the new text are new. Tokens survive only where the diff aligns
// them: a sentence repeated elsewhere in the new text is another sentence, however alike.
import { diffArrays } from 'diff';

const WORD_CHAR = /[\p{L}\p{N}]/u;
const SPACE_CHAR = /\s/;

export interface Tokens {
  values: string[];
  starts: Int32Array;
  ends: Int32Array;
}

/** 1 for a letter or digit, 2 for whitespace, 0 for any other character (a token of its own). */
function charClass(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x80) {
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return 1;
    return c === 0x20 || (c >= 0x09 && c <= 0x0d) ? 2 : 0;
  }
  const ch = isHighSurrogate(c) ? text.slice(i, i + 2) : text[i];
  return WORD_CHAR.test(ch) ? 1 : SPACE_CHAR.test(ch) ? 2 : 0;
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;

/** Runs of letters and digits, and single other characters; whitespace separates and is no token. */
export function tokenize(text: string): Tokens {
  const values: string[] = [];
  const n = text.length;
  // At most one token per character, and in prose about one per six: grown when needed.
  let starts = new Int32Array(Math.max(16, n >> 2));
  let i = 0;
  while (i < n) {
    const k = charClass(text, i);
    if (k === 2) {
      i++;
      continue;
    }
    let j = i + 1;
    if (k === 1) while (j < n && charClass(text, j) === 1) j += isHighSurrogate(text.charCodeAt(j)) ? 2 : 1;
    if (isHighSurrogate(text.charCodeAt(i))) j = Math.max(j, i + 2); // a surrogate pair is one character
    if (values.length === starts.length) {
      const grown = new Int32Array(starts.length * 2);
      grown.set(starts);
      starts = grown;
    }
    starts[values.length] = i;
    values.push(text.slice(i, j));
    i = j;
  }
  const s = starts.slice(0, values.length);
  const e = new Int32Array(s.length);
  for (let t = 0; t < s.length; t++) e[t] = s[t] + values[t].length;
  return { values, starts: s, ends: e };
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
   * Edits (tokens inserted plus deleted) beyond which a run of replaced blocks counts as too different to align
   * word by word (its tags are then sought, not mapped). Default: 30 % of the run's tokens, at least 500 and at
   * most 4,000 — a revision, not a new text.
   */
  maxEdits?: number;
  /**
   * The work all word diffs together may do, in token comparisons (a run's tokens times the edits allowed in it;
   * the diff's time grows with both). Counted, not timed, so the same texts always give the same diff, however
   * busy the machine. Default 60 million: about 100 ms on a 1 MB letter.
   */
  work?: number;
}

/** Edits the block-level diff may find (blocks are few: a letter of 1 MB has some thousands). */
const MAX_BLOCK_EDITS = 4000;
const DEFAULT_WORK = 60_000_000;

/**
 * The token diff of two texts, or undefined when they differ too much (then anchoring searches instead). Two
 * levels, so that a long letter with edits all over is fast: blocks (paragraphs, footnote definitions and list
 * items, compared by their words) are diffed first, then the words of each run of replaced blocks.
 */
export function diffTexts(oldText: string, newText: string, limits: DiffLimits = {}): TextDiff | undefined {
  const { tokens: old, blocks: oldBlocks } = tokensAndBlocks(oldText);
  const { tokens: neu, blocks: newBlocks } = tokensAndBlocks(newText);
  const oldToNew = new Int32Array(old.values.length).fill(-1);
  const newToOld = new Int32Array(neu.values.length).fill(-1);
  let work = limits.work ?? DEFAULT_WORK;
  const blockChanges = diffArrays(
    oldBlocks.map((b) => b.key),
    newBlocks.map((b) => b.key),
    { maxEditLength: Math.max(200, Math.min(MAX_BLOCK_EDITS, oldBlocks.length + newBlocks.length)) },
  );
  if (!blockChanges) return undefined;
  let bi = 0;
  let bj = 0;
  let removed: [number, number] | undefined;
  let added: [number, number] | undefined;
  const tokensOf = (blocks: Block[], [from, to]: [number, number]): [number, number] => [blocks[from].from, blocks[to - 1].to];
  const flush = (): boolean => {
    if (removed && added) {
      const [a0, a1] = tokensOf(oldBlocks, removed);
      const [b0, b1] = tokensOf(newBlocks, added);
      const size = a1 - a0 + (b1 - b0);
      const wanted = limits.maxEdits ?? Math.round(Math.min(4000, Math.max(500, 0.3 * size)));
      const allowed = Math.min(wanted, Math.floor(work / Math.max(1, size)));
      // The work is spent: the texts differ too much for a mapping to be trusted anywhere.
      if (allowed < Math.min(wanted, 50)) return false;
      const changes = diffArrays(old.values.slice(a0, a1), neu.values.slice(b0, b1), { maxEditLength: allowed });
      work -= size * (changes ? Math.min(allowed, editsOf(changes)) : allowed);
      // A run of blocks too different to align word by word stays unaligned: its tags are sought, not mapped.
      let i = a0;
      let j = b0;
      for (const c of changes ?? []) {
        if (c.added) j += c.count;
        else if (c.removed) i += c.count;
        else for (let n = 0; n < c.count; n++) link(i++, j++);
      }
    }
    removed = added = undefined;
    return true;
  };
  for (const c of blockChanges) {
    if (c.removed) removed = [removed?.[0] ?? bi, (bi += c.count)];
    else if (c.added) added = [added?.[0] ?? bj, (bj += c.count)];
    else {
      if (!flush()) return undefined;
      for (let n = 0; n < c.count; n++, bi++, bj++) {
        const [a, b] = [oldBlocks[bi], newBlocks[bj]];
        for (let k = 0; k < a.to - a.from; k++) link(a.from + k, b.from + k);
      }
    }
  }
  if (!flush()) return undefined;
  slideToBoundaries(old, oldText, oldToNew, newToOld);
  slideToBoundaries(neu, newText, newToOld, oldToNew);
  return { old, new: neu, oldToNew, newToOld };

  function link(o: number, n: number): void {
    oldToNew[o] = n;
    newToOld[n] = o;
  }
}

/**
 * The tokens and blocks of a text, remembered for the last few texts: the editor diffs every version of a letter
 * against the same previous text (its base), which is then split once. Read-only once made.
 */
const recent = new Map<string, { tokens: Tokens; blocks: Block[] }>();
const RECENT_TEXTS = 2;

function tokensAndBlocks(text: string): { tokens: Tokens; blocks: Block[] } {
  const known = recent.get(text);
  if (known) return known;
  const tokens = tokenize(text);
  const made = { tokens, blocks: blocksOf(tokens, text) };
  recent.set(text, made);
  if (recent.size > RECENT_TEXTS) recent.delete(recent.keys().next().value!);
  return made;
}

/** Tokens inserted plus deleted. */
function editsOf(changes: readonly { added?: boolean; removed?: boolean; count: number }[]): number {
  let n = 0;
  for (const c of changes) if (c.added || c.removed) n += c.count;
  return n;
}

interface Block {
  /** The block's words, joined: blocks with the same words are equal, however their lines wrap. */
  key: string;
  /** Token range. */
  from: number;
  to: number;
}

/** A line that starts a block of its own: a footnote definition or a list item. */
const BLOCK_LINE = /^[ \t]*(?:\[\^[^\]\s]+\]:|[-*+] |\d+[.)] )/;

/** The text's blocks: paragraphs between blank lines, and footnote definition and list item lines. */
function blocksOf(tokens: Tokens, text: string): Block[] {
  const blocks: Block[] = [];
  let from = 0;
  for (let i = 1; i <= tokens.values.length; i++) {
    if (i < tokens.values.length) {
      // Most gaps are one space: looked at char by char, without slicing each one out.
      const [g0, g1] = [tokens.ends[i - 1], tokens.starts[i]];
      let lines = 0;
      for (let k = g0; k < g1; k++) if (text.charCodeAt(k) === 0x0a) lines++;
      if (lines === 0) continue;
      const lineStart = text.lastIndexOf('\n', g1) + 1;
      if (!(lines > 1 && /\n[ \t]*\n/.test(text.slice(g0, g1))) && !BLOCK_LINE.test(text.slice(lineStart, lineStart + 24))) continue;
    }
    blocks.push({ key: tokens.values.slice(from, i).join('\u0001'), from, to: i });
    from = i;
  }
  return blocks;
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
