// Public API of the annotation core (no vscode, no node: runs in the extension host, a browser worker and the CLI).

export * from './model';
export * from './messages';
export { encodingDiagnostics, invalidUtf8Offset } from './encoding';
export { canonicalTag, closestTag, DEFAULT_TAGS, defaultTaxonomy, taxonomyFromSetting, tagLabel, type TagDefinition, type Taxonomy } from './taxonomy';
export { newAnnotationId, ANNOTATION_ID_PATTERN } from './ids';
export { captureSelector, CONTEXT_LENGTH } from './quote';
export { AnnotationStore, AnnotationEditError, compareAnnotations, type LoadResult, type NewAnnotation } from './store';
export { anchorAnnotations, anchorAnnotation, type AnchorResult, type AnchorStatus, type AnchorOptions } from './anchor';
export { ORPHAN_THRESHOLD, MAX_ERROR_RATE } from './anchor-score';
export { LetterText, normaliseWhitespace } from './letter-text';
export { LetterSource } from './letter-source';
export { isRecordedVersion, keptVersionPath, KEPT_VERSIONS_FOLDER, LETTER_HASH_PATTERN, letterHash, versionToRecord } from './letter-version';
export { reanchorLetter, selectorUpdates, storedSelectorHolds, type LetterRevisionReport, type UpdateOptions } from './reanchor';
export { mergeAnnotationTexts, mergeAnnotationStores, type MergeConflict, type MergeOutcome, type ConflictPolicy } from './merge';
export { checkAnnotations, unknownTagsOfBrokenFile, type CheckOptions } from './check';
export {
  anchoredAt,
  createdTimestamp,
  excerpt,
  isWorkspaceScheme,
  orderedTags,
  selectionRanges,
  tagCountsByLabel,
  tempFileName,
  trimSelection,
} from './editor-rules';
export { borderFor, gutterIconDataUri, tagInitial, withAlpha } from './decoration-style';
export {
  acceptedText,
  NEW_TAG_STATUSES,
  newTagStatus,
  reattachment,
  reviewOf,
  wordChanges,
  type NewTagStatus,
  type PassageReview,
  type WordChange,
} from './review';
export {
  ANNOTATION_GROUPINGS,
  groupKey,
  isFiltering,
  matchesFilter,
  NO_STATUS,
  orderedGroups,
  reviewProgress,
  type AnnotationFilter,
  type AnnotationGrouping,
  type StatusKey,
} from './view-grouping';
