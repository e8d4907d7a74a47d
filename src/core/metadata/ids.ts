// Canonical ids (DESIGN.md) -> their parts, and the links that follow from an id alone.
import type { CitationKind } from '../citations/types';
import { officialUrl } from '../citations/format';
import { kamerstukId, toezeggingId, toezeggingKamer } from '../citations/ids';
import { scanText } from '../citations';

/** `kst-{dossier}[-{toevoeging}]-{ondernummer}`: the one builder the scanner uses too. */
export { kamerstukId };

export interface ParsedId {
  id: string;
  kind: CitationKind;
  dossier?: string;
  toevoeging?: string;
  ondernummer?: string;
  documentnummer?: string;
  zaaknummer?: string;
  /** `tk` or `ek` for Handelingen and Aanhangsels; `ek` for an Eerste Kamer toezegging (`T01237`). */
  kamer?: 'tk' | 'ek';
  /** `2010-2011` */
  vergaderjaar?: string;
  vergadering?: string;
  item?: string;
  year?: string;
  number?: string;
}

// A dossier number, or an Eerste Kamer Roman one from 100 up (`CXXIV`).
const DOSSIER = '(\\d{4,6}|C[CLXVI]{1,8})';
const TOEVOEGING = '([0-9A-Za-z]{1,8})';
const ONDERNUMMER = '(\\d{1,5}[a-z]?|[A-Za-z]{1,3})';
const KST = new RegExp(`^kst-${DOSSIER}(?:-${TOEVOEGING})?-${ONDERNUMMER}$`, 'i');
const DOSSIER_ID = new RegExp(`^dossier-${DOSSIER}(?:-${TOEVOEGING})?$`, 'i');
const TK_DOC = /^(\d{4})D(\d{4,6})$/i;
const TK_ZAAK = /^(\d{4})Z(\d{4,6})$/i;
const HANDELINGEN = /^h-(tk|ek)-(\d{4})(\d{4})-(\d{1,4})-(\d{1,4})$/i;
const AANHANGSEL = /^ah-(tk|ek)-(\d{4})(\d{4})-(\d{1,6})$/i;
const STB = /^(stb|stcrt)-(\d{4})-(\d{1,7})$/i;

/** Digits, or a valid Roman numeral from 100 up (`CXXIV`, not `CIIII`). */
function isDossierNumber(d: string): boolean {
  return /^\d/.test(d) || /^C{1,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/.test(d);
}

/** Parses a canonical id; returns undefined for anything else. Case is normalised (`KST-36200-vi-45` works). */
export function parseCanonicalId(raw: string): ParsedId | undefined {
  const s = raw.trim();
  let m: RegExpExecArray | null;
  if ((m = KST.exec(s))) {
    const [, written, toev, onder] = m;
    const dossier = written.toUpperCase();
    if (!isDossierNumber(dossier)) return undefined;
    const ondernummer = /^\d/.test(onder) ? onder.toLowerCase() : onder.toUpperCase();
    const toevoeging = toev?.toUpperCase();
    const id = ['kst', dossier, toevoeging, ondernummer].filter(Boolean).join('-');
    return { id, kind: 'kamerstuk', dossier, toevoeging, ondernummer };
  }
  if ((m = DOSSIER_ID.exec(s))) {
    const toevoeging = m[2]?.toUpperCase();
    const dossier = m[1].toUpperCase();
    if (!isDossierNumber(dossier)) return undefined;
    return { id: ['dossier', dossier, toevoeging].filter(Boolean).join('-'), kind: 'dossier', dossier, toevoeging };
  }
  if ((m = TK_DOC.exec(s))) {
    const id = `${m[1]}D${m[2]}`;
    return { id, kind: 'tk-document', documentnummer: id };
  }
  if ((m = TK_ZAAK.exec(s))) {
    const id = `${m[1]}Z${m[2]}`;
    return { id, kind: 'tk-zaak', zaaknummer: id };
  }
  const tz = toezeggingId(s);
  if (tz) return toezeggingKamer(tz) === 'I' ? { id: tz, kind: 'toezegging', kamer: 'ek', number: tz } : { id: tz, kind: 'toezegging', number: tz };
  if ((m = HANDELINGEN.exec(s))) {
    const kamer = m[1].toLowerCase() as 'tk' | 'ek';
    return {
      id: `h-${kamer}-${m[2]}${m[3]}-${m[4]}-${m[5]}`,
      kind: 'handelingen',
      kamer,
      vergaderjaar: `${m[2]}-${m[3]}`,
      vergadering: m[4],
      item: m[5],
    };
  }
  if ((m = AANHANGSEL.exec(s))) {
    const kamer = m[1].toLowerCase() as 'tk' | 'ek';
    return { id: `ah-${kamer}-${m[2]}${m[3]}-${m[4]}`, kind: 'aanhangsel', kamer, vergaderjaar: `${m[2]}-${m[3]}`, number: m[4] };
  }
  if ((m = STB.exec(s))) {
    const prefix = m[1].toLowerCase();
    return { id: `${prefix}-${m[2]}-${m[3]}`, kind: prefix === 'stb' ? 'staatsblad' : 'staatscourant', year: m[2], number: m[3] };
  }
  return undefined;
}

/** The canonical form of an id, or undefined when it is not one. */
export function normaliseId(raw: string): string | undefined {
  return parseCanonicalId(raw)?.id;
}

/** Ids with a page on zoek.officielebekendmakingen.nl (TK numbers, toezeggingen and dossiers have none). */
export function officialPublicationUrl(id: string): string | undefined {
  const p = parseCanonicalId(id);
  if (!p || p.kind === 'tk-document' || p.kind === 'tk-zaak' || p.kind === 'toezegging') return undefined;
  return officialUrl(p.id) ?? undefined;
}

/** The document's page on tweedekamer.nl, built as the site links its own pages. */
export function tweedeKamerUrl(documentnummer: string, zaaknummer: string | undefined, soort: string | undefined): string {
  const folder = soort === 'Brief regering' ? 'brieven_regering/' : soort?.startsWith('Motie') ? 'moties/' : '';
  const q = new URLSearchParams({ id: zaaknummer ?? documentnummer, did: documentnummer });
  return `https://www.tweedekamer.nl/kamerstukken/${folder}detail?${q}`;
}

/**
 * Loose input from a command line or quick pick: a canonical id, or `29754-716`, `29 754, nr. 716`,
 * `36200 VI, nr. 45`, `Kamerstukken II 2022–2023, 29 754, nr. 683, p. 2`. Not a citation scanner.
 */
export function parseLooseId(input: string): ParsedId | undefined {
  const exact = parseCanonicalId(input);
  if (exact) return exact;
  const bare = input
    .replace(/^\s*(?:bijlage bij\s+)?kamerstukken\s+(?:I{1,2}\s+)?(?:\d{4}\s*[/–-]\s*\d{2,4}\s*,\s*)?/i, '')
    .replace(/,\s*(?:p|blz|pag)\.\s*[\d–-]+\.?\s*$/i, '');
  const m = /^\s*(\d{2}\s?\d{3})(?:[\s-]+([0-9A-Za-z]{1,8}))?\s*(?:,\s*nr\.?\s*|-)\s*(\d{1,5})\s*\.?\s*$/.exec(bare);
  if (m) return parseCanonicalId(kamerstukId(m[1].replace(/\s/g, ''), m[2], m[3]));
  // Two numbers as typed in a search box: dossier and ondernummer (`29754 690`).
  const pair = /^\s*(\d{2}\s?\d{3})\s+(\d{1,5})\s*$/.exec(bare);
  if (pair) return parseCanonicalId(kamerstukId(pair[1].replace(/\s/g, ''), undefined, pair[2]));
  return undefined;
}

/**
 * The documents a typed citation names, in every notation the scanner recognises (`Kamerstuk 29 754, nr. 683`,
 * `kst-29754-716`, `de motie-Van Aalst (35300-A, nr. 15)`, `Stb. 2024, 123`, a list `nrs. 520 en 548`), and the
 * bare forms `parseLooseId` takes (`29754 690`). Empty when it names none.
 */
export function idsInInput(input: string): string[] {
  const exact = parseCanonicalId(input.trim());
  if (exact) return [exact.id];
  const ids = [...new Set(scanText(input).flatMap((r) => (r.id && parseCanonicalId(r.id) ? [r.id] : [])))];
  if (ids.length) return ids;
  const loose = parseLooseId(input);
  return loose ? [loose.id] : [];
}
