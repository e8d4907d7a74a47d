// OData rows -> related documents, and the order of a version chain. Rows are tolerated in both shapes the API
// may give a navigation property (a collection or a single entity); deleted rows and placeholder entities (an Id
// and nothing else) are never taken.
import { kamerstukId } from './ids';
import { isRecord } from './odata-http';
import type { RelatedDocument, VersionStep, ZaakInfo } from './related-model';

export type Row = Record<string, unknown>;

export const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** The live rows of a navigation property: a collection, a single entity or nothing. */
export function liveRows(v: unknown): Row[] {
  const list = Array.isArray(v) ? v : isRecord(v) ? [v] : [];
  return list.filter(isRecord).filter((r) => r.Verwijderd !== true);
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
 * The chain oldest first, the latest marked current. Dates decide the order: the replacing version is the later
 * one, whatever direction a link points (API issue #99 reversed them in old data); links only break ties between
 * versions of the same day. `reversed` tells whether some link contradicted the dates.
 */
export function orderVersions(nodes: VersionNode[], self: string): { steps: VersionStep[]; reversed: boolean } {
  const byNummer = new Map(nodes.map((n) => [n.zaaknummer, n]));
  // "a before b" edges as the links state them.
  const stated: [string, string][] = [];
  for (const n of nodes) {
    for (const later of n.replacedBy) if (byNummer.has(later)) stated.push([n.zaaknummer, later]);
    for (const earlier of n.replaces) if (byNummer.has(earlier)) stated.push([earlier, n.zaaknummer]);
  }
  const dateOf = (z: string) => byNummer.get(z)?.date;
  const reversed = stated.some(([a, b]) => {
    const [da, db] = [dateOf(a), dateOf(b)];
    return !!da && !!db && da > db;
  });
  const linkedBefore = (a: string, b: string) => stated.some(([x, y]) => x === a && y === b);
  const sorted = [...nodes].sort((a, b) => {
    if (a.date && b.date && a.date !== b.date) return a.date < b.date ? -1 : 1;
    if (linkedBefore(a.zaaknummer, b.zaaknummer) && !linkedBefore(b.zaaknummer, a.zaaknummer)) return -1;
    if (linkedBefore(b.zaaknummer, a.zaaknummer) && !linkedBefore(a.zaaknummer, b.zaaknummer)) return 1;
    return a.zaaknummer.localeCompare(b.zaaknummer, 'nl', { numeric: true });
  });
  const steps = sorted.map((n, i): VersionStep => {
    const base: RelatedDocument = n.doc ?? { id: n.zaaknummer };
    return {
      ...base,
      ...(n.date && !base.date ? { date: n.date } : {}),
      zaaknummer: n.zaaknummer,
      current: i === sorted.length - 1,
      self: n.zaaknummer === self,
    };
  });
  return { steps, reversed };
}

/** The document that stands for a Zaak in a version chain: its motion or amendment, else its earliest document. */
export function versionDocument(docs: RelatedDocument[]): RelatedDocument | undefined {
  const voted = docs.filter((d) => /^(motie|amendement|subamendement)/i.test(d.soort ?? ''));
  const pool = voted.length ? voted : docs;
  return [...pool].sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999'))[0];
}
