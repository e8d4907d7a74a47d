// Related documents of a kamerstuk from the Tweede Kamer API: its Zaak and the Zaak's other documents, its
// attachments (BijlageDocument, BronDocument), the version chain of a motion or amendment (Zaak VervangenDoor /
// VervangenVanuit, ordered by date: issue #99 reversed the links in old data), and the documents of a dossier
// merged with what the local sources know. `Verwijderd eq false` on every query and every expanded navigation
// property (the $metadata model declares BronDocument, VervangenDoor and VervangenVanuit as lists too; a single
// entity that comes back deleted anyway is dropped here, as `Verwijderd` is always selected), paging by nextLink
// (getAll), placeholder rows ignored, answers remembered briefly, concurrent lookups shared; `invalidate` starts a
// new generation, whose lookups alone are remembered. Never rejects: failures come back as a status.
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
import { odataQuery, odataString, toevoegingFilter } from './tk-source';

const LIVE = 'Verwijderd eq false';
/** `Verwijderd` is selected everywhere, so that a deleted row is recognised whatever the server filtered. */
const DOC_SELECT = 'Id,DocumentNummer,Volgnummer,Soort,Onderwerp,Titel,Datum,Verwijderd';
const DOSSIER_SELECT = 'Nummer,Toevoeging,Titel,Verwijderd';
const ZAAK_SELECT = 'Id,Nummer,Soort,Onderwerp,Kabinetsappreciatie,GestartOp,Verwijderd';
const ZAAK_LINK_SELECT = 'Id,Nummer,Soort,Onderwerp,GestartOp,Verwijderd';
/** A navigation property expanded with its live rows only, and the options given. */
const live = (nav: string, options: string) => `${nav}($filter=${LIVE};${options})`;
const DOSSIER_EXPAND = live('Kamerstukdossier', `$select=${DOSSIER_SELECT}`);
const DOC_NESTED = `$select=${DOC_SELECT};$expand=${DOSSIER_EXPAND}`;
/** The document itself: its Zaken, attachments, main document and dossier. */
const DOCUMENT_EXPAND = [live('Zaak', `$select=${ZAAK_SELECT}`), live('BijlageDocument', DOC_NESTED), live('BronDocument', DOC_NESTED), DOSSIER_EXPAND].join(
  ',',
);
/** A Zaak: its documents and replacement links. */
const ZAAK_EXPAND = [
  live('Document', DOC_NESTED),
  live('VervangenDoor', `$select=${ZAAK_LINK_SELECT}`),
  live('VervangenVanuit', `$select=${ZAAK_LINK_SELECT}`),
].join(',');

/** Zaken of one document asked for their documents. */
const MAX_ZAKEN = 3;
/** Versions followed along a chain, by default. */
export const MAX_VERSIONS = 8;

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
  /** Versions followed along a chain before it is marked cut (`versionsCut`). Default MAX_VERSIONS. */
  maxVersions?: number;
  /** Lookups running at once; more wait their turn (and count as looking). Default 4. */
  maxConcurrent?: number;
  now?: () => number;
}

interface Remembered<T> {
  value: T;
  expiresAt: number;
}

interface Flight {
  promise: Promise<RelatedInfo | DossierListing>;
  controller: AbortController;
}

export class RelatedDocuments {
  private readonly memory = new Map<string, Remembered<RelatedInfo | DossierListing>>();
  private readonly flights = new Map<string, Flight>();
  private readonly controllers = new Set<AbortController>();
  /** Raised by `invalidate`: a lookup started in an older generation is not remembered. */
  private generation = 0;
  private running = 0;
  /** Lookups waiting for one of the `maxConcurrent` places, first come first served. */
  private readonly waiting: (() => void)[] = [];
  private readonly o: Required<Omit<RelatedDocumentsOptions, 'http' | 'local'>> & Pick<RelatedDocumentsOptions, 'http' | 'local'>;

  constructor(options: RelatedDocumentsOptions = {}) {
    this.o = {
      http: options.http,
      local: options.local,
      ttlMs: options.ttlMs ?? 10 * 60_000,
      failureTtlMs: options.failureTtlMs ?? 30_000,
      lookupTimeoutMs: options.lookupTimeoutMs ?? 30_000,
      memoryLimit: options.memoryLimit ?? 500,
      maxVersions: options.maxVersions ?? MAX_VERSIONS,
      maxConcurrent: Math.max(1, options.maxConcurrent ?? 4),
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

  /** The remembered listing of a dossier (the toevoeging in any case). */
  peekDossier(nummer: string, toevoeging?: string): DossierListing | undefined {
    return this.recall(dossierKey(nummer, toevoeging)) as DossierListing | undefined;
  }

  isLookingUpDossier(nummer: string, toevoeging?: string): boolean {
    return this.flights.has(dossierKey(nummer, toevoeging));
  }

  /** Every document of a dossier, newest first: the API's list merged with what the local sources know. */
  dossier(nummer: string, toevoeging: string | undefined, signal?: AbortSignal): Promise<DossierListing> {
    const key = dossierKey(nummer, toevoeging);
    const toev = toevoeging?.toUpperCase();
    const fallback = () => ({ ...emptyDossier(nummer, toev, this.stamp()), status: 'aborted' as const });
    return this.shared(key, (s) => this.lookupDossier(nummer, toev, s), signal, fallback) as Promise<DossierListing>;
  }

  /** What the local sources alone know of a dossier (at once, no network). Never rejects. */
  async localDossier(nummer: string, toevoeging: string | undefined, signal?: AbortSignal): Promise<DossierListing> {
    toevoeging = toevoeging?.toUpperCase();
    const listing = emptyDossier(nummer, toevoeging, this.stamp());
    const local = await this.localRecords(nummer, toevoeging, signal);
    listing.documents = newestFirst(local.entries);
    if (local.titel) listing.titel = local.titel;
    listing.status = this.o.http && this.o.http.status !== 'disabled' && this.o.http.status !== 'offline' ? 'ok' : 'offline';
    return listing;
  }

  /**
   * Forgets every remembered answer (after going back online, a catalog change, the Refresh command) and every
   * lookup in progress: the next call starts a new one, and what an older one finds is given to its callers but
   * not remembered. With `abort`, the older lookups are also stopped (their callers get `aborted`).
   */
  invalidate(options: { abort?: boolean } = {}): void {
    this.generation++;
    this.memory.clear();
    if (options.abort) for (const f of this.flights.values()) f.controller.abort();
    this.flights.clear();
  }

  /** Stops every lookup in progress. */
  dispose(): void {
    this.generation++;
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
      const controller = new AbortController();
      const generation = this.generation;
      this.controllers.add(controller);
      let tooLong = false;
      let cap: ReturnType<typeof setTimeout> | undefined;
      let release = () => {};
      const capped = async () => {
        const place = await this.place(controller.signal);
        release = place.release;
        // Dropped by `invalidate` while it waited its turn: a newer lookup answers instead.
        if (place.waited && generation !== this.generation) throw new MetadataError('aborted', 'the lookup was replaced by a newer one');
        // The time limit counts from the start of the lookup, not from the start of its wait.
        cap = setTimeout(() => ((tooLong = true), controller.abort()), this.o.lookupTimeoutMs);
        return run(controller.signal);
      };
      const started: Flight = {
        controller,
        promise: capped()
          .catch((e): RelatedInfo | DossierListing => ({ ...aborted(), ...this.failure(e) }))
          // A lookup stopped for taking too long is a failure to remember (briefly), not a caller's cancellation.
          .then((v) => (tooLong && v.status === 'aborted' ? { ...v, status: 'error' as const, message: `no answer within ${this.o.lookupTimeoutMs} ms` } : v))
          .then((value) => {
            clearTimeout(cap);
            release();
            this.controllers.delete(controller);
            if (this.flights.get(key) === started) this.flights.delete(key);
            if (generation === this.generation) this.remember(key, value);
            return value;
          }),
      };
      this.flights.set(key, started);
      flight = started;
    }
    const promise = flight.promise;
    if (!signal) return promise;
    if (signal.aborted) return Promise.resolve(aborted());
    return new Promise((resolve) => {
      const onAbort = () => resolve(aborted());
      signal.addEventListener('abort', onAbort, { once: true });
      promise.then((v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      });
    });
  }

  /** Waits for a place among the lookups that run at once; resolves with its release and whether it had to wait. */
  private async place(signal: AbortSignal): Promise<{ release: () => void; waited: boolean }> {
    const waited = this.running >= this.o.maxConcurrent;
    if (!waited) this.running++;
    else {
      // Taken over from a lookup that ends: `running` stays as it is.
      await new Promise<void>((resolve, reject) => {
        const go = () => {
          signal.removeEventListener('abort', stop);
          resolve();
        };
        const stop = () => {
          const i = this.waiting.indexOf(go);
          if (i >= 0) this.waiting.splice(i, 1);
          reject(new MetadataError('aborted', 'the lookup was cancelled while it waited its turn'));
        };
        if (signal.aborted) return stop();
        signal.addEventListener('abort', stop, { once: true });
        this.waiting.push(go);
      });
    }
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    };
    return { release, waited };
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
    if (!filter) {
      const zaak = zaakOf(meta);
      return zaak ? this.lookupZaak(info, zaak, signal) : { ...info, status: 'unsupported' };
    }
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

  /** A Zaak asked for itself (a `2024Z10806` citation): its facts, all its documents and its version chain. */
  private async lookupZaak(info: RelatedInfo, nummer: string, signal: AbortSignal): Promise<RelatedInfo> {
    const row = await this.zaak(nummer, signal);
    const zaak = row && zaakFromRow(row);
    if (!row || !zaak) return { ...info, status: 'not-found' };
    info.zaken = [zaak];
    info.documents = newestFirst(uniqueById(docs(row.Document, nummer)));
    try {
      if (/^(motie|amendement|subamendement)/i.test(zaak.soort ?? '') && hasLinks(row)) await this.addVersions(info, nummer, new Map([[nummer, row]]), signal);
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
    while (queue.length && nodes.size < this.o.maxVersions) {
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
    const cut = queue.some((n) => !nodes.has(n));
    const { steps, reversed } = orderVersions([...nodes.values()], start, cut);
    info.versions = steps;
    if (reversed) info.reversedLinks = true;
    if (cut) info.versionsCut = true;
  }

  private async lookupDossier(nummer: string, toevoeging: string | undefined, signal: AbortSignal): Promise<DossierListing> {
    const listing = emptyDossier(nummer, toevoeging, this.stamp());
    const localPromise = this.localRecords(nummer, toevoeging, signal);
    const api: DossierEntry[] = [];
    try {
      if (!/^\d+$/.test(nummer)) throw new MetadataError('malformed', `dossier ${nummer} cannot be asked of the API`);
      const filter = `Kamerstukdossier/any(d: d/Nummer eq ${Number(nummer)} and ${toevoegingFilter(toevoeging, 'd/')})`;
      // Each document's own dossiers come along: a joint document's id names its first dossier (DESIGN), which
      // need not be the one listed.
      const path = odataQuery('Document', { filter, select: DOC_SELECT, expand: DOSSIER_EXPAND, orderby: 'Datum desc' });
      const dossierFilter = `Nummer eq ${Number(nummer)} and ${toevoegingFilter(toevoeging)}`;
      const titlePath = odataQuery('Kamerstukdossier', { filter: dossierFilter, select: DOSSIER_SELECT });
      const [found, dossierRows] = await Promise.all([this.list(path, signal), this.list(titlePath, signal).catch(() => ({ items: [] as Row[] }))]);
      const titel = str(dossierRows.items.find((r) => r.Verwijderd !== true)?.Titel);
      if (titel) listing.titel = titel;
      if (found.truncated) listing.truncated = true;
      const asked = [{ Nummer: nummer, Toevoeging: toevoeging ?? null }];
      for (const row of found.items) {
        if (row.Verwijderd === true) continue;
        const doc = documentFromRow(liveRows(row.Kamerstukdossier).length ? row : { ...row, Kamerstukdossier: asked });
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
    const mine = records.filter((r) => r.dossier?.nummer === nummer && (r.dossier.toevoeging ?? '').toUpperCase() === (toevoeging ?? '').toUpperCase());
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
    return `Volgnummer eq ${Number(p.ondernummer)} and Kamerstukdossier/any(d: d/Nummer eq ${Number(p.dossier)} and ${toevoegingFilter(p.toevoeging, 'd/')})`;
  }
  return undefined;
}

/** The Zaak number of a record that stands for a Zaak itself, else undefined. */
function zaakOf(meta: DocumentMetadata): string | undefined {
  return [meta.id, ...idsOf(meta)].map((x) => parseCanonicalId(x)).find((p) => p?.kind === 'tk-zaak')?.id;
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
