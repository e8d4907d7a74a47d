// The annotation model of format version 1 (see DESIGN.md "Annotation file"): plain data, no YAML, no I/O.

export const FORMAT_VERSION = 1;

export const REVIEW_STATUSES = ['proposed', 'agreed', 'disputed'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** The Dutch names of the statuses (what the status picker shows), accepted in a file and written as the key. */
export const STATUS_ALIASES: Readonly<Record<string, ReviewStatus>> = { voorgesteld: 'proposed', akkoord: 'agreed', betwist: 'disputed' };

/** The status a written value stands for: a status key or its Dutch name, in any case; undefined for others. */
export function reviewStatusOf(value: unknown): ReviewStatus | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  return (REVIEW_STATUSES as readonly string[]).includes(v) ? (v as ReviewStatus) : STATUS_ALIASES[v];
}

/** Keys of an entry in the order they are written; unknown keys follow in their own order. */
export const ANNOTATION_KEYS = [
  'id',
  'tag',
  'quote',
  'prefix',
  'suffix',
  'start',
  'end',
  'note',
  'refs',
  'author',
  'created',
  'status',
  'due',
  'fulfilment',
  'fulfilledBy',
  'fulfilled',
  'fulfilmentNote',
] as const;

/** How a commitment was followed up; absent means open. */
export const FULFILMENTS = ['fulfilled', 'partly', 'dropped'] as const;
export type Fulfilment = (typeof FULFILMENTS)[number];

/**
 * Dutch names of a fulfilment, as analysts and the registers write them (the Eerste Kamer's `voldaan`, `deels
 * voldaan`; the Tweede Kamer's `Afgedaan`, `Deels Afgedaan`, `Vervallen`): read as the key and written as the key.
 */
export const FULFILMENT_ALIASES: Readonly<Record<string, Fulfilment>> = {
  nagekomen: 'fulfilled',
  voldaan: 'fulfilled',
  afgedaan: 'fulfilled',
  'deels nagekomen': 'partly',
  'deels voldaan': 'partly',
  'deels afgedaan': 'partly',
  deels: 'partly',
  vervallen: 'dropped',
};

/** The fulfilment a written value stands for: a key or its Dutch name, in any case; undefined for others. */
export function fulfilmentOf(value: unknown): Fulfilment | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase().replace(/\s+/g, ' ');
  return (FULFILMENTS as readonly string[]).includes(v) ? (v as Fulfilment) : FULFILMENT_ALIASES[v];
}

/** A deadline as a range of ISO dates (`yyyy-mm-dd`), with the phrase it was read from; vague ones have no dates. */
export interface DueRange {
  from?: string;
  to?: string;
  text: string;
  vague?: boolean;
}

/** Top-level keys in the order they are written. */
export const FILE_KEYS = ['version', 'document', 'annotations'] as const;

/** Where a passage is: the quote is the truth, the offsets (UTF-16, into the letter file) are a hint. */
export interface QuoteSelector {
  quote: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

export interface Annotation extends QuoteSelector {
  id: string;
  tag: string;
  note?: string;
  refs?: string[];
  author?: string;
  /** ISO 8601 date-time, e.g. `2026-11-28T12:00:00Z`. */
  created?: string;
  status?: ReviewStatus;
  /** A commitment's deadline. */
  due?: DueRange;
  /** A commitment's follow-up; absent means open. */
  fulfilment?: Fulfilment;
  /** Ids of the documents that fulfil the commitment (`kst-29754-720`). */
  fulfilledBy?: string[];
  /** ISO date of the fulfilment. */
  fulfilled?: string;
  fulfilmentNote?: string;
  /** Keys this version does not know, in file order; kept on every write. */
  extra?: Record<string, unknown>;
}

export interface LetterReference {
  /** Canonical id of the letter, when known (`kst-29754-716`). */
  id?: string;
  /** Path of the letter relative to the annotation file. */
  path?: string;
  /**
   * The git blob id of the letter's text the anchors were last written on (letter-version.ts): the previous
   * version that anchoring maps through when the letter has changed since.
   */
  hash?: string;
}

export interface AnnotationFileData {
  version: number;
  document: LetterReference;
  annotations: Annotation[];
}

/** Fields an edit may change; `null` removes an optional field. */
export interface AnnotationChanges {
  tag?: string;
  quote?: string;
  prefix?: string;
  suffix?: string;
  start?: number;
  end?: number;
  note?: string | null;
  refs?: string[] | null;
  author?: string | null;
  created?: string | null;
  status?: ReviewStatus | null;
  due?: DueRange | null;
  fulfilment?: Fulfilment | null;
  fulfilledBy?: string[] | null;
  fulfilled?: string | null;
  fulfilmentNote?: string | null;
}

/** `x.annotations.yaml` belongs to `x.md` unless the file names its letter in `document.path`. */
export const ANNOTATION_FILE_SUFFIX = '.annotations.yaml';

export function isAnnotationFileName(name: string): boolean {
  return name.endsWith(ANNOTATION_FILE_SUFFIX);
}

/** The conventional annotation file name for a letter file name: `kst-1-2.md` -> `kst-1-2.annotations.yaml`. */
export function annotationFileNameFor(letterName: string): string {
  return letterName.replace(/\.[^./\\]*$/, '') + ANNOTATION_FILE_SUFFIX;
}

/** The conventional letter file name for an annotation file name (a `.md` sibling). */
export function letterFileNameFor(annotationFileName: string): string {
  return annotationFileName.slice(0, annotationFileName.length - ANNOTATION_FILE_SUFFIX.length) + '.md';
}
