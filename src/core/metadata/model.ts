// What the extension knows about a cited document, whichever source it came from.
import type { CitationKind } from '../citations/types';
import type { ToezeggingInfo } from './toezegging';

export interface Signatory {
  naam: string;
  /** Function or role, e.g. `minister van Justitie en Veiligheid`, `Tweede Kamerlid`. */
  functie?: string;
  /** DocumentActor/ZaakActor relation, e.g. `Eerste ondertekenaar`, `Indiener`. */
  relatie?: string;
  fractie?: string;
}

export interface DossierInfo {
  nummer: string;
  /** Upper case, e.g. `VI`; absent when the dossier has none. */
  toevoeging?: string;
  titel?: string;
}

export interface DocumentLinks {
  /** `https://zoek.officielebekendmakingen.nl/{id}.html` */
  html?: string;
  /** Only when a source states it. */
  pdf?: string;
  /** The document's page on tweedekamer.nl. */
  tweedekamer?: string;
  /** The OData `Document({guid})/resource` file. */
  resource?: string;
}

/** Open set: the values below are known, anything else passes through. */
export type OutcomeResult = 'aangenomen' | 'verworpen' | 'aangehouden' | 'ingetrokken' | 'controversieel' | 'overig';

export interface MotionOutcome {
  result: OutcomeResult;
  /** `YYYY-MM-DD`, when known. */
  date?: string;
  /** The Besluit text as the source gives it, e.g. `Aangenomen.`. */
  besluitTekst?: string;
}

/** `Voor`, `Tegen`, `Niet deelgenomen`, or a value the API adds later. */
export type VoteSoort = 'Voor' | 'Tegen' | 'Niet deelgenomen' | (string & {});

export interface FractieVote {
  fractie: string;
  soort: VoteSoort;
  /** Seats (FractieGrootte) or, for a hoofdelijke stemming, the number of members voting this way. */
  zetels: number;
  /** The fractie declared its vote a mistake (Stemming.Vergissing). */
  vergissing?: boolean;
}

export interface VoteTotals {
  voor: number;
  tegen: number;
  nietDeelgenomen: number;
}

export interface VoteTally {
  hoofdelijk: boolean;
  votes: FractieVote[];
  totals: VoteTotals;
}

export interface MotionInfo {
  submitters?: Signatory[];
  outcome?: MotionOutcome;
  stemming?: VoteTally;
}

export interface DocumentMetadata {
  /** The canonical id this record answers for (DESIGN.md). */
  id: string;
  /** Further canonical ids of the same document (`kst-29754-716` and `2024D25640`). */
  aliases?: string[];
  kind: CitationKind;
  /** Document.Soort, an open set: `Brief regering`, `Motie`, … */
  soort?: string;
  title?: string;
  onderwerp?: string;
  /** `YYYY-MM-DD` */
  date?: string;
  /** `2023-2024` */
  vergaderjaar?: string;
  dossier?: DossierInfo;
  ondernummer?: string;
  /** TK document number, e.g. `2024D25640`. */
  documentnummer?: string;
  /** TK zaak number, e.g. `2024Z10806`. */
  zaaknummer?: string;
  signatories?: Signatory[];
  links?: DocumentLinks;
  motion?: MotionInfo;
  /** A toezegging from the Tweede Kamer's register (kind `toezegging`). */
  toezegging?: ToezeggingInfo;
  /** Name of the source that answered: `catalog`, `cache`, `tweedekamer`, `bundled`. */
  source: string;
  /** Where the data first came from, when `source` is a copy (a cache entry of an API answer). */
  origin?: string;
  /** ISO time the data was fetched from its origin; shown as age. */
  fetchedAt?: string;
  /**
   * The API's change stamp of the rows behind this record (the Document, its actors, dossier and zaak): their latest
   * `ApiGewijzigdOp` and how many there are. An expired cache entry is revalidated against it with a small query.
   */
  apiRevision?: string;
  /** Set by the resolver when an expired cache entry was used because nothing fresher answered. */
  stale?: boolean;
}

/** All canonical ids a record answers for. */
export function idsOf(meta: DocumentMetadata): string[] {
  return [meta.id, ...(meta.aliases ?? [])].filter((v, i, all) => all.indexOf(v) === i);
}

export const VOTE_VOOR = 'Voor';
export const VOTE_TEGEN = 'Tegen';
export const VOTE_NIET_DEELGENOMEN = 'Niet deelgenomen';

/** Seats per kind of vote (the Kamer's `Soort`: Voor, Tegen, Niet deelgenomen). */
export function voteTotals(votes: readonly { soort: string; zetels: number }[]): { voor: number; tegen: number; nietDeelgenomen: number } {
  const sum = (soort: string) => votes.filter((v) => v.soort === soort).reduce((n, v) => n + v.zetels, 0);
  return { voor: sum(VOTE_VOOR), tegen: sum(VOTE_TEGEN), nietDeelgenomen: sum(VOTE_NIET_DEELGENOMEN) };
}
