// Why a passage was suggested, as English templates with {0} for the phrase that fired; the editor passes them to
// vscode.l10n.t and l10n/parts/editor-suggestions.nl.json holds the Dutch text.
export const REASONS = {
  promise: 'Promise: "{0}"',
  writerWill: 'The writer will act: "{0}"',
  inform: 'The Kamer will be informed: "{0}"',
  workingOn: 'Work announced: "{0}"',
  expectation: 'Expected result: "{0}"',
  deliverable: 'Something will be delivered: "{0}"',
  state: 'A state, not an act: "{0}"',
  notPromised: 'Not promised here: "{0}"',
  deadline: 'Deadline: "{0}"',
  hedge: 'Hedged: "{0}"',
  thisLetter: 'Done in this letter itself: "{0}"',
  pastReport: 'Reports the past: "{0}"',
  othersSay: 'Said by others: "{0}"',
  conclude: 'Conclusion: "{0}"',
  finding: 'Finding: "{0}"',
  followOn: 'Follows a conclusion: "{0}"',
  measureHeading: 'Numbered measure under "{0}"',
  measureItem: 'Listed under "{0}"',
  actionSince: 'Action under measure "{0}"',
  actionTaken: 'Action under measure "{0}"',
} as const;

export type ReasonKey = keyof typeof REASONS;

/** One cue that fired: its reason and the phrase it matched (or the heading it refers to). */
export interface Reason {
  key: ReasonKey;
  phrase: string;
}
