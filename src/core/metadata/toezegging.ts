// A Tweede Kamer toezegging (an oral commitment in the Kamer's register) by its number, from the OData API's
// Toezegging entity: its text, status, the bewindspersoon who made it, the due date, the debate it was made in and
// the letter that fulfilled it. Facts: shared/reference/letters-versions-commitments.md §3.2.
// - `Status` is an open set: the XSD names Openstaand, Voldaan, Deels Voldaan, Vervallen; the live data holds
//   Afgedaan and Deels Afgedaan as well, and empty values. A value is kept as written.
// - `KamerbriefNakoming` is a string (a TK DocumentNummer) in the XSD and a navigation property to Document in the
//   `$metadata` model; which one the API serves is UNVERIFIED. It is asked for as a navigation property first and,
//   when the API refuses that expand (HTTP 400), read as a field. Both shapes are read.
// - `DatumNakoming` `0001-01-01T00:00:00Z` means "none".
// `Verwijderd eq false` on the query and on every expanded collection; a deleted expanded row is dropped.
// Eerste Kamer T-numbers (`T01237`) are toezeggingen too, but that register is not in the API ("Zijn er ook data van
// de Eerste Kamer … beschikbaar? Nee.", parliament-data.md §1.1): they are never asked for, and their hover says so.
import { toezeggingId, toezeggingKamer } from '../citations/ids';
import type { DocumentMetadata, Signatory } from './model';
import { isRecord, type ODataHttp } from './odata-http';
import { MetadataError } from './source';

type Row = Record<string, unknown>;

export interface ToezeggingDebate {
  /** Activiteit number, e.g. `2024A05766`. */
  nummer?: string;
  /** `Commissiedebat`, `Plenair debat`, … (open set). */
  soort?: string;
  onderwerp?: string;
  /** `YYYY-MM-DD` */
  datum?: string;
}

export interface ToezeggingLetter {
  /** TK document number, e.g. `2024D25640`. */
  documentnummer: string;
  onderwerp?: string;
  /** `YYYY-MM-DD` */
  datum?: string;
}

export interface ToezeggingInfo {
  /** `TZ202504-057` */
  nummer: string;
  /** The commitment as the register words it ("De minister stuurt …"). */
  tekst?: string;
  /** As the API writes it: `Openstaand`, `Afgedaan`, `Deels Afgedaan`, `Vervallen`, or any other value. */
  status?: string;
  /** The bewindspersoon who made it (`naam`, `functie`, e.g. `Minister van Landbouw`). */
  bewindspersoon?: Signatory;
  ministerie?: string;
  /** `YYYY-MM-DD`: DatumNakoming, when the register has one. */
  termijn?: string;
  /** `YYYY-MM-DD`: Aanmaakdatum. */
  aangemaakt?: string;
  debat?: ToezeggingDebate;
  /** The letters that fulfilled it (KamerbriefNakoming). */
  nagekomenIn?: ToezeggingLetter[];
}

const LIVE = 'Verwijderd eq false';
const ACTIVITEIT = 'Activiteit($select=Nummer,Soort,Onderwerp,Datum,Verwijderd)';
const KAMERBRIEF = `KamerbriefNakoming($filter=${LIVE};$select=DocumentNummer,Onderwerp,Datum,Verwijderd)`;

/** The query for one toezegging by its number; `withLetter` expands KamerbriefNakoming as a navigation property. */
export function toezeggingQuery(nummer: string, withLetter: boolean): string {
  const filter = `${LIVE} and Nummer eq '${nummer}'`;
  const expand = withLetter ? `${ACTIVITEIT},${KAMERBRIEF}` : ACTIVITEIT;
  return `Toezegging?$filter=${encodeURIComponent(filter)}&$expand=${encodeURIComponent(expand)}`;
}

/**
 * Looks a toezegging up by its number (any case, typographic dash allowed); undefined when the number is no
 * toezegging number or the register has no live entry for it. Network failures reject as MetadataError.
 */
export async function fetchToezegging(http: ODataHttp, number: string, signal: AbortSignal): Promise<ToezeggingInfo | undefined> {
  const nummer = toezeggingId(number);
  // An Eerste Kamer T-number (`T01237`) is in that Kamer's own register, not in the Tweede Kamer API: no request.
  if (!nummer || toezeggingKamer(nummer) !== 'II') return undefined;
  let items: Row[];
  try {
    items = (await http.getAll(toezeggingQuery(nummer, true), signal)).items;
  } catch (e) {
    // KamerbriefNakoming is a plain field in this API: ask again without expanding it.
    if (!(e instanceof MetadataError && e.code === 'http' && e.status === 400)) throw e;
    items = (await http.getAll(toezeggingQuery(nummer, false), signal)).items;
  }
  const row = items.find((r) => r.Verwijderd !== true && text(r.Nummer)?.toUpperCase() === nummer);
  return row ? toezeggingFromRow(row, nummer) : undefined;
}

/** Maps a Toezegging row (Activiteit and KamerbriefNakoming expanded or not) to what a hover shows. */
export function toezeggingFromRow(row: Row, nummer: string): ToezeggingInfo {
  const info: ToezeggingInfo = { nummer };
  const tekst = text(row.Tekst);
  if (tekst) info.tekst = tekst;
  const status = text(row.Status);
  if (status) info.status = status;
  const persoon = bewindspersoon(row);
  if (persoon) info.bewindspersoon = persoon;
  const ministerie = text(row.Ministerie);
  if (ministerie) info.ministerie = ministerie;
  const termijn = day(row.DatumNakoming);
  if (termijn) info.termijn = termijn;
  const aangemaakt = day(row.Aanmaakdatum) ?? day(row.AanmaakDatum);
  if (aangemaakt) info.aangemaakt = aangemaakt;
  const debat = debate(row);
  if (debat) info.debat = debat;
  const letters = lettersOf(row.KamerbriefNakoming);
  if (letters.length) info.nagekomenIn = letters;
  return info;
}

/** The metadata record of a toezegging: the commitment text as its title, the bewindspersoon as signatory. */
export function toezeggingMetadata(info: ToezeggingInfo, source: string): DocumentMetadata {
  const meta: DocumentMetadata = { id: info.nummer, kind: 'toezegging', source, toezegging: info };
  if (info.tekst) meta.title = info.tekst;
  if (info.aangemaakt) meta.date = info.aangemaakt;
  return meta;
}

/** Reads the `toezegging` field of a cached or catalogued record; undefined when it is not one. */
export function toezeggingFromPlain(v: unknown, nummer: string): ToezeggingInfo | undefined {
  if (!isRecord(v)) return undefined;
  const info: ToezeggingInfo = { nummer };
  for (const k of ['tekst', 'status', 'ministerie', 'termijn', 'aangemaakt'] as const) {
    const x = text(v[k]);
    if (x) info[k] = x;
  }
  if (isRecord(v.bewindspersoon) && text(v.bewindspersoon.naam)) {
    const p = v.bewindspersoon;
    info.bewindspersoon = { naam: text(p.naam)!, ...(text(p.functie) ? { functie: text(p.functie) } : {}) };
  }
  if (isRecord(v.debat)) {
    const d: ToezeggingDebate = {};
    for (const k of ['nummer', 'soort', 'onderwerp', 'datum'] as const) {
      const x = text(v.debat[k]);
      if (x) d[k] = x;
    }
    if (Object.keys(d).length) info.debat = d;
  }
  if (Array.isArray(v.nagekomenIn)) {
    const letters = v.nagekomenIn.filter(isRecord).flatMap((l): ToezeggingLetter[] => {
      const documentnummer = text(l.documentnummer);
      if (!documentnummer) return [];
      return [{ documentnummer, ...(text(l.onderwerp) ? { onderwerp: text(l.onderwerp) } : {}), ...(text(l.datum) ? { datum: text(l.datum) } : {}) }];
    });
    if (letters.length) info.nagekomenIn = letters;
  }
  return info;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** `YYYY-MM-DD` of a date or dateTime; undefined for none, for the API's `0001-01-01` "no date" and nonsense. */
function day(v: unknown): string | undefined {
  const s = text(v);
  const m = s ? /^(\d{4})-(\d{2})-(\d{2})/.exec(s) : null;
  if (!m || Number(m[1]) < 1900) return undefined;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** `Naam` as the register writes it ("Wiersma, F.M."), else built from the name parts. */
function bewindspersoon(row: Row): Signatory | undefined {
  const built = [text(row.Titulatuur), text(row.Initialen) ?? text(row.Voornaam), text(row.Tussenvoegsel), text(row.Achternaam), text(row.Achtervoegsel)]
    .filter(Boolean)
    .join(' ');
  const naam = text(row.Naam) ?? (text(row.Achternaam) ? built : undefined);
  if (!naam) return undefined;
  const functie = text(row.Functie);
  return { naam, ...(functie ? { functie } : {}) };
}

function debate(row: Row): ToezeggingDebate | undefined {
  const a = isRecord(row.Activiteit) && row.Activiteit.Verwijderd !== true ? row.Activiteit : undefined;
  const d: ToezeggingDebate = {};
  const nummer = text(a?.Nummer) ?? text(row.ActiviteitNummer);
  if (nummer) d.nummer = nummer;
  const soort = text(a?.Soort);
  if (soort) d.soort = soort;
  const onderwerp = text(a?.Onderwerp);
  if (onderwerp) d.onderwerp = onderwerp;
  const datum = day(a?.Datum);
  if (datum) d.datum = datum;
  return Object.keys(d).length ? d : undefined;
}

/** KamerbriefNakoming in either shape: a DocumentNummer string, or expanded Document rows (one or a list). */
function lettersOf(v: unknown): ToezeggingLetter[] {
  const one = text(v);
  if (one) return [{ documentnummer: one }];
  const list = Array.isArray(v) ? v : isRecord(v) ? [v] : [];
  const seen = new Set<string>();
  return list.filter(isRecord).flatMap((d): ToezeggingLetter[] => {
    const documentnummer = text(d.DocumentNummer);
    if (d.Verwijderd === true || !documentnummer || seen.has(documentnummer)) return [];
    seen.add(documentnummer);
    const onderwerp = text(d.Onderwerp);
    const datum = day(d.Datum);
    return [{ documentnummer, ...(onderwerp ? { onderwerp } : {}), ...(datum ? { datum } : {}) }];
  });
}
