// A letter's facts for the register, from its own file: id, title, date and dossier from the front matter (the
// keys metadataFromFrontMatter reads, Dutch or English), the ministry from its signatories' functie, else from
// the letter's heading ("BRIEF VAN DE MINISTER VAN JUSTITIE EN VEILIGHEID").

import type { Annotation } from '../annotations/model';
import { letterFrontMatter, letterIdOf } from '../letters/identity';
import { metadataFromFrontMatter } from '../metadata/letter-source';
import type { CommitmentLetter } from './model';

/** The register's view of one letter file: `path` as it should be shown, `text` the whole file. */
export function commitmentLetter(path: string, text: string, annotations: Annotation[]): CommitmentLetter {
  const fileName = path.split(/[\\/]/).pop() ?? path;
  const id = letterIdOf(fileName, text);
  const data = letterFrontMatter(text) ?? {};
  const meta = metadataFromFrontMatter(id ?? 'letter', data);
  const letter: CommitmentLetter = { path, text, annotations };
  if (id) letter.id = id;
  const aliases = [meta?.documentnummer, ...(meta?.aliases ?? [])].filter((x): x is string => !!x && x !== id);
  if (aliases.length) letter.aliases = [...new Set(aliases)];
  const title = meta?.title ?? meta?.onderwerp;
  if (title) letter.title = title;
  const date = dateOf(meta?.date) ?? dateFromText(text);
  if (date) letter.date = date;
  const dossier =
    dossierOf(data.dossier) ??
    /^kst-(\d+(?:-[A-Z0-9]+)?)-[^-]+$/i.exec(id ?? '')?.[1] ??
    (meta?.dossier ? [meta.dossier.nummer, meta.dossier.toevoeging].filter(Boolean).join('-') : undefined);
  if (dossier) letter.dossier = dossier;
  const ministry = ministryOf(meta?.signatories ?? []) ?? ministryFromHeading(text);
  if (ministry) letter.ministry = ministry;
  return letter;
}

function dossierOf(v: unknown): string | undefined {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string' && v.trim()) return v.trim().replace(/\s+/g, '');
  if (v && typeof v === 'object' && 'nummer' in v) return dossierOf((v as { nummer: unknown }).nummer);
  return undefined;
}

const MINISTRY_OF = /\b(?:minister|staatssecretaris|ministerie)\s+(?:van|voor)\s+(.+)$/i;

/** The ministry of the first signatory (the "Eerste ondertekenaar" when one is marked) whose functie names one. */
export function ministryOf(signatories: ReadonlyArray<{ functie?: string; relatie?: string }>): string | undefined {
  const ordered = [...signatories].sort((a, b) => Number(/eerste/i.test(b.relatie ?? '')) - Number(/eerste/i.test(a.relatie ?? '')));
  for (const s of ordered) {
    const m = MINISTRY_OF.exec(s.functie?.trim() ?? '');
    if (m) return tidy(m[1]);
  }
  return undefined;
}

/** "BRIEF VAN DE MINISTER EN STAATSSECRETARIS VAN JUSTITIE EN VEILIGHEID" -> "Justitie en Veiligheid"; else the signature. */
export function ministryFromHeading(text: string): string | undefined {
  const head = text.slice(0, 4000);
  // The heading, after an ondernummer ("Nr. 716", or the letter "G" of an Eerste Kamer document).
  const m =
    /^#*\s*(?:Nr\.\s*\d+\s+|[A-Z]{1,3}\s+)?BRIEF VAN DE[A-Z ,-]*?\b(?:MINISTER|STAATSSECRETARIS)S?\b[A-Z ,-]*?\b(?:VAN|VOOR) ([A-ZËÏÖÜÉ ,-]+?)\s*$/m.exec(head);
  if (m) {
    const words = m[1].toLowerCase().split(/(\s+|-)/);
    return tidy(words.map((w) => (/^(?:en|van|voor|de|het)$/.test(w) ? w : w.charAt(0).toUpperCase() + w.slice(1))).join(''));
  }
  // Else the signature at the end: "De Minister van Binnenlandse Zaken en Koninkrijksrelaties,".
  const signed = /^De (?:Minister|Staatssecretaris)(?:-President)?(?:, Minister)? (?:van|voor) ([A-Z][^\n,]{2,80}),\s*$/m.exec(text.slice(-4000));
  return signed ? tidy(signed[1]) : undefined;
}

const tidy = (s: string) =>
  s
    .replace(/[.,;]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();

const MONTHS_NL = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/**
 * A front-matter date as an ISO day: `2024-06-18`, a timestamp cut to its date as written (`2024-06-18T10:00:00+02:00`),
 * `18 juni 2024` or `18-06-2024`; undefined for anything else, or a day that does not exist.
 */
function dateOf(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(v);
  if (iso) return isoDay(iso[1], Number(iso[2]) - 1, iso[3]);
  const numeric = /^(\d{1,2})-(\d{1,2})-((?:19|20)\d{2})$/.exec(v);
  if (numeric) return isoDay(numeric[3], Number(numeric[2]) - 1, numeric[1]);
  return dutchDate(v, /^(?:[a-z]+dag\s+)?(\d{1,2})\s+([a-z]+)\s+((?:19|20)\d{2})$/i);
}

/** "Den Haag, 18 juni 2024" near the top of the letter, when the front matter gives no date. */
function dateFromText(text: string): string | undefined {
  return dutchDate(text.slice(0, 6000), /\bDen Haag,\s+(\d{1,2})\s+([a-z]+)\s+((?:19|20)\d{2})\b/i);
}

/** The first "18 juni 2024" `re` finds (groups: day, month name, year) as an ISO day. */
function dutchDate(text: string, re: RegExp): string | undefined {
  const m = re.exec(text);
  const month = m ? MONTHS_NL.indexOf(m[2].toLowerCase()) : -1;
  return m && month >= 0 ? isoDay(m[3], month, m[1]) : undefined;
}

/** `yyyy-mm-dd` of a year, a 0-based month and a day, when that day exists. */
function isoDay(year: string, month: number, day: string): string | undefined {
  const d = new Date(Date.UTC(Number(year), month, Number(day)));
  if (d.getUTCMonth() !== month || d.getUTCDate() !== Number(day)) return undefined;
  return `${year}-${String(month + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
}
