// The shape of a recognised reference, shared by the scanner, the metadata resolver and the editor features.

export type CitationKind =
  | 'kamerstuk'
  | 'dossier'
  | 'motie'
  | 'tk-document'
  | 'tk-zaak'
  | 'handelingen'
  | 'aanhangsel'
  | 'staatsblad'
  | 'staatscourant';

export type Kamer = 'I' | 'II';

/** Parsed parts of a citation; which fields are present depends on the kind. */
export interface CitationParts {
  kamer?: Kamer;
  /** Normalised as `2022-2023`; a multi-year behandeling keeps its first and last year: `1993-1994/1996-1997`. */
  vergaderjaar?: string;
  dossier?: string;
  /** Upper case, without separators: `VI`, `A`, `32`, `IIA`. */
  toevoeging?: string;
  /** Further dossiers of a joint document, after the first. */
  extraDossiers?: string[];
  /** Rijkswet number, e.g. `R1669`; not part of the id. */
  rijkswet?: string;
  ondernummer?: string;
  page?: string;
  vergadering?: string;
  item?: string;
  year?: string;
  number?: string;
  /** Motion submitters, as written (`Van Aalst`, `Remco Dijkstra`). */
  submitters?: string[];
  /** For a gewijzigde motie: the id of the motion it replaces (`t.v.v.`). */
  replaces?: string;
}

export interface CitationRef {
  kind: CitationKind;
  /** Canonical id (DESIGN.md), or null for a motion mentioned by name only. */
  id: string | null;
  /** UTF-16 offsets into the scanned text: the exact source span of this reference. */
  start: number;
  end: number;
  /** The source text of the span. */
  text: string;
  parts: CitationParts;
}
