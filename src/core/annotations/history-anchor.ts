// Anchoring through the letter's history: when the text the tags were last found on is known (the editor keeps
// it; the CLI reads it from git or a file), every tag found there verbatim is mapped through the token diff of
// old -> new text and its quote checked at the mapped place. The diff knows where the surrounding text went, so a
// footnote inserted before the others, a copied paragraph or a repeated sentence cannot draw a tag away from its
// own text. Only what the diff cannot map goes to search: a tag whose old text the diff deleted may only be found
// in text the new version added (a moved or rewritten paragraph), never in text that was there before — that text
// is another passage.
import type { AnchorResult } from './anchor';
import { combinedScore, positionScore } from './anchor-score';
import { LetterText, normaliseWhitespace } from './letter-text';
import type { QuoteSelector } from './model';
import { captureSelector } from './quote';
import { diffTexts, firstTokenFrom, lastTokenTo, type DiffLimits, type TextDiff } from './text-diff';

export interface PreviousVersion {
  /** The letter's text the tags were last found on. */
  text: string;
  /** Where each tag was found in that text (input order, as the editor keeps them); computed when absent. */
  results?: readonly AnchorResult[];
  /**
   * The tags as they were when `results` were found (same order). A result is reused only for a tag whose id and
   * selector are still these (not re-attached, accepted or edited by hand since); others are found again.
   */
  annotations?: readonly (QuoteSelector & { id: string })[];
}

export interface HistoryMapping {
  /** Per annotation (input order): its place through the diff, or undefined where the diff could not map it. */
  mapped: (AnchorResult | undefined)[];
  /** Ids of tags found verbatim in the old text whose text the diff deleted (or rewrote beyond recognition). */
  deleted: Set<string>;
  /** Whether [start, end) of the new text is mostly text the new version added. */
  isNewText(start: number, end: number): boolean;
  /**
   * Whether a deleted tag's whole paragraph (block between blank lines) is, word for word, the paragraph around
   * [start, end) of the new text, with the quote at the same place in it: the passage moved with its paragraph.
   */
  movedWithParagraph(id: string, start: number, end: number): boolean;
  /** How often the words (whitespace collapsed) occur in the previous text, counting up to `limit`. */
  countInPrevious(normalQuote: string, limit: number): number;
}

/** Share of the old quote's tokens that must survive (counting inserted tokens against it) for a `fuzzy` mapping. */
export const MIN_TOKENS_KEPT = 0.5;

type Annotation = QuoteSelector & { id: string };

/** The previous text as annotations address it (LF, no BOM), and with whitespace runs collapsed (read lazily). */
export type PreviousText = Pick<LetterText, 'text' | 'normal'>;

/**
 * Maps the annotations through the diff of `previous.text` -> `letter`. `oldResults` are the annotations' places
 * in the previous text; undefined when the texts are too different to diff (then everything is searched).
 */
export function mapThroughHistory(
  letter: LetterText,
  annotations: readonly Annotation[],
  previous: PreviousText,
  oldResults: readonly AnchorResult[],
  limits?: DiffLimits,
): HistoryMapping | undefined {
  const diff = diffTexts(previous.text, letter.text, limits);
  if (!diff) return undefined;
  const fresh = newTokenCounts(diff);
  const isNewText = (start: number, end: number) => {
    const from = firstTokenFrom(diff.new, start);
    const to = lastTokenTo(diff.new, end);
    if (to < from) return false;
    return 2 * (fresh[to + 1] - fresh[from]) >= to - from + 1;
  };
  const deleted = new Set<string>();
  const oldPlaces = new Map<string, { start: number; end: number }>();
  const mapped = annotations.map((a, i) => {
    const old = oldResults[i];
    // Only a tag whose own words were found in the old text has an old place to map.
    if (!old || (old.status !== 'exact' && old.status !== 'moved')) return undefined;
    const r = mapRange(diff, letter, previous, a, old.start, old.end, isNewText);
    if (r !== 'deleted') return r;
    deleted.add(a.id);
    oldPlaces.set(a.id, old);
    return undefined;
  });
  const movedWithParagraph = (id: string, start: number, end: number) => {
    const old = oldPlaces.get(id);
    return !!old && sameParagraph(paragraphAround(previous.text, old.start, old.end), paragraphAround(letter.text, start, end));
  };
  const countInPrevious = (quote: string, limit: number) => {
    let n = 0;
    for (let i = previous.normal.indexOf(quote); i >= 0 && n < limit; i = previous.normal.indexOf(quote, i + 1)) n++;
    return n;
  };
  return { mapped, deleted, isNewText, movedWithParagraph, countInPrevious };
}

/** The same paragraph, with the quote at the same place in it. */
function sameParagraph(a: Paragraph, b: Paragraph): boolean {
  // Byte for byte the same block, the quote at the same place: the common case, decided without normalising.
  if (a.raw === b.raw && a.rawOffset === b.rawOffset) return a.text.length > 0;
  return a.text.length > 0 && a.text === b.text && a.offset === b.offset;
}

/** A block of the letter around a quote; whitespace-collapsed text and offset computed on first use. */
interface Paragraph {
  /** The block as written, from after its marker. */
  raw: string;
  /** Where the quote starts in `raw`. */
  rawOffset: number;
  /** The block whitespace-collapsed and trimmed. */
  readonly text: string;
  /** Where the quote starts in `text`. */
  readonly offset: number;
}

/** A verbatim place of the quote at original [start, end) of the new text. */
function placeAt(letter: LetterText, a: Annotation, [start, end]: [number, number], status: 'moved' | 'fuzzy'): AnchorResult {
  const selector = captureSelector(letter.text, start, end);
  const position = positionScore(a.start, start, letter.text.length);
  return { id: a.id, status, start, end, score: combinedScore(1, position), selector, context: contextShare(a, selector), reason: 'diff' };
}

/** A footnote definition or list item line: a block of its own. The label or marker is not compared (renumbering). */
const LINE_BLOCK = /^(?:\[\^[^\]\s]+\]:|[-*+] |\d+[.)] )/;

/**
 * The block holding [start, end) — the footnote definition or list item line it is on, else the paragraph
 * between blank lines — whitespace collapsed, with a footnote label or list marker blanked, and where the quote
 * starts in it.
 */
function paragraphAround(text: string, start: number, end: number): Paragraph {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', end) < 0 ? text.length : text.indexOf('\n', end);
  let from = lineStart;
  let to = lineEnd;
  const marker = LINE_BLOCK.exec(text.slice(lineStart, Math.min(lineEnd, lineStart + 40)));
  if (!marker) {
    while (from > 0 && !isBlankLineBefore(text, from)) from = text.lastIndexOf('\n', from - 2) + 1;
    while (to < text.length && !isBlankLineAfter(text, to)) to = text.indexOf('\n', to + 1) < 0 ? text.length : text.indexOf('\n', to + 1);
  }
  const skip = marker ? marker[0].length : 0;
  const raw = text.slice(from + skip, to);
  const rawOffset = start - from - skip;
  let normal: string | undefined;
  let offset: number | undefined;
  return {
    raw,
    rawOffset,
    get text() {
      return (normal ??= normaliseWhitespace(raw.trim()));
    },
    get offset() {
      return (offset ??= normaliseWhitespace(raw.slice(0, rawOffset).trimStart()).length);
    },
  };
}

/** The line before offset `lineStart` (a line's start) is blank. */
function isBlankLineBefore(text: string, lineStart: number): boolean {
  const prev = text.lastIndexOf('\n', lineStart - 2) + 1;
  return /^[ \t]*$/.test(text.slice(prev, lineStart - 1));
}

/** The line after the line ending at `lineEnd` (a newline's offset) is blank. */
function isBlankLineAfter(text: string, lineEnd: number): boolean {
  const next = text.indexOf('\n', lineEnd + 1);
  return /^[ \t]*$/.test(text.slice(lineEnd + 1, next < 0 ? text.length : next));
}

/** fresh[i]: how many of the first i new tokens the new version added. */
function newTokenCounts(diff: TextDiff): Int32Array {
  const n = diff.newToOld.length;
  const fresh = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) fresh[i + 1] = fresh[i] + (diff.newToOld[i] < 0 ? 1 : 0);
  return fresh;
}

/** The place of old [s, e) in the new text: verbatim (`exact`/`moved`), edited (`fuzzy`), or `deleted`. */
function mapRange(
  diff: TextDiff,
  letter: LetterText,
  previous: PreviousText,
  a: Annotation,
  s: number,
  e: number,
  isNew: (start: number, end: number) => boolean,
): AnchorResult | 'deleted' | undefined {
  const { oldToNew, newToOld } = diff;
  const i0 = firstTokenFrom(diff.old, s);
  const i1 = lastTokenTo(diff.old, e);
  if (i1 < i0) return undefined; // no word in the quote: nothing for the diff to say
  const chain = survivingChain(oldToNew, i0, i1);
  // A word or two the diff aligned by chance with look-alike text is no place: the passage went elsewhere.
  if (!chain || !confirmed(diff, i0, i1, chain)) return 'deleted';
  const { first: firstKept, last: lastKept, kept } = chain;
  // Boundary words that were replaced: the new words in their place belong to the quote.
  let n0 = oldToNew[firstKept];
  for (let budget = firstKept - i0; budget > 0 && n0 > 0 && newToOld[n0 - 1] < 0; budget--) n0--;
  let n1 = oldToNew[lastKept];
  for (let budget = i1 - lastKept; budget > 0 && n1 < newToOld.length - 1 && newToOld[n1 + 1] < 0; budget--) n1++;
  let inserted = 0;
  for (let n = n0; n <= n1; n++) if (newToOld[n] < 0) inserted++;
  const total = i1 - i0 + 1;
  // Characters of the quote before its first word and after its last (spaces, in practice) are kept if still there.
  const lead = previous.text.slice(s, diff.old.starts[i0]);
  const trail = previous.text.slice(diff.old.ends[i1], e);
  let start = diff.new.starts[n0];
  let end = diff.new.ends[n1];
  if (lead && letter.text.slice(start - lead.length, start) === lead) start -= lead.length;
  if (trail && letter.text.slice(end, end + trail.length) === trail) end += trail.length;
  const selector = captureSelector(letter.text, start, end);
  // The place is the diff's; the words there are checked (a boundary word the diff aligned elsewhere may be back).
  const verbatim = normaliseWhitespace(selector.quote) === normaliseWhitespace(a.quote);
  const position = positionScore(a.start, start, letter.text.length);
  const context = contextShare(a, selector);
  let r: AnchorResult;
  if (verbatim) {
    const intact = start === a.start && end === a.end && selector.quote === a.quote && selector.prefix === a.prefix && selector.suffix === a.suffix;
    r = { id: a.id, status: intact ? 'exact' : 'moved', start, end, score: combinedScore(1, position), selector, context, reason: 'diff' };
  } else {
    const share = kept / (total + inserted);
    if (share < MIN_TOKENS_KEPT) return 'deleted';
    r = { id: a.id, status: 'fuzzy', start, end, score: share, selector, context, reason: 'diff' };
  }
  return challenged(r, { diff, letter, previous, a, s, e, isNew, embedded: embedded(diff, i0, i1) });
}

interface Challenge {
  diff: TextDiff;
  letter: LetterText;
  previous: PreviousText;
  a: Annotation;
  /** The tag's place in the previous text. */
  s: number;
  e: number;
  isNew: (start: number, end: number) => boolean;
  /** The diff's place is held by surviving text on both sides. */
  embedded: boolean;
}

/**
 * The diff's place, against other copies of the tag's words that the diff did not explain (new text, or text it
 * aligned with different old text — look-alike lines aligned crosswise). A copy standing in the tag's own block
 * unchanged, where the diff's place does not, is its text when it is the only one and the diff's hold is weak (or
 * its words were edited); held on both sides, both go to the analyst. Copies with context as good as the diff's
 * place make a near-tie: `fuzzy`, with the other places.
 */
function challenged(r: AnchorResult, c: Challenge): AnchorResult {
  const { letter, previous, a } = c;
  const own = paragraphAround(previous.text, c.s, c.e);
  const inOwnBlock = ([s, e]: [number, number]) => sameParagraph(own, paragraphAround(letter.text, s, e));
  const mine = inOwnBlock([r.start, r.end]);
  // The common case, decided without looking for copies: the words unchanged, held on both sides, in their block.
  if (r.status !== 'fuzzy' && c.embedded && mine) return r;
  const copies = otherCopies(letter, a.quote, r.start, r.end).filter((p) => c.isNew(p[0], p[1]) || !explainedElsewhere(c, p));
  if (!copies.length) return r;
  const ambiguous = (others: [number, number][]): AnchorResult => ({
    ...r,
    status: 'fuzzy',
    alternatives: others.slice(0, 3).map(([s, e]) => ({ start: s, end: e })),
  });
  const home = mine ? [] : copies.filter(inOwnBlock);
  if (r.status === 'fuzzy' || !c.embedded) {
    if (home.length === 1) return { ...placeAt(letter, a, home[0], 'moved'), reason: 'context' };
    if (home.length > 1) return ambiguous(home);
  } else if (home.length) return ambiguous(home);
  if (r.status === 'fuzzy') return ambiguous(copies);
  if (c.embedded) return r;
  const rivals = copies.filter(([s, e]) => contextShare(a, captureSelector(letter.text, s, e)) >= (r.context ?? 0));
  return rivals.length ? ambiguous(rivals) : r;
}

/** Whether the diff aligned this copy with old text that stood in the same block: then it is that old text. */
function explainedElsewhere(c: Challenge, [start, end]: [number, number]): boolean {
  const { diff } = c;
  const n0 = firstTokenFrom(diff.new, start);
  const n1 = lastTokenTo(diff.new, end);
  if (n1 < n0 || diff.newToOld[n0] < 0 || diff.newToOld[n1] < 0) return false;
  const before = paragraphAround(c.previous.text, diff.old.starts[diff.newToOld[n0]], diff.old.ends[diff.newToOld[n1]]);
  const after = paragraphAround(c.letter.text, start, end);
  return before.raw === after.raw || before.text === after.text;
}

/** Whether the tokens just before and just after the quote survived next to its first and last token. */
function embedded(diff: TextDiff, i0: number, i1: number): boolean {
  const { oldToNew } = diff;
  const before = i0 === 0 || (oldToNew[i0 - 1] >= 0 && oldToNew[i0] === oldToNew[i0 - 1] + 1);
  const after = i1 === oldToNew.length - 1 || (oldToNew[i1 + 1] >= 0 && oldToNew[i1 + 1] === oldToNew[i1] + 1);
  return before && after;
}

/** Other places of the quote's words (whitespace aside) in the letter, outside [start, end); at most 16. */
function otherCopies(letter: LetterText, quote: string, start: number, end: number): [number, number][] {
  const q = normaliseWhitespace(quote);
  const out: [number, number][] = [];
  for (let i = letter.normal.indexOf(q); i >= 0 && out.length < 16; i = letter.normal.indexOf(q, i + 1)) {
    const [s, e] = [letter.toOriginal(i), letter.toOriginal(i + q.length)];
    if (e <= start || s >= end) out.push([s, e]);
  }
  return out;
}

/**
 * The quote's surviving tokens that lie together in the new text: the longest run of tokens that survived side
 * by side, extended by surviving tokens before and after it whose new places keep their order and lie about as
 * far apart as before (a diff may align a word or two of the quote with look-alike text elsewhere: a footnote
 * inserted above, a repeated phrase). Undefined when no token of the quote survived.
 */
/** Tokens of the quote that survive side by side, or with a surviving neighbour, before a mapping counts. */
const CONFIRMING_RUN = 4;

/**
 * Whether the diff's place for the quote is more than a chance alignment: CONFIRMING_RUN of its tokens survived
 * side by side, or the token just outside the quote on either side survived next to the chain's end.
 */
function confirmed(diff: TextDiff, i0: number, i1: number, chain: Chain): boolean {
  if (chain.run >= Math.min(CONFIRMING_RUN, i1 - i0 + 1) && chain.run >= 2) return true;
  const { oldToNew } = diff;
  const before = chain.first === i0 && i0 > 0 && oldToNew[i0 - 1] >= 0 && oldToNew[i0 - 1] + 1 === oldToNew[i0];
  const after = chain.last === i1 && i1 + 1 < oldToNew.length && oldToNew[i1 + 1] >= 0 && oldToNew[i1 + 1] === oldToNew[i1] + 1;
  return before || after;
}

interface Chain {
  first: number;
  last: number;
  kept: number;
  /** Length of the longest run of tokens that survived side by side. */
  run: number;
}

function survivingChain(oldToNew: Int32Array, i0: number, i1: number): Chain | undefined {
  let best: [number, number] | undefined;
  for (let i = i0; i <= i1; i++) {
    if (oldToNew[i] < 0) continue;
    let j = i;
    while (j < i1 && oldToNew[j + 1] === oldToNew[j] + 1) j++;
    if (!best || j - i > best[1] - best[0]) best = [i, j];
    i = j;
  }
  if (!best) return undefined;
  let [first, last] = best;
  let kept = last - first + 1;
  const slack = Math.max(3, Math.ceil((i1 - i0 + 1) * 0.3));
  for (let i = first - 1; i >= i0; i--) {
    const gapNew = oldToNew[first] - oldToNew[i];
    if (oldToNew[i] < 0 || gapNew <= 0 || gapNew > first - i + slack) continue;
    first = i;
    kept++;
  }
  for (let i = last + 1; i <= i1; i++) {
    const gapNew = oldToNew[i] - oldToNew[last];
    if (oldToNew[i] < 0 || gapNew <= 0 || gapNew > i - last + slack) continue;
    last = i;
    kept++;
  }
  return { first, last, kept, run: best[1] - best[0] + 1 };
}

/** Share of the stored context found verbatim (whitespace aside) around the new place, 0..1. */
export function contextShare(a: QuoteSelector, now: QuoteSelector): number {
  const before = normaliseWhitespace(a.prefix);
  const after = normaliseWhitespace(a.suffix);
  const total = before.length + after.length;
  if (!total) return 1;
  const p = commonSuffix(before, normaliseWhitespace(now.prefix));
  const q = commonPrefix(after, normaliseWhitespace(now.suffix));
  return (p + q) / total;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function commonSuffix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
  return i;
}
