// The shape of a recognised reference, shared by the scanner, the metadata resolver and the editor features.

export type CitationKind =
  | 'kamerstuk'
  | 'dossier'
  | 'motie'
  | 'amendement'
  | 'tk-document'
  | 'tk-zaak'
  | 'handelingen'
  | 'aanhangsel'
  | 'staatsblad'
  | 'staatscourant'
  /** A Tweede Kamer register number of an oral commitment, `TZ202504-057`. */
  | 'toezegging';

export type Kamer = 'I' | 'II';

/** Motions and amendments: both are voted on, so both have submitters, an outcome and votes. */
export function isVotedKind(kind: CitationKind | undefined): kind is 'motie' | 'amendement' {
  return kind === 'motie' || kind === 'amendement';
}

/** Parsed parts of a citation; which fields are present depends on the kind. */
export interface CitationParts {
  kamer?: Kamer;
  /** Normalised as `2022-2023`; a multi-year behandeling keeps its first and last year: `1993-1994/1996-1997`. */
  vergaderjaar?: string;
  dossier?: string;
  /** Upper case, without separators: `VI`, `A`, `32`, `IIA`. */
  toevoeging?: string;
  /** Further dossiers of a joint document, after the first: `25295`, or with a toevoeging `21501-02`. */
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
  /** A gewijzigde (amended) motion. */
  gewijzigd?: boolean;
  /** Cited as `Bijlage bij Kamerstukken …`: an attachment of the document. */
  bijlage?: boolean;
  /** TK zaak number that came with a document number (tweedekamer.nl `id=…&did=…`). */
  zaak?: string;
  /** Label of the footnote whose text supplied a name-only motion's id. */
  footnote?: string;
  /**
   * `stuk nr. 13` (Handelingen): ondernummer of a document of the dossier under discussion. The id comes from the
   * dossier cited last before it in the document, or from the document's own id; null while neither is known.
   */
  stuk?: string;
}

/**
 * How a citation was written: `leidraad` (`Kamerstukken II 2022/23, 29 754, nr. 680`), `short` (`Kamerstuk
 * 29 754, nr. 680`, no vergaderjaar), `bare` (`29 754, nr. 680`), `compact` (`29754-680`), `id` (`kst-29754-680`),
 * `url`, `link` (a markdown link whose URL names the document), `name` (a motion by its submitters only).
 */
export type CitationForm = 'leidraad' | 'short' | 'bare' | 'compact' | 'id' | 'url' | 'link' | 'name';

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
  /**
   * Span of the whole citation this reference is part of: for `nrs. 520 en 548` both references share it. Quick
   * fixes that rewrite a citation replace this span. Absent when it equals [start, end).
   */
  group?: { start: number; end: number };
  /** Notation of the citation (absent for references built by other code). */
  form?: CitationForm;
}
