// Public API of the commitments register (issue 16): deadlines read from a passage, commitments across letters
// with their state and whether they are overdue, groups, reports (markdown, CSV, JSON, ICS) and fulfilment
// candidates. No vscode, no node, no clock: `today` is always passed in.

export type { DueRange } from '../annotations/model';
export { FULFILMENTS, type Fulfilment } from '../annotations/model';
export { COMMITMENT_STATES, type Commitment, type CommitmentLetter, type CommitmentState } from './model';
export { parseDue } from './due';
export { commitmentDue, commitmentState, commitmentTags, collectCommitments, compareCommitments, isOverdue, sentenceAround } from './state';
export { COMMITMENT_GROUPINGS, commitmentGroupKey, groupCommitments, NO_DUE, VAGUE, type CommitmentGroup, type CommitmentGrouping } from './grouping';
export { commitmentLabels, dueLabel, longDate, monthLabel, type CommitmentLabels, type CommitmentLanguage } from './labels';
export { commitmentLetter, ministryFromHeading, ministryOf } from './letters';
export { CUE_OVERLAP, citesLetter, FULFILMENT_CUES, fulfilmentCandidates, fulfilmentCue, subjectWords, type FulfilmentCandidate } from './candidates';
export { COMMITMENT_CSV_COLUMNS, commitmentsCsv, dutchDate } from './format-csv';
export { commitmentsIcs, escapeText, foldLine, uidOf } from './format-ics';
export { commitmentsJson, commitmentsMarkdown } from './format-md';

import { commitmentsCsv } from './format-csv';
import { commitmentsIcs } from './format-ics';
import { commitmentsJson, commitmentsMarkdown } from './format-md';
import type { CommitmentLanguage } from './labels';
import type { Commitment } from './model';

export type CommitmentFormat = 'md' | 'csv' | 'json' | 'ics';
export const COMMITMENT_FORMATS: readonly CommitmentFormat[] = ['md', 'csv', 'json', 'ics'];

export function commitmentsAs(list: Commitment[], format: CommitmentFormat, options: { lang: CommitmentLanguage; today: string }): string {
  switch (format) {
    case 'csv':
      return commitmentsCsv(list, options);
    case 'json':
      return commitmentsJson(list, options);
    case 'ics':
      return commitmentsIcs(list, options);
    default:
      return commitmentsMarkdown(list, options);
  }
}
