// Public API of tag suggestions (pure TypeScript: runs in Node and in a browser worker).
export { splitSentences, type Span } from './sentences';
export { DUTCH_ABBREVIATIONS, endsInAbbreviation } from './abbreviations';
export { letterUnits, type LetterUnit, type Heading } from './units';
export { suggestTags, scoreCommitment, scoreConclusion, DEFAULT_THRESHOLD, type Proposal, type SuggestOptions, type SuggestedTag } from './suggest';
export { REASONS, type Reason, type ReasonKey } from './messages';
export { evaluate, combine, overlapMatches, type TaggedSpan, type TagScore } from './evaluate';
export { SUGGESTION_AUTHOR, REJECTED_KEY, isPendingSuggestion, normalQuote, readRejected, updateRejected, type RejectedSuggestion } from './marker';
