// How the Annotations view arranges a letter's tags: grouped by tag, review status or author, filtered to some tags
// or statuses, and how far the review of the letter has come.
import { REVIEW_STATUSES, type Annotation, type ReviewStatus } from './model';

export type AnnotationGrouping = 'tag' | 'status' | 'author';
export const ANNOTATION_GROUPINGS: readonly AnnotationGrouping[] = ['tag', 'status', 'author'];

/** The status of a tag without one. */
export const NO_STATUS = 'none';
export type StatusKey = ReviewStatus | typeof NO_STATUS;

/** What the view shows; an empty (or absent) list does not filter. */
export interface AnnotationFilter {
  tags?: readonly string[];
  statuses?: readonly StatusKey[];
}

export function matchesFilter(a: Annotation, filter: AnnotationFilter): boolean {
  if (filter.tags?.length && !filter.tags.includes(a.tag)) return false;
  if (filter.statuses?.length && !filter.statuses.includes(a.status ?? NO_STATUS)) return false;
  return true;
}

export const isFiltering = (filter: AnnotationFilter): boolean => !!(filter.tags?.length || filter.statuses?.length);

/** The group of a tag: its tag, its status (`none` without one) or its author (empty without one). */
export function groupKey(a: Annotation, by: AnnotationGrouping): string {
  if (by === 'tag') return a.tag;
  if (by === 'status') return a.status ?? NO_STATUS;
  return a.author ?? '';
}

/** The groups of `keys` in view order: statuses in review order, authors alphabetically (no author last). */
export function orderedGroups(by: Exclude<AnnotationGrouping, 'tag'>, keys: Iterable<string>): string[] {
  const present = new Set(keys);
  if (by === 'status') return [...REVIEW_STATUSES, NO_STATUS].filter((k) => present.has(k));
  const named = [...present].filter(Boolean).sort((x, y) => x.localeCompare(y, 'nl'));
  return present.has('') ? [...named, ''] : named;
}

/** Tags reviewed (agreed or disputed) out of all. */
export function reviewProgress(annotations: readonly Annotation[]): { reviewed: number; total: number } {
  const reviewed = annotations.filter((a) => a.status === 'agreed' || a.status === 'disputed').length;
  return { reviewed, total: annotations.length };
}
