// Which tags are commitments, a commitment's state and deadline, and when it is overdue. No clock: `today` is given.

import { isPendingSuggestion } from '../suggestions/marker';
import type { Annotation } from '../annotations/model';
import { parseDue } from './due';
import type { Commitment, CommitmentLetter, CommitmentState, DueRange } from './model';

/** Tag keys that mean a commitment: `commitment` (the default taxonomy) and `toezegging`, singular or plural. */
const COMMITMENT_TAG = /^(?:commitments?|toezeggingen|toezegging)$/i;

/** The tag keys of a taxonomy that are commitments; `commitment` and `toezegging` when it names none. */
export function commitmentTags(taxonomyKeys: string[]): string[] {
  const found = taxonomyKeys.filter((k) => COMMITMENT_TAG.test(k));
  return found.length ? found : ['commitment', 'toezegging'];
}

export function commitmentState(a: Pick<Annotation, 'fulfilment'>): CommitmentState {
  return a.fulfilment ?? 'open';
}

/** Overdue: still open (or only partly fulfilled) and the last day of its deadline is before `today`. */
export function isOverdue(c: { due?: DueRange; state: CommitmentState }, today: string): boolean {
  if (c.state !== 'open' && c.state !== 'partly') return false;
  return !!c.due?.to && c.due.to < today;
}

/**
 * The deadline of a commitment: the stored one, else read from its passage against the letter's date (the quote
 * first, then the sentence around it in the letter, where the deadline may stand just outside the tag).
 */
export function commitmentDue(a: Annotation, letter: Pick<CommitmentLetter, 'date' | 'text'>): { due?: DueRange; dueSource: Commitment['dueSource'] } {
  if (a.due) return { due: a.due, dueSource: 'stored' };
  if (!letter.date) return { dueSource: 'none' };
  const due = parseDue(a.quote, letter.date) ?? parseDue(sentenceAround(letter.text, a), letter.date);
  return due ? { due, dueSource: 'parsed' } : { dueSource: 'none' };
}

/** The sentence(s) of `text` holding the annotation's passage, when its offsets still point at its quote. */
export function sentenceAround(text: string, a: Pick<Annotation, 'start' | 'end' | 'quote'>): string {
  if (text.slice(a.start, a.end) !== a.quote) return a.quote;
  const before = text.slice(Math.max(0, a.start - 400), a.start);
  const after = text.slice(a.end, a.end + 400);
  const head = before.split(/(?<=[.!?])\s+|\n\s*\n/).pop() ?? '';
  const tail = after.split(/(?<=[.!?])\s|\n\s*\n/)[0] ?? '';
  return head + a.quote + tail;
}

/** Every commitment of the letters, ordered by deadline (vague, then undated last), then letter date, path and position. */
export function collectCommitments(letters: CommitmentLetter[], options: { today: string; tags?: string[]; includeSuggestions?: boolean }): Commitment[] {
  const tags = new Set(options.tags ?? commitmentTags([]));
  const out: Commitment[] = [];
  for (const letter of letters)
    for (const annotation of letter.annotations) {
      // A suggestion nobody accepted yet is no commitment of the register (the view and the CLI agree on that).
      if (!tags.has(annotation.tag) || (!options.includeSuggestions && isPendingSuggestion(annotation))) continue;
      const { due, dueSource } = commitmentDue(annotation, letter);
      const state = commitmentState(annotation);
      out.push({ letter, annotation, due, dueSource, state, overdue: isOverdue({ due, state }, options.today) });
    }
  return out.sort(compareCommitments);
}

export function compareCommitments(a: Commitment, b: Commitment): number {
  const da = dueKey(a);
  const db = dueKey(b);
  return (
    cmp(da, db) ||
    cmp(a.letter.date ?? '', b.letter.date ?? '') ||
    cmp(a.letter.path, b.letter.path) ||
    a.annotation.start - b.annotation.start ||
    cmp(a.annotation.id, b.annotation.id)
  );
}

/** Dated first (by the last day), then vague ones, then those without a deadline. */
const dueKey = (c: Commitment) => (c.due?.to && !c.due.vague ? c.due.to : c.due ? '\uffff0' : '\uffff1');
const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
