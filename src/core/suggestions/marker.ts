// How a suggested tag is recorded in the annotation file: `author: suggestion` and `status: proposed` until the
// analyst accepts it (status agreed, the analyst as author) or rejects it (removed).
import type { Annotation } from '../annotations/model';

export const SUGGESTION_AUTHOR = 'suggestion';

/** A suggestion nobody has accepted yet. */
export function isPendingSuggestion(a: Pick<Annotation, 'author' | 'status'>): boolean {
  return a.author === SUGGESTION_AUTHOR && a.status === 'proposed';
}
