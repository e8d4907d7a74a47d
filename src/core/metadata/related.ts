// Related documents of a kamerstuk from the Tweede Kamer API: its Zaak and the Zaak's other documents, its
// attachments (BijlageDocument, BronDocument), the version chain of a motion or amendment (Zaak VervangenDoor /
// VervangenVanuit, ordered by date: issue #99 reversed the links in old data), and the documents of a dossier
// merged with what the local sources know. `Verwijderd eq false` on every query and expanded collection (single
// navigation properties take no $filter: their deleted rows are dropped here), paging by nextLink (getAll),
// placeholder rows ignored, answers remembered briefly, concurrent lookups shared. Never rejects: failures come
// back as a status.
import { isVotedKind } from '../citations/types';
import type { DocumentMetadata } from './model';
import { idsOf } from './model';
import { parseCanonicalId } from './ids';
import type { ODataHttp } from './odata-http';
import type { DossierEntry, DossierListing, RelatedDocument, RelatedInfo, RelatedStatus, ZaakInfo } from './related-model';
import {
  day,
  documentFromRow,
  liveRows,
  newestFirst,
  orderVersions,
  str,
  uniqueById,
  versionDocument,
  zaakFromRow,
  type Row,
  type VersionNode,
} from './related-rows';
import { isAbortError, MetadataError } from './source';
import { odataQuery, odataString } from './tk-source';

const LIVE = 'Verwijderd eq false';
const DOC_SELECT = 'Id,DocumentNummer,Volgnummer,Soort,Onderwerp,Titel,Datum';
const DOSSIER_SELECT = 'Nummer,Toevoeging,Titel';
const ZAAK_LINK_SELECT = 'Id,Nummer,Soort,Onderwerp,GestartOp,Verwijderd';
const DOC_NESTED = `$select=${DOC_SELECT};$expand=Kamerstukdossier($filter=${LIVE};$select=${DOSSIER_SELECT})`;
/** The document itself: its Zaken, attachments, main document and dossier. BronDocument is a single entity. */
const DOCUMENT_EXPAND = [
  `Zaak($filter=${LIVE};$select=Id,Nummer,Soort,Onderwerp,Kabinetsappreciatie,GestartOp)`,
  `BijlageDocument($filter=${LIVE};${DOC_NESTED})`,
  `BronDocument(${DOC_NESTED})`,
  `Kamerstukdossier($filter=${LIVE};$select=${DOSSIER_SELECT})`,
].join(',');
/** A Zaak: its documents and replacement links (single entities in tkapi's model, so no $filter on them). */
const ZAAK_EXPAND = [
  `Document($filter=${LIVE};${DOC_NESTED})`,
  `VervangenDoor($select=${ZAAK_LINK_SELECT})`,
  `VervangenVanuit($select=${ZAAK_LINK_SELECT})`,
].join(',');

/** Zaken of one document asked for their documents. */
const MAX_ZAKEN = 3;
/** Versions followed along a chain. */
const MAX_VERSIONS = 8;

/** What the local sources (team catalog, cache, bundled catalog) offer: MetadataResolver.search answers it. */
export interface LocalSearch {
  search(query: string, options: { signal?: AbortSignal; limit?: number }): Promise<DocumentMetadata[]>;
}

export interface RelatedDocumentsOptions {
  /** The API client; without one every answer is local only (`offline`). */
  http?: ODataHttp;
  local?: LocalSearch;
  /** How long an answer of the API is remembered. Default 10 minutes. */
  ttlMs?: number;
  /** How long a failed or partial answer is remembered before it is asked again. Default 30 s. */
  failureTtlMs?: number;
  /** Upper bound of one lookup (it goes on when a caller stops waiting). Default 30 s. */
  lookupTimeoutMs?: number;
  /** Answers remembered (oldest dropped first). Default 500. */
  memoryLimit?: number;
  now?: () => number;
}

interface Remembered<T> {
  value: T;
  expiresAt: number;
}

export class RelatedDocuments {
  private readonly memory = new Map<string, Remembered<RelatedInfo | DossierListing>>();
  private readonly flights = new Map<string, Promise<RelatedInfo | DossierListing>>();
  private readonly controllers = new Set<AbortController>();
  private readonly o: Required<Omit<RelatedDocumentsOptions, 'http' | 'local'>> & Pick<RelatedDocumentsOptions, 'http' | 'local'>;

  constructor(options: RelatedDocumentsOptions = {}) {
    this.o = {
      http: options.http,
      local: options.local,
      ttlMs: options.ttlMs ?? 10 * 60_000,
      failureTtlMs: options.failureTtlMs ?? 30_000,
      lookupTimeoutMs: options.lookupTimeoutMs ?? 30_000,
      memoryLimit: options.memoryLimit ?? 500,
      now: options.now ?? Date.now,
    };
  }

  /** The remembered related documents of `id`, synchronously (for a hover that must not wait). */
  peek(id: string): RelatedInfo | undefined {
    return this.recall(docKey(id)) as RelatedInfo | undefined;
  }

  /** Whether a lookup of `id` is running. */
  isLooking(id: string): boolean {
    return this.flights.has(docKey(id));
  }

  /** The related documents of a document. The caller's signal only ends its wait; the lookup goes on and is remembered. */
  forDocument(meta: DocumentMetadata, signal?: AbortSignal): Promise<RelatedInfo> {
    const key = docKey(meta.id);
    return this.shared(
      key,
      (s) => this.lookupDocument(meta, s),
      signal,
      () => empty(meta.id, 'aborted', this.stamp()),
    ) as Promise<RelatedInfo>;
  }

  peekDossier(nummer: string, toevoeging?: string): DossierListing | undefined {
    return this.recall(dossierKey(nummer, toevoeging)) as DossierListing | undefined;
  }

  isLookingUpDossier(nummer: string, toevoeging?: string): boolean {
    return this.flights.has(dossierKey(nummer, toevoeging));
  }

  /** Every document of a dossier, newest first: the API's list merged with what the local sources know. */
  dossier(nummer: string, toevoeging: string | undefined, signal?: AbortSignal): Promise<DossierListing> {
    const key = dossierKey(nummer, toevoeging);
    const fallback = () => ({ ...emptyDossier(nummer, toevoeging, this.stamp()), status: 'aborted' as const });
    return this.shared(key, (s) => this.lookupDossier(nummer, toevoeging, s), signal, fallback) as Promise<DossierListing>;
  }

  /** What the local sources alone know of a dossier (at once, no network). Never rejects. */
  async localDossier(nummer: string, toevoeging: string | undefined, signal?: AbortSignal): Promise<DossierListing> {
    const listing = emptyDossier(nummer, toevoeging, this.stamp());
    const local = await this.localRecords(nummer, toevoeging, signal);
    listing.documents = newestFirst(local.entries);
    if (local.titel) listing.titel = local.titel;
    listing.status = this.o.http && this.o.http.status !== 'disabled' && this.o.http.status !== 'offline' ? 'ok' : 'offline';
    return listing;
  }

  /** Forgets every remembered answer (after going back online, or a catalog change). */
  invalidate(): void {
    this.memory.clear();
  }

  /** Stops every lookup in progress. */
  dispose(): void {
    for (const c of this.controllers) c.abort();
    this.controllers.clear();
    this.flights.clear();
    this.memory.clear();
  }

  /** The status of a failure: `offline` also when the request failed because the network did (the client says so). */
  private failure(e: unknown): { status: RelatedStatus; message: string } {
    const f = failureOf(e);
    const status = this.o.http?.status;
    return f.status === 'error' && (status === 'offline' || status === 'disabled') ? { ...f, status: 'offline' } : f;
  }

  private stamp(): string {
    return new Date(this.o.now()).toISOString();
  }

  private recall(key: string): RelatedInfo | DossierListing | undefined {
    const hit = this.memory.get(key);
    if (!hit) return undefined;
    if (hit.expiresAt <= this.o.now()) {
      this.memory.delete(key);
      return undefined;
    }
    return hit.value;
  }

  private shared(
    key: string,
    run: (signal: AbortSignal) => Promise<RelatedInfo | DossierListing>,
    signal: AbortSignal | undefined,
    aborted: () => RelatedInfo | DossierListing,
  ): Promise<RelatedInfo | DossierListing> {
    const known = this.recall(key);
    if (known) return Promise.resolve(known);
    let flight = this.flights.get(key);
    if (!flight) {
      const ctl = new AbortController();
      this.controllers.add(ctl);
      let tooLong = false;
      const cap = setTimeout(() => ((tooLong = true), ctl.abort()), this.o.lookupTimeoutMs);
      flight = run(ctl.signal)
        .catch((e): RelatedInfo | DossierListing => ({ ...aborted(), ...this.failure(e) }))
        // A lookup stopped for taking too long is a failure to remember (briefly), not a caller's cancellation.
        .then((v) => (tooLong && v.status === 'aborted' ? { ...v, status: 'error' as const, message: `no answer within ${this.o.lookupTimeoutMs} ms` } : v))
        .then((value) => {
          clearTimeout(cap);
          this.controllers.delete(ctl);
          if (this.flights.get(key) === flight) this.flights.delete(key);
          this.remember(key, value);
          return value;
        });
      this.flights.set(key, flight);
    }
    if (!signal) return flight;
    if (signal.aborted) return Promise.resolve(aborted());
    return new Promise((resolve) => {
      const onAbort = () => resolve(aborted());
      signal.addEventListener('abort', onAbort, { once: true });
      flight.then((v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      });
    });
  }

  private remember(key: string, value: RelatedInfo | DossierListing): void {
    if (value.status === 'aborted') return;
    const ok = value.status === 'ok' || value.status === 'not-found' || value.status === 'unsupported';
    this.memory.delete(key);
    this.memory.set(key, { value, expiresAt: this.o.now() + (ok ? this.o.ttlMs : this.o.failureTtlMs) });
    while (this.memory.size > this.o.memoryLimit) this.memory.delete(this.memory.keys().next().value as string);
  }

  private async list(path: string, signal: AbortSignal): Promise<{ items: Row[]; truncated: boolean }> {
    if (!this.o.http) throw new MetadataError('offline', 'the Tweede Kamer API is not available here');
    return this.o.http.getAll(path, signal);
  }

  private async lookupDocument(meta: DocumentMetadata, signal: AbortSignal): Promise<RelatedInfo> {
    const info = empty(meta.id, 'ok', this.stamp());
    const filter = documentFilter(meta);
    if (!filter) return { ...info, status: 'unsupported' };
    const self = pickDocument((await this.list(odataQuery('Document', { filter, expand: DOCUMENT_EXPAND }), signal)).items, meta);
    if (!self) return { ...info, status: 'not-found' };
    const selfNummer = str(self.DocumentNummer);
    info.attachments = docs(self.BijlageDocument);
    info.attachmentOf = docs(self.BronDocument);
    info.zaken = liveRows(self.Zaak)
      .map(zaakFromRow)
      .filter((z): z is ZaakInfo => !!z)
      .slice(0, MAX_ZAKEN);
    const skip = new Set([meta.id, ...idsOf(meta), ...(selfNummer ? [selfNummer] : []), ...info.attachments.map((a) => a.id)]);
    const zaakRows = new Map<string, Row>();
    try {
      for (const z of info.zaken) {
        const row = await this.zaak(z.nummer, signal);
        if (!row) continue;
        zaakRows.set(z.nummer, row);
        Object.assign(z, { ...zaakFromRow(row), ...z });
        for (const d of docs(row.Document, z.nummer)) if (!skip.has(d.id) && !(d.documentnummer && skip.has(d.documentnummer))) info.documents.push(d);
      }
      info.documents = newestFirst(uniqueById(info.documents));
      // Only a motion or amendment has versions; a letter in its zaak (the kabinetsappreciatie) does not.
      const voted = isVotedKind(meta.kind) || /^(motie|amendement|subamendement)/i.test(str(self.Soort) ?? '');
      const start = voted ? info.zaken.find((z) => hasLinks(zaakRows.get(z.nummer))) : undefined;
      if (start) await this.addVersions(info, start.nummer, zaakRows, signal);
    } catch (e) {
      if (isAbortError(e) && signal.aborted) throw e;
      return { ...info, ...this.failure(e) };
    }
    return info;
  }

  private async zaak(nummer: string, signal: AbortSignal): Promise<Row | undefined> {
    const rows = (await this.list(odataQuery('Zaak', { filter: `Nummer eq ${odataString(nummer)}`, expand: ZAAK_EXPAND }), signal)).items;
    return rows.find((r) => str(r.Nummer) === nummer && r.Verwijderd !== true);
  }

  /** Walks the replacement links from `start` (breadth first, bounded) and orders what it found by date. */
  private async addVersions(info: RelatedInfo, start: string, known: Map<string, Row>, signal: AbortSignal): Promise<void> {
    const nodes = new Map<string, VersionNode>();
    const queue = [start];
    const stubs = new Map<string, Row>();
    while (queue.length && nodes.size < MAX_VERSIONS) {
      const nummer = queue.shift()!;
      if (nodes.has(nummer)) continue;
      let row = known.get(nummer);
      if (!row) {
        try {
          row = await this.zaak(nummer, signal);
        } catch (e) {
          if (signal.aborted) throw e;
          row = undefined;
          info.status = this.failure(e).status;
          info.message = this.failure(e).message;
        }
      }
      const node = versionNode(nummer, row ?? stubs.get(nummer));
      nodes.set(nummer, node);
      for (const link of [...liveRows(row?.VervangenDoor), ...liveRows(row?.VervangenVanuit)]) {
        const n = str(link.Nummer);
        if (n && !nodes.has(n)) {
          if (!stubs.has(n)) stubs.set(n, link);
          queue.push(n);
        }
      }
    }
    if (nodes.size < 2) return;
    const { steps, reversed } = orderVersions([...nodes.values()], start);
    info.versions = steps;
    if (reversed) info.reversedLinks = true;
  }

  private async lookupDossier(nummer: string, toevoeging: string | undefined, signal: AbortSignal): Promise<DossierListing> {
    const listing = emptyDossier(nummer, toevoeging, this.stamp());
    const localPromise = this.localRecords(nummer, toevoeging, signal);
    const api: DossierEntry[] = [];
    try {
      if (!/^\d+$/.test(nummer)) throw new MetadataError('malformed', `dossier ${nummer} cannot be asked of the API`);
      const toev = toevoeging ? `d/Toevoeging eq ${odataString(toevoeging)}` : 'd/Toevoeging eq null';
      const filter = `Kamerstukdossier/any(d: d/Nummer eq ${Number(nummer)} and ${toev})`;
      const path = `${odataQuery('Document', { filter, orderby: 'Datum desc' })}&$select=${encodeURIComponent(DOC_SELECT)}`;
      const dossierFilter = `Nummer eq ${Number(nummer)} and ${toevoeging ? `Toevoeging eq ${odataString(toevoeging)}` : 'Toevoeging eq null'}`;
      const titlePath = `${odataQuery('Kamerstukdossier', { filter: dossierFilter })}&$select=${encodeURIComponent(DOSSIER_SELECT)}`;
      const [found, dossierRows] = await Promise.all([this.list(path, signal), this.list(titlePath, signal).catch(() => ({ items: [] as Row[] }))]);
      const titel = str(dossierRows.items.find((r) => r.Verwijderd !== true)?.Titel);
      if (titel) listing.titel = titel;
      if (found.truncated) listing.truncated = true;
      const asked = { Nummer: nummer, Toevoeging: toevoeging ?? null };
      for (const row of found.items) {
        if (row.Verwijderd === true) continue;
        const doc = documentFromRow({ ...row, Kamerstukdossier: [asked] });
        if (doc)
          api.push({ ...doc, ...(doc.documentnummer && doc.documentnummer !== doc.id ? { aliases: [doc.documentnummer] } : {}), sources: ['tweedekamer'] });
      }
    } catch (e) {
      if (isAbortError(e) && signal.aborted) throw e;
      Object.assign(listing, this.failure(e));
    }
    const local = await localPromise;
    listing.titel ??= local.titel;
    listing.documents = newestFirst(merge(api, local.entries));
    return listing;
  }

  /** The local sources' records of a dossier (its documents, and its title when one knows it). Never rejects. */
  private async localRecords(nummer: string, toevoeging: string | undefined, signal?: AbortSignal): Promise<{ entries: DossierEntry[]; titel?: string }> {
    if (!this.o.local) return { entries: [] };
    let records: DocumentMetadata[];
    try {
      records = await this.o.local.search(nummer, { signal, limit: 2000 });
    } catch {
      return { entries: [] };
    }
    const mine = records.filter((r) => r.dossier?.nummer === nummer && (r.dossier.toevoeging ?? '') === (toevoeging ?? ''));
    const titel = mine.map((r) => r.dossier?.titel).find(Boolean);
    const entries = mine.filter((r) => r.kind !== 'dossier').map(entryOf);
    return { entries, ...(titel ? { titel } : {}) };
  }
}

function docKey(id: string): string {
  return `doc:${parseCanonicalId(id)?.id ?? id.trim()}`;
}

function dossierKey(nummer: string, toevoeging?: string): string {
  return `dossier:${nummer}${toevoeging ? `-${toevoeging.toUpperCase()}` : ''}`;
}

function empty(id: string, status: RelatedStatus, fetchedAt: string): RelatedInfo {
  return { id, zaken: [], documents: [], attachments: [], attachmentOf: [], versions: [], status, fetchedAt };
}

function emptyDossier(nummer: string, toevoeging: string | undefined, fetchedAt: string): DossierListing {
  const t = toevoeging?.toUpperCase();
  return { id: `dossier-${nummer}${t ? `-${t}` : ''}`, nummer, ...(t ? { toevoeging: t } : {}), documents: [], status: 'ok', fetchedAt };
}

function failureOf(e: unknown): { status: RelatedStatus; message: string } {
  const message = e instanceof Error ? e.message : String(e);
  if (e instanceof MetadataError && e.code === 'offline') return { status: 'offline', message };
  if (isAbortError(e)) return { status: 'aborted', message };
  return { status: 'error', message };
}

const docs = (v: unknown, zaaknummer?: string): RelatedDocument[] =>
  liveRows(v)
    .map((r) => documentFromRow(r, zaaknummer))
    .filter((d): d is RelatedDocument => !!d);

const hasLinks = (row: Row | undefined) => !!row && (liveRows(row.VervangenDoor).length > 0 || liveRows(row.VervangenVanuit).length > 0);

function versionNode(zaaknummer: string, row: Row | undefined): VersionNode {
  const doc = versionDocument(docs(row?.Document, zaaknummer));
  const stub =
    !doc && row
      ? { id: zaaknummer, ...(str(row.Onderwerp) ? { title: str(row.Onderwerp) } : {}), ...(str(row.Soort) ? { soort: str(row.Soort) } : {}) }
      : undefined;
  const date = doc?.date ?? day(row?.GestartOp);
  const numbers = (v: unknown) => liveRows(v).flatMap((r) => (str(r.Nummer) ? [str(r.Nummer)!] : []));
  return { zaaknummer, doc: doc ?? stub, ...(date ? { date } : {}), replacedBy: numbers(row?.VervangenDoor), replaces: numbers(row?.VervangenVanuit) };
}

/** The `$filter` that finds the document: by TK number when one is known, else by kamerstuk. */
function documentFilter(meta: DocumentMetadata): string | undefined {
  const ids = idsOf(meta);
  const nummer = meta.documentnummer ?? ids.find((x) => parseCanonicalId(x)?.kind === 'tk-document');
  if (nummer) return `DocumentNummer eq ${odataString(nummer)}`;
  for (const x of ids) {
    const p = parseCanonicalId(x);
    if (p?.kind !== 'kamerstuk' || !/^\d+$/.test(p.dossier ?? '') || !/^\d+$/.test(p.ondernummer ?? '')) continue;
    const toev = p.toevoeging ? `d/Toevoeging eq ${odataString(p.toevoeging)}` : 'd/Toevoeging eq null';
    return `Volgnummer eq ${Number(p.ondernummer)} and Kamerstukdossier/any(d: d/Nummer eq ${Number(p.dossier)} and ${toev})`;
  }
  return undefined;
}

/** Of the rows found, the document itself: a live, real row; the main one (not an attachment) first. */
function pickDocument(rows: Row[], meta: DocumentMetadata): Row | undefined {
  const real = rows.filter((r) => r.Verwijderd !== true && documentFromRow(r));
  const exact = real.filter((r) => meta.documentnummer && str(r.DocumentNummer) === meta.documentnummer);
  const main = real.filter((r) => !/^bijlage/i.test(str(r.Soort) ?? ''));
  return (exact.length ? exact : main.length ? main : real).sort((a, b) => (str(a.Datum) ?? '').localeCompare(str(b.Datum) ?? ''))[0];
}

function entryOf(meta: DocumentMetadata): DossierEntry {
  const aliases = idsOf(meta).filter((x) => x !== meta.id);
  const e: DossierEntry = { id: meta.id, sources: [meta.source] };
  if (aliases.length) e.aliases = aliases;
  if (meta.documentnummer) e.documentnummer = meta.documentnummer;
  if (meta.soort) e.soort = meta.soort;
  const title = meta.title ?? meta.onderwerp;
  if (title) e.title = title;
  if (meta.date) e.date = meta.date;
  if (meta.zaaknummer) e.zaaknummer = meta.zaaknummer;
  return e;
}

/** The API's entries with the local ones merged in (matched by any id): the API's facts first, local ones fill gaps. */
function merge(api: DossierEntry[], local: DossierEntry[]): DossierEntry[] {
  const out = api.map((e) => ({ ...e, sources: [...e.sources] }));
  const ids = (e: DossierEntry) => [e.id, ...(e.aliases ?? []), ...(e.documentnummer ? [e.documentnummer] : [])];
  for (const l of local) {
    const same = out.find((e) => ids(e).some((x) => ids(l).includes(x)));
    if (!same) {
      out.push(l);
      continue;
    }
    for (const s of l.sources) if (!same.sources.includes(s)) same.sources.push(s);
    same.title ??= l.title;
    same.date ??= l.date;
    same.soort ??= l.soort;
  }
  return out;
}
