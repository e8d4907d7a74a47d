// The Tweede Kamer OData v4 API as a metadata source: Document by DocumentNummer or by kamerstuk, its
// DocumentActors, Kamerstukdossier and Zaak; for motions Zaak -> Besluit -> Stemming. `Verwijderd eq false`
// on every query and every expanded collection. An entity without the fields that make it a document (the API's
// empty placeholder entities) is no answer.
import { isVotedKind } from '../citations/types';
import type { DocumentMetadata, Signatory } from './model';
import { kamerstukId, officialPublicationUrl, parseCanonicalId, tweedeKamerUrl } from './ids';
import { isRecord, ODataHttp, type ODataHttpOptions } from './odata-http';
import { decisiveBesluit, isHoofdelijk, outcomeOf, tally } from './stemming';
import type { MetadataSource, SearchOptions } from './source';
import { fetchToezegging, toezeggingMetadata } from './toezegging';

type Row = Record<string, unknown>;

const LIVE = 'Verwijderd eq false';
const DOCUMENT_EXPAND = `DocumentActor($filter=${LIVE}),Kamerstukdossier($filter=${LIVE}),Zaak($filter=${LIVE})`;
/** The revalidation query: only what the change stamp is made of (and what picks the main document). */
const STAMP = 'Id,ApiGewijzigdOp';
const REVISION_SELECT = `${STAMP},DocumentNummer,Onderwerp,Soort,Datum`;
const REVISION_EXPAND = ['DocumentActor', 'Kamerstukdossier', 'Zaak'].map((n) => `${n}($filter=${LIVE};$select=${STAMP})`).join(',');
const ZAAK_EXPAND = `ZaakActor($filter=${LIVE}),Besluit($filter=${LIVE};$expand=Agendapunt($expand=Activiteit($select=Datum)))`;

/** An OData string literal: quotes doubled. */
export function odataString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** `Entity?$filter=…&$expand=…`, each value URI-encoded, `Verwijderd eq false` always first in the filter. */
export function odataQuery(entity: string, q: { filter?: string; expand?: string; select?: string; orderby?: string; top?: number }): string {
  const parts = [`$filter=${encodeURIComponent(q.filter ? `${LIVE} and ${q.filter}` : LIVE)}`];
  if (q.select) parts.push(`$select=${encodeURIComponent(q.select)}`);
  if (q.expand) parts.push(`$expand=${encodeURIComponent(q.expand)}`);
  if (q.orderby) parts.push(`$orderby=${encodeURIComponent(q.orderby)}`);
  if (q.top !== undefined) parts.push(`$top=${q.top}`);
  return `${entity}?${parts.join('&')}`;
}

/**
 * The toevoeging condition of a Kamerstukdossier (`d/` inside an `any()`): the API may store "no toevoeging" as null
 * or as '' (that `eq null` alone finds them is UNVERIFIED), so both are asked for. Upper case, as ids write it.
 */
export function toevoegingFilter(toevoeging: string | undefined, prefix = ''): string {
  const f = `${prefix}Toevoeging`;
  return toevoeging ? `${f} eq ${odataString(toevoeging.toUpperCase())}` : `(${f} eq null or ${f} eq '')`;
}

export const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
/** The live rows of a collection-valued property. */
export const rows = (v: unknown): Row[] => (Array.isArray(v) ? v.filter(isRecord).filter((r) => r.Verwijderd !== true) : []);

export class TweedeKamerSource implements MetadataSource {
  readonly name = 'tweedekamer';
  readonly remote = true;
  readonly http: ODataHttp;
  private readonly now: () => number;

  constructor(options: ODataHttpOptions & { http?: ODataHttp } = {}) {
    this.http = options.http ?? new ODataHttp(options);
    this.now = options.now ?? Date.now;
  }

  async get(id: string, signal: AbortSignal): Promise<DocumentMetadata | undefined> {
    const p = parseCanonicalId(id);
    if (!p) return undefined;
    let doc: Row | undefined;
    if (p.kind === 'kamerstuk' && p.ondernummer && /^\d+$/.test(p.ondernummer) && /^\d+$/.test(p.dossier ?? '')) {
      const filter = `Volgnummer eq ${Number(p.ondernummer)} and Kamerstukdossier/any(d: d/Nummer eq ${Number(p.dossier)} and ${toevoegingFilter(p.toevoeging, 'd/')})`;
      doc = pickMain(await this.list(odataQuery('Document', { filter, expand: DOCUMENT_EXPAND }), signal));
    } else if (p.kind === 'tk-document') {
      doc = pickMain(await this.list(odataQuery('Document', { filter: `DocumentNummer eq ${odataString(p.id)}`, expand: DOCUMENT_EXPAND }), signal));
    } else if (p.kind === 'tk-zaak') {
      const filter = `Zaak/any(z: z/Nummer eq ${odataString(p.id)})`;
      doc = pickMain(await this.list(odataQuery('Document', { filter, expand: DOCUMENT_EXPAND }), signal));
    } else if (p.kind === 'toezegging') {
      const info = await fetchToezegging(this.http, p.id, signal);
      return info ? this.stamp(toezeggingMetadata(info, this.name)) : undefined;
    } else if (p.kind === 'dossier' && /^\d+$/.test(p.dossier ?? '')) {
      const filter = `Nummer eq ${Number(p.dossier)} and ${toevoegingFilter(p.toevoeging)}`;
      const d = (await this.list(odataQuery('Kamerstukdossier', { filter }), signal)).find(isDossierRow);
      if (!d) return undefined;
      const titel = str(d.Titel);
      return this.stamp({
        id: p.id,
        kind: 'dossier',
        title: titel,
        dossier: { nummer: p.dossier!, ...(p.toevoeging ? { toevoeging: p.toevoeging } : {}), ...(titel ? { titel } : {}) },
        links: { html: officialPublicationUrl(p.id) },
        source: this.name,
      });
    } else return undefined;
    if (!doc) return undefined;
    const meta = this.fromDocument(doc, p.id, p.kind);
    if (isVotedKind(meta.kind) && meta.zaaknummer) await this.addMotion(meta, signal);
    return meta;
  }

  async search(query: string, signal: AbortSignal, options: SearchOptions = {}): Promise<DocumentMetadata[]> {
    const words = query
      .trim()
      .split(/\s+/)
      .filter((w) => w.length > 1)
      .slice(0, 5);
    if (words.length === 0) return [];
    const filter = words.map((w) => `contains(Onderwerp,${odataString(w)})`).join(' and ');
    const path = odataQuery('Document', { filter, expand: `Kamerstukdossier($filter=${LIVE})`, orderby: 'Datum desc', top: Math.min(options.limit ?? 20, 50) });
    const found = await this.list(path, signal);
    return found.filter(isDocumentRow).map((d) => this.fromDocument(d, undefined, undefined));
  }

  /**
   * Stale-while-revalidate: asks for the change stamps of the Document behind an expired record and its actors,
   * dossier and zaak (a few bytes instead of the whole record). A motion or amendment is always fetched again:
   * its outcome and votes live in Besluit and Stemming, which the stamp does not cover.
   */
  async revalidate(stale: DocumentMetadata, signal: AbortSignal): Promise<'unchanged' | undefined> {
    if (!stale.apiRevision || !stale.documentnummer || isVotedKind(stale.kind)) return undefined;
    const filter = `DocumentNummer eq ${odataString(stale.documentnummer)}`;
    const doc = pickMain(await this.list(odataQuery('Document', { filter, select: REVISION_SELECT, expand: REVISION_EXPAND }), signal));
    return doc && apiRevision(doc) === stale.apiRevision ? 'unchanged' : undefined;
  }

  private async list(path: string, signal: AbortSignal): Promise<Row[]> {
    return (await this.http.getAll(path, signal)).items;
  }

  private stamp(meta: DocumentMetadata): DocumentMetadata {
    meta.origin = this.name;
    meta.fetchedAt = new Date(this.now()).toISOString();
    return meta;
  }

  /** Maps a Document (with expanded DocumentActor, Kamerstukdossier, Zaak) to metadata answering for `askedId`. */
  fromDocument(doc: Row, askedId: string | undefined, askedKind: DocumentMetadata['kind'] | undefined): DocumentMetadata {
    const dossierRow = rows(doc.Kamerstukdossier)[0];
    const nummer = dossierRow && dossierRow.Nummer !== undefined && dossierRow.Nummer !== null ? String(dossierRow.Nummer) : undefined;
    const toevoeging = str(dossierRow?.Toevoeging)?.toUpperCase();
    const volgnummer = typeof doc.Volgnummer === 'number' && doc.Volgnummer > 0 ? String(doc.Volgnummer) : undefined;
    const kstId = nummer && volgnummer ? kamerstukId(nummer, toevoeging, volgnummer) : undefined;
    const documentnummer = str(doc.DocumentNummer);
    const zaaknummer = str(rows(doc.Zaak)[0]?.Nummer);
    const soort = str(doc.Soort);
    const id = askedId ?? kstId ?? documentnummer ?? String(doc.Id);
    const meta: DocumentMetadata = {
      id,
      // `Motie (gewijzigd/nader)`, `Amendement (gewijzigd/nader/vervangend)`, and any amendment soort (`Subamendement`).
      kind: /^motie/i.test(soort ?? '') ? 'motie' : /amendement/i.test(soort ?? '') ? 'amendement' : (askedKind ?? (kstId ? 'kamerstuk' : 'tk-document')),
      source: this.name,
    };
    const aliases = [kstId, documentnummer].filter((x): x is string => !!x && x !== id);
    if (aliases.length) meta.aliases = aliases;
    if (soort) meta.soort = soort;
    const title = str(doc.Onderwerp) ?? str(doc.Titel);
    if (title) meta.title = title;
    if (str(doc.Onderwerp)) meta.onderwerp = str(doc.Onderwerp);
    const datum = str(doc.Datum);
    if (datum && /^\d{4}-\d{2}-\d{2}/.test(datum)) meta.date = datum.slice(0, 10);
    if (str(doc.Vergaderjaar)) meta.vergaderjaar = str(doc.Vergaderjaar);
    if (nummer) meta.dossier = { nummer, ...(toevoeging ? { toevoeging } : {}), ...(str(dossierRow?.Titel) ? { titel: str(dossierRow?.Titel) } : {}) };
    if (volgnummer) meta.ondernummer = volgnummer;
    if (documentnummer) meta.documentnummer = documentnummer;
    if (zaaknummer) meta.zaaknummer = zaaknummer;
    const signatories = rows(doc.DocumentActor)
      .map(actor)
      .filter((s): s is Signatory => !!s);
    if (signatories.length) meta.signatories = signatories.sort((a, b) => relatieRank(a.relatie) - relatieRank(b.relatie));
    meta.links = {};
    const html = kstId ? officialPublicationUrl(kstId) : undefined;
    if (html) meta.links.html = html;
    if (documentnummer) meta.links.tweedekamer = tweedeKamerUrl(documentnummer, zaaknummer, soort);
    const guid = str(doc.Id);
    if (guid && /^[0-9a-f-]{36}$/i.test(guid)) meta.links.resource = `${this.http.baseUrl}Document(${guid})/resource`;
    const revision = apiRevision(doc);
    if (revision) meta.apiRevision = revision;
    return this.stamp(meta);
  }

  private async addMotion(meta: DocumentMetadata, signal: AbortSignal): Promise<void> {
    const zaak = (await this.list(odataQuery('Zaak', { filter: `Nummer eq ${odataString(meta.zaaknummer!)}`, expand: ZAAK_EXPAND }), signal))[0];
    meta.motion = { submitters: meta.signatories };
    if (!zaak) return;
    const indieners = rows(zaak.ZaakActor)
      .filter((a) => /indiener/i.test(str(a.Relatie) ?? ''))
      .map(actor)
      .filter((s): s is Signatory => !!s);
    if (indieners.length) meta.motion.submitters = indieners.sort((a, b) => relatieRank(a.relatie) - relatieRank(b.relatie));
    const besluit = decisiveBesluit(rows(zaak.Besluit));
    if (!besluit) return;
    const outcome = outcomeOf(besluit);
    if (outcome) meta.motion.outcome = outcome;
    const besluitId = str(besluit.Id);
    if (!besluitId || !/^[0-9a-f-]{36}$/i.test(besluitId)) return;
    const stemmingen = await this.list(odataQuery('Stemming', { filter: `Besluit_Id eq ${besluitId}` }), signal);
    if (stemmingen.length === 0) return;
    meta.motion.stemming = tally(stemmingen, isHoofdelijk(besluit, stemmingen));
  }
}

/**
 * The change stamp of a Document row and its expanded actors, dossier and zaak: the latest `ApiGewijzigdOp` among
 * them and the number of live rows of each (a deleted actor leaves the filtered answer without a newer stamp).
 * Undefined when the API gave no stamp.
 */
export function apiRevision(doc: Row): string | undefined {
  const related = [rows(doc.DocumentActor), rows(doc.Kamerstukdossier), rows(doc.Zaak)];
  const stamps = [doc, ...related.flat()].map((r) => str(r.ApiGewijzigdOp)).filter((x): x is string => !!x && Number.isFinite(Date.parse(x)));
  if (stamps.length === 0) return undefined;
  const latest = stamps.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));
  return `${latest}/${related.map((r) => r.length).join('.')}`;
}

function actor(a: Row): Signatory | undefined {
  const naam = str(a.ActorNaam);
  if (!naam) return undefined;
  const s: Signatory = { naam };
  const functie = str(a.Functie);
  const relatie = str(a.Relatie);
  const fractie = str(a.ActorFractie) ?? str(a.ActorAfkorting);
  if (functie) s.functie = functie;
  if (relatie) s.relatie = relatie;
  if (fractie) s.fractie = fractie;
  return s;
}

function relatieRank(r: string | undefined): number {
  const v = (r ?? '').toLowerCase();
  return v.startsWith('eerste') || v === 'indiener' ? 0 : v.startsWith('mede') ? 1 : 2;
}

/** A Document row that describes a document: with its number or a subject. Placeholder entities hold an Id only. */
function isDocumentRow(d: Row): boolean {
  return !!(str(d.DocumentNummer) ?? str(d.Onderwerp) ?? str(d.Titel));
}

/** A Kamerstukdossier row that describes a dossier: with its number. */
function isDossierRow(d: Row): boolean {
  return (typeof d.Nummer === 'number' && Number.isFinite(d.Nummer)) || !!str(d.Nummer);
}

/** Of several matching documents, the main one: not an attachment, earliest first. Rows that are no document are left out. */
function pickMain(candidates: Row[]): Row | undefined {
  const found = candidates.filter(isDocumentRow);
  const main = found.filter((d) => !/^bijlage/i.test(str(d.Soort) ?? ''));
  return (main.length ? main : found).sort((a, b) => (str(a.Datum) ?? '').localeCompare(str(b.Datum) ?? ''))[0];
}
