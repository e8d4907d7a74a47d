// OData rows -> related documents, and the order of a version chain. Rows are tolerated in both shapes the API
// may give a navigation property (a collection or a single entity); deleted rows and placeholder entities (an Id
// and nothing else) are never taken.
import { kamerstukId, parseCanonicalId } from './ids';
import { isRecord } from './odata-http';
import type { RelatedDocument, VersionStep, ZaakInfo } from './related-model';
import { rows, str } from './tk-source';

export type Row = Record<string, unknown>;
export { str };

/** The live rows of a navigation property: a collection, a single entity or nothing. */
export function liveRows(v: unknown): Row[] {
  return rows(isRecord(v) ? [v] : v);
}

/** `YYYY-MM-DD` of an OData date, else undefined. */
export function day(v: unknown): string | undefined {
  const s = str(v);
  return s && /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : undefined;
}

/** A Document row as a related document; undefined for a placeholder (no number, subject or title). */
export function documentFromRow(row: Row, zaaknummer?: string): RelatedDocument | undefined {
  const documentnummer = str(row.DocumentNummer);
  const title = str(row.Onderwerp) ?? str(row.Titel);
  if (!documentnummer && !title) return undefined;
  const dossier = liveRows(row.Kamerstukdossier)[0];
  const nummer = dossier && (typeof dossier.Nummer === 'number' || typeof dossier.Nummer === 'string') ? String(dossier.Nummer) : undefined;
  const volg = typeof row.Volgnummer === 'number' && row.Volgnummer > 0 ? String(row.Volgnummer) : undefined;
  const id = nummer && volg ? kamerstukId(nummer, str(dossier?.Toevoeging)?.toUpperCase(), volg) : (documentnummer ?? str(row.Id));
  if (!id) return undefined;
  const doc: RelatedDocument = { id };
  if (documentnummer) doc.documentnummer = documentnummer;
  const soort = str(row.Soort);
  if (soort) doc.soort = soort;
  if (title) doc.title = title;
  const date = day(row.Datum);
  if (date) doc.date = date;
  if (zaaknummer) doc.zaaknummer = zaaknummer;
  return doc;
}

/** A Zaak row as zaak facts; undefined for a placeholder. */
export function zaakFromRow(row: Row): ZaakInfo | undefined {
  const nummer = str(row.Nummer);
  if (!nummer) return undefined;
  const z: ZaakInfo = { nummer };
  for (const [key, field] of [
    ['soort', 'Soort'],
    ['onderwerp', 'Onderwerp'],
    ['kabinetsappreciatie', 'Kabinetsappreciatie'],
  ] as const) {
    const v = str(row[field]);
    if (v) z[key] = v;
  }
  return z;
}

/** Newest first; undated last; then by id, so the order is stable. */
export function newestFirst<T extends { date?: string; id: string }>(docs: T[]): T[] {
  return [...docs].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.id.localeCompare(b.id, 'nl', { numeric: true }));
}

/** Documents with the same id once (the first wins). */
export function uniqueById<T extends { id: string }>(docs: T[]): T[] {
  const seen = new Set<string>();
  return docs.filter((d) => !seen.has(d.id) && !!seen.add(d.id));
}

/** One Zaak of a version chain: its document (the motion or amendment itself), date and replacement links. */
export interface VersionNode {
  zaaknummer: string;
  doc?: RelatedDocument;
  /** The document's date, else the Zaak's GestartOp. */
  date?: string;
  /** Zaken this one says it is replaced by (VervangenDoor). */
  replacedBy: string[];
  /** Zaken this one says it replaces (VervangenVanuit). */
  replaces: string[];
}

/**
 * How far along its chain a version says it is, from its soort and title alone (reference §2.2): 0 an original,
 * 1 a gewijzigde or vervangende version (`Motie (gewijzigd/nader)`, `Amendement (gewijzigd/nader/vervangend)`, a
 * title with "gewijzigd", "t.v.v." or "ter vervanging van"), 2 "nader gewijzigd", 3 and up "tweede/derde … nader
 * gewijzigd".
 */
export function revisionRank(doc: Pick<RelatedDocument, 'soort' | 'title'> | undefined): number {
  const title = (doc?.title ?? '').toLowerCase();
  const ordinal = /\b(tweede|derde|vierde|vijfde|zesde)\s+nader\s+gewijzigd/.exec(title);
  if (ordinal) return 2 + ['tweede', 'derde', 'vierde', 'vijfde', 'zesde'].indexOf(ordinal[1]) + 1;
  if (/\bnader\s+gewijzigd/.test(title)) return 2;
  const revisedSoort = /\((?:[^)]*\b)?(gewijzigd|nader|vervangend)\b/i.test(doc?.soort ?? '');
  if (revisedSoort || /\bgewijzigde?\b|\bt\.\s?v\.\s?v\.|\bter vervanging van\b/.test(title)) return 1;
  return 0;
}

/**
 * The chain oldest first, the latest marked current (none when `cut`: versions beyond the bound may be later).
 * Every version gets one sort key, so the order is total and the same for any input order:
 *  1. its date (the document's, else the Zaak's GestartOp): the replacing version is the later one, whatever
 *     direction a link points (API issue #99 reversed them in old data);
 *  2. on the same day, how revised it says it is (revisionRank), then its Volgnummer in the dossier (when every
 *     version of that day has one);
 *  3. then the links, as a topological order (a cycle of contradicting links broken by date and number).
 * A version without any date takes the date of the latest dated version before it in link order and goes after
 * that day's dated versions (or first, when no dated version comes before it). `reversed` tells whether some link
 * contradicts the order found.
 */
export function orderVersions(nodes: VersionNode[], self: string, cut = false): { steps: VersionStep[]; reversed: boolean } {
  const byNummer = new Map(nodes.map((n) => [n.zaaknummer, n]));
  const numeric = (a: string, b: string) => a.localeCompare(b, 'nl', { numeric: true });
  const all = [...byNummer.keys()].sort(numeric);
  // "a before b" as the links state them, each pair once.
  const stated = new Map<string, [string, string]>();
  const state = (a: string, b: string) => {
    if (a !== b && byNummer.has(a) && byNummer.has(b)) stated.set(`${a}\n${b}`, [a, b]);
  };
  for (const n of byNummer.values()) {
    for (const later of n.replacedBy) state(n.zaaknummer, later);
    for (const earlier of n.replaces) state(earlier, n.zaaknummer);
  }
  const linkRank = topologicalRanks(
    all,
    [...stated.values()],
    (a, b) => (byNummer.get(a)!.date ?? '').localeCompare(byNummer.get(b)!.date ?? '') || numeric(a, b),
  );
  const byLink = [...all].sort((a, b) => linkRank.get(a)! - linkRank.get(b)!);
  const dayOf = new Map<string, { day: string; inherited: boolean }>();
  let lastDated = '';
  for (const z of byLink) {
    const date = byNummer.get(z)!.date;
    if (date && date > lastDated) lastDated = date;
    dayOf.set(z, date ? { day: date, inherited: false } : { day: lastDated, inherited: true });
  }
  const volgOf = (z: string) => volgnummerOf(byNummer.get(z)!.doc?.id);
  const sameDayAllNumbered = new Map<string, boolean>();
  for (const z of all) {
    const key = dayOf.get(z)!.day;
    sameDayAllNumbered.set(key, (sameDayAllNumbered.get(key) ?? true) && volgOf(z) !== undefined);
  }
  const key = (z: string): (string | number)[] => {
    const d = dayOf.get(z)!;
    const volg = sameDayAllNumbered.get(d.day) ? volgOf(z)! : 0;
    return [d.day, d.inherited ? 1 : 0, d.inherited ? 0 : revisionRank(byNummer.get(z)!.doc), volg, linkRank.get(z)!];
  };
  const keys = new Map(all.map((z) => [z, key(z)]));
  const order = [...all].sort((a, b) => compareKeys(keys.get(a)!, keys.get(b)!));
  const position = new Map(order.map((z, i) => [z, i]));
  const reversed = [...stated.values()].some(([a, b]) => position.get(a)! > position.get(b)!);
  const steps = order.map((z, i): VersionStep => {
    const n = byNummer.get(z)!;
    const base: RelatedDocument = n.doc ?? { id: n.zaaknummer };
    return {
      ...base,
      ...(n.date && !base.date ? { date: n.date } : {}),
      zaaknummer: n.zaaknummer,
      current: !cut && i === order.length - 1,
      self: n.zaaknummer === self,
    };
  });
  return { steps, reversed };
}

/** Kahn's walk over `edges` (a before b), ready nodes taken by `tie`; a cycle is broken at its `tie`-first node. */
function topologicalRanks(nodes: string[], edges: [string, string][], tie: (a: string, b: string) => number): Map<string, number> {
  const incoming = new Map(nodes.map((n) => [n, 0]));
  for (const [, b] of edges) incoming.set(b, incoming.get(b)! + 1);
  const rank = new Map<string, number>();
  const left = new Set(nodes);
  while (left.size) {
    const pool = [...left];
    const ready = pool.filter((n) => incoming.get(n) === 0);
    const next = (ready.length ? ready : pool).sort(tie)[0];
    left.delete(next);
    rank.set(next, rank.size);
    for (const [a, b] of edges) if (a === next && left.has(b)) incoming.set(b, incoming.get(b)! - 1);
  }
  return rank;
}

function compareKeys(a: (string | number)[], b: (string | number)[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}

/** The Volgnummer of a kamerstuk id, else undefined. */
function volgnummerOf(id: string | undefined): number | undefined {
  const p = id ? parseCanonicalId(id) : undefined;
  return p?.kind === 'kamerstuk' && /^\d+$/.test(p.ondernummer ?? '') ? Number(p.ondernummer) : undefined;
}

/** The document that stands for a Zaak in a version chain: its motion or amendment, else its earliest document. */
export function versionDocument(docs: RelatedDocument[]): RelatedDocument | undefined {
  const voted = docs.filter((d) => /^(motie|amendement|subamendement)/i.test(d.soort ?? ''));
  const pool = voted.length ? voted : docs;
  return [...pool].sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999'))[0];
}
