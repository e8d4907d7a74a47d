// The commitments register's shapes (issue 16): a commitment is a tagged passage with the tag `commitment`
// (toezegging), its letter, its deadline and its state. Plain data; `today` is always a parameter.

import type { Annotation, DueRange } from '../annotations/model';

export type { DueRange } from '../annotations/model';

export const COMMITMENT_STATES = ['open', 'partly', 'fulfilled', 'dropped'] as const;
export type CommitmentState = (typeof COMMITMENT_STATES)[number];

/** A letter as the register needs it: its facts from the front matter, its text and its annotations. */
export interface CommitmentLetter {
  /** Path of the letter (relative to the workspace folder or the report's folder). */
  path: string;
  /** Canonical id (`kst-29754-716`). */
  id?: string;
  /** Other ids of the letter (its TK document number `2024D25640`), which a citing letter may use. */
  aliases?: string[];
  title?: string;
  /** ISO date of the letter. */
  date?: string;
  /** Dossier number (`29754`, `36600-VI`). */
  dossier?: string;
  /** The ministry, from the signatories (`Justitie en Veiligheid`). */
  ministry?: string;
  text: string;
  annotations: Annotation[];
}

export interface Commitment {
  letter: CommitmentLetter;
  annotation: Annotation;
  due?: DueRange;
  /** `stored`: the annotation's `due`; `parsed`: read from the passage now; `none`: no deadline found. */
  dueSource: 'stored' | 'parsed' | 'none';
  state: CommitmentState;
  overdue: boolean;
}
