// Undoing the acceptance of a suggested tag (no vscode import: unit-tested in plain Node). The tag gets back the
// status and author it had as a suggestion, and loses a due date stored when it was accepted (the Commitments area
// stores the date read from the passage then). A tag edited since the acceptance (another status or author) is the
// analyst's own now and is left alone.
import type { Annotation, AnnotationChanges } from '../../../core/annotations';

/** What the tag accepted as `accepted` (status agreed, by `author`) had before the acceptance. */
export interface Accepted {
  before: Pick<Annotation, 'status' | 'author' | 'due'>;
  author: string | null;
}

/** The changes that undo the acceptance of `now`, or undefined when it was changed since (or is gone). */
export function undoAcceptChanges(accepted: Accepted, now: Pick<Annotation, 'status' | 'author' | 'due'> | undefined): AnnotationChanges | undefined {
  if (!now || now.status !== 'agreed' || (now.author ?? null) !== accepted.author) return undefined;
  const changes: AnnotationChanges = { status: accepted.before.status ?? null, author: accepted.before.author ?? null };
  // The due date came with the acceptance only when the suggestion had none.
  if (!accepted.before.due && now.due) changes.due = null;
  return changes;
}
