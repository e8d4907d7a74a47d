// What the extension knows about the documents around a kamerstuk: its Zaak, the Zaak's other documents, its
// attachments, the version chain of a motion or amendment, and the documents of its dossier.

/** One document related to another, as the API or a local source describes it. */
export interface RelatedDocument {
  /** The canonical id: the kamerstuk id when the document is numbered in a dossier, else its TK document number. */
  id: string;
  documentnummer?: string;
  /** Document.Soort, an open set. */
  soort?: string;
  title?: string;
  /** `YYYY-MM-DD` */
  date?: string;
  /** The Zaak it belongs to, when known. */
  zaaknummer?: string;
}

export interface ZaakInfo {
  nummer: string;
  soort?: string;
  onderwerp?: string;
  /** Zaak.Kabinetsappreciatie, e.g. `Oordeel Kamer`. */
  kabinetsappreciatie?: string;
}

/** One version of a motion or amendment (one Zaak each), in the chain ordered oldest first. */
export interface VersionStep extends RelatedDocument {
  zaaknummer: string;
  /** The latest version: the one not replaced by another (none when the chain was cut). */
  current: boolean;
  /** The version the lookup started from. */
  self: boolean;
}

/**
 * `ok`: the API answered (lists may be empty); `offline`: the API is off or unreachable; `error`: it failed
 * otherwise; `not-found`: it does not know the document; `unsupported`: the id is nothing the API can look up;
 * `aborted`: the caller stopped waiting.
 */
export type RelatedStatus = 'ok' | 'offline' | 'error' | 'not-found' | 'unsupported' | 'aborted';

export interface RelatedInfo {
  /** The id asked for. */
  id: string;
  zaken: ZaakInfo[];
  /** The other documents of its Zaak (or Zaken), newest first; attachments and the document itself left out. */
  documents: RelatedDocument[];
  /** Its attachments (BijlageDocument). */
  attachments: RelatedDocument[];
  /** The main document it is an attachment of (BronDocument). */
  attachmentOf: RelatedDocument[];
  /** The version chain, oldest first; empty when the document has no other versions. */
  versions: VersionStep[];
  /**
   * Some replacement link of the API pointed from a later version to an earlier one (the reversed relations of
   * API issue #99): the chain follows the dates, not the links.
   */
  reversedLinks?: boolean;
  /** The chain has more versions than were followed: none is marked current, as a later one may be missing. */
  versionsCut?: boolean;
  status: RelatedStatus;
  /** What went wrong, in English, for the log. */
  message?: string;
  /** ISO time of the answer. */
  fetchedAt: string;
}

/** A document of a dossier listing: where it is known from. */
export interface DossierEntry extends RelatedDocument {
  /** Further ids of the same document (the TK number of a kamerstuk). */
  aliases?: string[];
  /** `tweedekamer`, or the local sources that know it: `catalog`, `cache`, `bundled`. */
  sources: string[];
}

export interface DossierListing {
  /** `dossier-{nummer}[-{toevoeging}]` */
  id: string;
  nummer: string;
  toevoeging?: string;
  titel?: string;
  /** Newest first; documents without a date last. */
  documents: DossierEntry[];
  /** Of the API's answer: `ok` when it answered; otherwise the list holds only what the local sources know. */
  status: RelatedStatus;
  message?: string;
  /** The API had more pages than were read. */
  truncated?: boolean;
  fetchedAt: string;
}
