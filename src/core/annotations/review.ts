// The review of a tagged passage against the letter as it is now. A passage whose text changed (a fuzzy match)
// is `changed`: its stored quote is what the team tagged, and it is replaced only when someone accepts the new
// text. An agreement covers the words that were agreed on, so an agreed tag on a changed passage is `suspended`
// until then; re-attaching a tag by hand gives it other words too, so an agreed tag goes back to proposed.
import type { AnchorResult } from './anchor';
import { diffLines } from './conflict-markers';
import type { Annotation, AnnotationChanges, QuoteSelector, ReviewStatus } from './model';

export interface PassageReview {
  /** The passage's text is no longer the stored quote (it was found only approximately). */
  changed: boolean;
  /** Agreed, but on other words: the agreement does not hold until the new text is accepted. */
  suspended: boolean;
}

export function reviewOf(annotation: Pick<Annotation, 'status'>, result: Pick<AnchorResult, 'status'>): PassageReview {
  const changed = result.status === 'fuzzy';
  return { changed, suspended: changed && annotation.status === 'agreed' };
}

/** The new selector of a changed passage, to store when its new text is accepted; undefined when it did not change. */
export function acceptedText(result: AnchorResult): QuoteSelector | undefined {
  return result.status === 'fuzzy' ? result.selector : undefined;
}

/** The changes of a re-attachment by hand: the new selector, and an agreed tag back to proposed. */
export function reattachment(annotation: Pick<Annotation, 'status'>, selector: QuoteSelector): AnnotationChanges {
  return annotation.status === 'agreed' ? { ...selector, status: 'proposed' } : { ...selector };
}

/** What a team may choose for the status of new tags (`kamerstuk.newTagStatus`); `none` leaves it unset. */
export const NEW_TAG_STATUSES = ['proposed', 'agreed', 'none'] as const;
export type NewTagStatus = (typeof NEW_TAG_STATUSES)[number];

/** The status a new tag starts with: `proposed` unless the team's setting says otherwise. */
export function newTagStatus(setting: unknown): ReviewStatus | undefined {
  if (setting === 'none') return undefined;
  return setting === 'agreed' ? 'agreed' : 'proposed';
}

/** A word of a passage, and whether it differs from the other version. */
export interface WordChange {
  word: string;
  changed: boolean;
}

/** The words of the tagged and the current text of a passage, the differing ones marked (at most `maxWords` each). */
export function wordChanges(tagged: string, now: string, maxWords = 150): { tagged: WordChange[]; now: WordChange[] } {
  const words = (text: string) => text.split(/\s+/).filter(Boolean).slice(0, maxWords);
  const out = { tagged: [] as WordChange[], now: [] as WordChange[] };
  for (const op of diffLines(words(tagged), words(now))) {
    if (op.kind !== '+') out.tagged.push({ word: op.line, changed: op.kind === '-' });
    if (op.kind !== '-') out.now.push({ word: op.line, changed: op.kind === '+' });
  }
  return out;
}
