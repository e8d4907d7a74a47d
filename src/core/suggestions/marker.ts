// How a suggested tag is recorded in the annotation file: `author: suggestion` and `status: proposed` until the
// analyst accepts it (status agreed, the analyst as author) or rejects it (removed, and remembered in the file's
// top-level `rejected:` list as tag and quote, so that nobody sharing the file is offered it again).
import type { Annotation } from '../annotations/model';

export const SUGGESTION_AUTHOR = 'suggestion';

/** The annotation file's top-level key listing rejected suggestions (unknown keys survive every write). */
export const REJECTED_KEY = 'rejected';

/** A rejected suggestion: the tag and the passage's text. */
export interface RejectedSuggestion {
  tag: string;
  quote: string;
}

/** A suggestion nobody has accepted yet. */
export function isPendingSuggestion(a: Pick<Annotation, 'author' | 'status'>): boolean {
  return a.author === SUGGESTION_AUTHOR && a.status === 'proposed';
}

/** White space collapsed: a quote compares equal however the letter's lines were wrapped. */
export function normalQuote(quote: string): string {
  return quote.replace(/\s+/gu, ' ').trim();
}

const isRejected = (v: unknown): v is RejectedSuggestion =>
  !!v && typeof v === 'object' && typeof (v as RejectedSuggestion).tag === 'string' && typeof (v as RejectedSuggestion).quote === 'string';

/** The well-formed entries of a `rejected:` value as read from the file (anything else is ignored, never an error). */
export function readRejected(value: unknown): RejectedSuggestion[] {
  return Array.isArray(value) ? value.filter(isRejected) : [];
}

/**
 * The `rejected:` value with `add` remembered and `remove` forgotten (Undo), keeping every other entry as it was
 * (hand-written ones too); undefined when the value is not a list, which is then left alone.
 */
export function updateRejected(value: unknown, add: readonly RejectedSuggestion[], remove: readonly RejectedSuggestion[] = []): unknown[] | undefined {
  if (value !== undefined && value !== null && !Array.isArray(value)) return undefined;
  const key = (r: RejectedSuggestion) => `${r.tag}\u0000${normalQuote(r.quote)}`;
  const gone = new Set(remove.map(key));
  const out = ((value as unknown[] | null | undefined) ?? []).filter((v) => !isRejected(v) || !gone.has(key(v)));
  const present = new Set(out.filter(isRejected).map(key));
  for (const r of add) {
    const entry = { tag: r.tag, quote: normalQuote(r.quote) };
    if (present.has(key(entry))) continue;
    present.add(key(entry));
    out.push(entry);
  }
  return out;
}
