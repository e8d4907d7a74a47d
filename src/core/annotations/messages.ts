// User-facing messages of the annotation core: English templates with {0} placeholders plus their arguments.
// The editor passes `template` and `args` to vscode.l10n.t; l10n/parts/annotations.nl.json holds the Dutch text.
import { fillTemplate } from '../text/fill-template';

export interface Message {
  template: string;
  args: string[];
}

export const MESSAGES = {
  yamlSyntax: 'YAML syntax error: {0}',
  yamlIndentation: 'The indentation of this line does not fit the lines around it: the keys of one entry start in the same column, each entry with "- "',
  yamlTab: 'A tab is used for indentation here: indent with spaces',
  yamlOpenQuote: 'A quoted text is not closed: its closing quote is missing',
  notUtf8: 'The file is not UTF-8 text (byte {0} at line {1}, column {2}), so it is never rewritten: save it as UTF-8 first',
  duplicateKey: 'Duplicate key "{0}"',
  notAMapping: 'The annotation file must be a YAML mapping with the keys version, document and annotations',
  missingKey: 'Missing required key "{0}"',
  versionUnsupported: 'Unsupported annotation file version {0}; this version of Kamerstuk Annotator reads version 1',
  expectedType: '"{0}" must be {1}',
  expectedMapping: '"{0}" must be a mapping',
  expectedSequence: '"{0}" must be a list',
  entryNotMapping: 'Annotation {0} must be a mapping',
  idInvalid: 'Annotation id "{0}" must consist of letters, digits, "-" or "_"',
  duplicateId: 'Duplicate annotation id "{0}" (first used on line {1})',
  emptyValue: '"{0}" must not be empty',
  offsetInvalid: '"{0}" must be a whole number of 0 or more',
  offsetsReversed: '"end" ({0}) must not be before "start" ({1})',
  statusInvalid: 'Unknown status "{0}"; use proposed, agreed or disputed (voorgesteld, akkoord, betwist)',
  dueInvalid: '"due" must be a mapping with a "text" and the dates "from" and "to" as yyyy-mm-dd (or "vague: true" without dates)',
  fulfilmentInvalid: 'Unknown fulfilment "{0}"; use fulfilled, partly or dropped (leave it out while the commitment is open)',
  dateInvalid: '"{0}" must be a date written as yyyy-mm-dd',
  unknownTag: 'Unknown tag "{0}"; known tags: {1}',
  unknownTagDidYouMean: 'Unknown tag "{0}"; did you mean "{1}"? Known tags: {2}',
  letterMissing: 'The letter {0} of this annotation file does not exist',
  orphaned: 'Annotation {0} ({1}) is orphaned: its passage "{2}" is no longer in the letter',
  fuzzy: 'Annotation {0} ({1}) matches only approximately (score {2}): the passage or its context changed; review it',
  moved: 'Annotation {0} ({1}) has moved; run "kamerstuk anchor --write" to store its new position',
  duplicateIdAcrossFiles: 'Annotation id "{0}" is also used in {1}',
  tagWithoutId: 'An entry of the kamerstuk.tags setting has no "id"',
  tagsSettingShape: 'The kamerstuk.tags setting must be an object or a list',
  tagIdInvalid: 'Tag id "{0}" must start with a letter and contain only letters, digits, "-" or "_"',
  notFound: 'Annotation {0} does not exist in this file',
  idTaken: 'Annotation id "{0}" is already used in this file',
  fileInvalid: 'The annotation file has errors and is not changed: {0}',
  mergeConflictField: 'Annotation {0}: "{1}" was changed on both sides',
  mergeConflictDeleted: 'Annotation {0} was deleted on one side and changed on the other',
  mergeConflictAdded: 'Annotation {0} was added on both sides with different content',
  mergeConflictDocument: '"{0}" was changed on both sides',
  nestingTooDeep: 'Mappings and lists nest more than {0} levels deep here',
  aliasExpansion: 'Aliases expand to more than {0} values in this file',
  aliasTooDeep: 'Alias *{0} nests mappings and lists more than {1} levels deep where it is used',
  aliasCycle: 'Alias *{0} is inside the value it refers to',
  aliasUnresolved: 'Alias *{0} has no anchor &{0} before it',
  fileCheckFailed: 'The file could not be checked: {0}',
} as const;

export type MessageTemplate = (typeof MESSAGES)[keyof typeof MESSAGES];

export function message(template: MessageTemplate, ...args: (string | number)[]): Message {
  return { template, args: args.map(String) };
}

/** The English text; the editor uses vscode.l10n.t(template, ...args) instead. */
export function formatMessage(m: Message): string {
  return fillTemplate(m.template, m.args);
}

export type Severity = 'error' | 'warning';

/** A problem in an annotation file, with 1-based line and column (UTF-16 columns). */
export interface AnnotationDiagnostic {
  severity: Severity;
  /** Stable machine code, e.g. `yaml-syntax`, `duplicate-id`, `orphaned`. */
  code: string;
  message: Message;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Offsets into the annotation file. */
  offset: number;
  endOffset: number;
  /** The annotation concerned, when there is one. */
  annotationId?: string;
  /** A fix: the text that replaces [offset, endOffset) ("did you mean measure"). */
  replacement?: string;
}
