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
}

/** Share of the old quote's tokens that must survive (counting inserted tokens against it) for a `fuzzy` mapping. */
export const MIN_TOKENS_KEPT = 0.5;

type Annotation = QuoteSelector & { id: string };

/**
 * Maps the annotations through the diff of `previous.text` -> `letter`. `oldResults` are the annotations' places
 * in the previous text; undefined when the texts are too different to diff (then everything is searched).
 */
export function mapThroughHistory(
  letter: LetterText,
  annotations: readonly Annotation[],
  previous: LetterText,
  oldResults: readonly AnchorResult[],
  limits?: DiffLimits,
): HistoryMapping | undefined {
  const diff = diffTexts(previous.text, letter.text, limits);
  if (!diff) return undefined;
  const deleted = new Set<string>();
  const oldPlaces = new Map<string, { start: number; end: number }>();
  const mapped = annotations.map((a, i) => {
    const old = oldResults[i];
    // Only a tag whose own words were found in the old text has an old place to map.
    if (!old || (old.status !== 'exact' && old.status !== 'moved')) return undefined;
    const r = mapRange(diff, letter, previous, a, old.start, old.end);
    if (r !== 'deleted') return r;
    deleted.add(a.id);
    oldPlaces.set(a.id, old);
    return undefined;
  });
  const fresh = newTokenCounts(diff);
  const isNewText = (start: number, end: number) => {
    const from = firstTokenFrom(diff.new, start);
    const to = lastTokenTo(diff.new, end);
    if (to < from) return false;
    return 2 * (fresh[to + 1] - fresh[from]) >= to - from + 1;
  };
  const movedWithParagraph = (id: string, start: number, end: number) => {
    const old = oldPlaces.get(id);
    if (!old) return false;
    const before = paragraphAround(previous.text, old.start, old.end);
    const now = paragraphAround(letter.text, start, end);
    return before.text === now.text && before.offset === now.offset && before.text.length > 0;
  };
  return { mapped, deleted, isNewText, movedWithParagraph };
}

/** The paragraph (between blank lines) holding [start, end), whitespace collapsed, and where the quote starts in it. */
function paragraphAround(text: string, start: number, end: number): { text: string; offset: number } {
  const blank = /\n[ \t]*\n/g;
  let from = 0;
  for (const m of text.slice(0, start).matchAll(blank)) from = m.index + m[0].length;
  blank.lastIndex = end;
  const next = blank.exec(text);
  const to = next ? next.index : text.length;
  return { text: normaliseWhitespace(text.slice(from, to).trim()), offset: normaliseWhitespace(text.slice(from, start).trimStart()).length };
}

/** fresh[i]: how many of the first i new tokens the new version added. */
function newTokenCounts(diff: TextDiff): Int32Array {
  const n = diff.newToOld.length;
  const fresh = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) fresh[i + 1] = fresh[i] + (diff.newToOld[i] < 0 ? 1 : 0);
  return fresh;
}

/** The place of old [s, e) in the new text: verbatim (`exact`/`moved`), edited (`fuzzy`), or `deleted`. */
function mapRange(diff: TextDiff, letter: LetterText, previous: LetterText, a: Annotation, s: number, e: number): AnchorResult | 'deleted' | undefined {
  const { oldToNew, newToOld } = diff;
  const i0 = firstTokenFrom(diff.old, s);
  const i1 = lastTokenTo(diff.old, e);
  if (i1 < i0) return undefined; // no word in the quote: nothing for the diff to say
  const chain = survivingChain(oldToNew, i0, i1);
  if (!chain) return 'deleted';
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
  if (verbatim) {
    const intact = start === a.start && end === a.end && selector.quote === a.quote && selector.prefix === a.prefix && selector.suffix === a.suffix;
    return {
      id: a.id,
      status: intact ? 'exact' : 'moved',
      start,
      end,
      score: combinedScore(1, position),
      selector,
      context: contextShare(a, selector),
      reason: 'diff',
    };
  }
  const share = kept / (total + inserted);
  if (share < MIN_TOKENS_KEPT) return 'deleted';
  return { id: a.id, status: 'fuzzy', start, end, score: share, selector, context: contextShare(a, selector), reason: 'diff' };
}

/**
 * The quote's surviving tokens that lie together in the new text: the longest run of tokens that survived side
 * by side, extended by surviving tokens before and after it whose new places keep their order and lie about as
 * far apart as before (a diff may align a word or two of the quote with look-alike text elsewhere: a footnote
 * inserted above, a repeated phrase). Undefined when no token of the quote survived.
 */
function survivingChain(oldToNew: Int32Array, i0: number, i1: number): { first: number; last: number; kept: number } | undefined {
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
  return { first, last, kept };
}

/** Share of the stored context found verbatim (whitespace aside) around the new place, 0..1. */
function contextShare(a: QuoteSelector, now: QuoteSelector): number {
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
