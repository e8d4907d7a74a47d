// The words the reading view and the export put on the page, in Dutch and English. Core renders HTML for readers
// outside VS Code too (the CLI's export), so the labels live here rather than in the editor's l10n bundle.
import type { ReviewStatus } from '../annotations/model';

export type ReadingLanguage = 'nl' | 'en';

export interface ReadingLabels {
  legend: string;
  orphans: string;
  orphansHint: string;
  unshown: string;
  unshownHint: string;
  changed: string;
  status: Record<ReviewStatus, string>;
  noStatus: string;
  note: string;
  notes: string;
  summary: string;
  tag: string;
  passage: string;
  statusHeading: string;
  count: string;
  passages: (n: number) => string;
  metadata: string;
  metadataFields: Record<'id' | 'title' | 'soort' | 'date' | 'dossier' | 'documentnummer' | 'zaak' | 'signatories' | 'official', string>;
  letterHeading: string;
  image: string;
  exportedWith: string;
  noTags: string;
  refs: string;
}

const NL: ReadingLabels = {
  legend: 'Legenda',
  orphans: 'Labels die niet meer in de tekst staan',
  orphansHint: 'De passage van deze labels is niet teruggevonden in deze versie van de brief.',
  unshown: 'Labels die niet in de getoonde tekst staan',
  unshownHint:
    'De passage van deze labels staat in de brief, maar in een deel dat hier niet als gewone tekst wordt getoond (code, HTML of door een andere extensie herschreven tekst).',
  changed: '(gewijzigd)',
  status: { proposed: 'voorgesteld', agreed: 'akkoord', disputed: 'betwist' },
  noStatus: 'geen status',
  note: 'Notitie',
  notes: 'Notities',
  summary: 'Overzicht',
  tag: 'Label',
  passage: 'Passage',
  statusHeading: 'Status',
  count: 'Aantal',
  passages: (n) => `${n} ${n === 1 ? 'passage' : 'passages'}`,
  metadata: 'Gegevens van de brief',
  metadataFields: {
    id: 'Id',
    title: 'Titel',
    soort: 'Soort',
    date: 'Datum',
    dossier: 'Dossier',
    documentnummer: 'Documentnummer',
    zaak: 'Zaak',
    signatories: 'Ondertekenaars',
    official: 'Officiële publicatie',
  },
  letterHeading: 'De brief',
  image: 'afbeelding',
  exportedWith: 'Geëxporteerd met Kamerstuk Annotator.',
  noTags: 'Deze brief heeft geen labels.',
  refs: 'Verwijst naar',
};

const EN: ReadingLabels = {
  legend: 'Legend',
  orphans: 'Tags no longer found in the text',
  orphansHint: 'The passage of these tags was not found again in this version of the letter.',
  unshown: 'Tags not shown in the text',
  unshownHint: 'The passage of these tags is in the letter, but in a part not shown here as plain text (code, HTML, or text another extension rewrote).',
  changed: '(changed)',
  status: { proposed: 'proposed', agreed: 'agreed', disputed: 'disputed' },
  noStatus: 'no status',
  note: 'Note',
  notes: 'Notes',
  summary: 'Summary',
  tag: 'Tag',
  passage: 'Passage',
  statusHeading: 'Status',
  count: 'Count',
  passages: (n) => `${n} ${n === 1 ? 'passage' : 'passages'}`,
  metadata: 'About the letter',
  metadataFields: {
    id: 'Id',
    title: 'Title',
    soort: 'Kind',
    date: 'Date',
    dossier: 'Dossier',
    documentnummer: 'Document number',
    zaak: 'Case',
    signatories: 'Signatories',
    official: 'Official publication',
  },
  letterHeading: 'The letter',
  image: 'image',
  exportedWith: 'Exported with Kamerstuk Annotator.',
  noTags: 'This letter has no tags.',
  refs: 'Refers to',
};

export function readingLabels(language: ReadingLanguage): ReadingLabels {
  return language === 'nl' ? NL : EN;
}

/** `nl` for a Dutch locale or language tag (`nl`, `nl-BE`, `nl_NL.UTF-8`), else `en`. */
export function readingLanguageOf(locale: string | undefined): ReadingLanguage {
  return locale && /^nl(?:[-_.@]|$)/i.test(locale.trim()) ? 'nl' : 'en';
}
