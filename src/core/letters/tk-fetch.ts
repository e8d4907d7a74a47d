// A letter by its Tweede Kamer document number (2024D25640): the OData Document (`DocumentNummer eq …`, live rows
// only, with its actors, dossier and zaak) gives the front matter; when it is a numbered kamerstuk (a dossier and a
// Volgnummer) KOOP publishes it, and the KOOP XML route is preferred. Otherwise `Document({Id})/resource` gives the
// file the Kamer received: DOCX or PDF only (a web page is refused), with the importer's size limit, timeouts,
// AbortSignal and same-origin redirects (koop-http.ts).
import { DEFAULT_API_BASE_URL, ODataHttp, type ODataHttpOptions } from '../metadata/odata-http';
import type { DocumentMetadata } from '../metadata/model';
import { MetadataError } from '../metadata/source';
import { odataQuery, odataString, str, TweedeKamerSource } from '../metadata/tk-source';
import { LetterError } from './errors';
import { koopGet, type KoopHttpOptions } from './koop-http';
import { looksLikeWebPage } from './koop-metadata';

const LIVE = 'Verwijderd eq false';
const EXPAND = `DocumentActor($filter=${LIVE}),Kamerstukdossier($filter=${LIVE}),Zaak($filter=${LIVE})`;
const TK_DOCUMENT = /^(?:19|20)\d{2}D\d{5}$/i;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PDF_TYPE = 'application/pdf';

export interface TkFetchOptions extends KoopHttpOptions {
  /** The OData base URL; default the Tweede Kamer's. */
  apiUrl?: string;
  /** The OData client to use (its own timeouts, retries and online state); one is made from the options otherwise. */
  http?: ODataHttp;
  /** `false`: fetch the resource even for a kamerstuk KOOP publishes (after KOOP answered that it has none yet). */
  preferKoop?: boolean;
}

/** What the API says of a document: the record for front matter and catalog, and the KOOP id of a kamerstuk. */
export interface TkDocumentInfo {
  number: string;
  metadata: DocumentMetadata;
  /** `kst-…` when the Document is a numbered kamerstuk (dossier and Volgnummer). */
  kamerstukId?: string;
  /** `Document({Id})/resource` */
  resourceUrl?: string;
}

export type TkResourceFormat = 'docx' | 'pdf';

export interface TkResource {
  url: string;
  format: TkResourceFormat;
  contentType: string;
  bytes: Uint8Array;
}

export type TkDocument = ({ route: 'koop' } & TkDocumentInfo & { kamerstukId: string }) | ({ route: 'resource' } & TkDocumentInfo & { resource: TkResource });

/** The Document `number` names, and (unless KOOP has it and `preferKoop` is not false) its file. */
export async function fetchTkDocument(number: string, signal: AbortSignal, options: TkFetchOptions = {}): Promise<TkDocument> {
  const info = await findTkDocument(number, signal, options);
  if (info.kamerstukId && options.preferKoop !== false) return { route: 'koop', ...info, kamerstukId: info.kamerstukId };
  return { route: 'resource', ...info, resource: await fetchTkResource(info, signal, options) };
}

/** The live Document with DocumentNummer `number`; `not-found` when the API has none. */
export async function findTkDocument(number: string, signal: AbortSignal, options: TkFetchOptions = {}): Promise<TkDocumentInfo> {
  const wanted = tkDocumentNumber(number);
  if (options.online === false) throw new LetterError('offline', 'network use is turned off');
  const http = options.http ?? new ODataHttp(odataOptions(options));
  const path = odataQuery('Document', { filter: `DocumentNummer eq ${odataString(wanted)}`, expand: EXPAND });
  let found: Record<string, unknown>[];
  try {
    found = (await http.getAll(path, signal)).items;
  } catch (e) {
    throw asLetterError(e);
  }
  const row = found.find((d) => str(d.DocumentNummer)?.toUpperCase() === wanted && d.Verwijderd !== true);
  if (!row) throw new LetterError('not-found', `the Tweede Kamer API has no document ${wanted}`, 404);
  return tkDocumentInfo(row, http.baseUrl, wanted);
}

/**
 * The record of an OData Document row (as the API answers it, or as saved in `<number>.json`): id `kst-…` for a
 * numbered kamerstuk, else the document number. Without the fetch time and change stamp, so the same row gives the
 * same letter.
 */
export function tkDocumentInfo(row: Record<string, unknown>, apiUrl: string = DEFAULT_API_BASE_URL, number?: string): TkDocumentInfo {
  const documentnummer = str(row.DocumentNummer)?.toUpperCase();
  if (!documentnummer || !TK_DOCUMENT.test(documentnummer)) throw new LetterError('malformed', 'the Document has no DocumentNummer like 2024D25640');
  if (number && documentnummer !== number.toUpperCase()) throw new LetterError('mismatch', `the Document is ${documentnummer}, not ${number}`);
  const base = apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`;
  const meta = new TweedeKamerSource({ baseUrl: base, online: false }).fromDocument(row, undefined, undefined);
  delete meta.origin;
  delete meta.fetchedAt;
  delete meta.apiRevision;
  const kamerstukId = meta.id.startsWith('kst-') ? meta.id : undefined;
  const guid = str(row.Id);
  const resourceUrl = guid && GUID.test(guid) ? `${base}Document(${guid})/resource` : undefined;
  if (meta.links) delete meta.links.resource;
  return { number: documentnummer, metadata: meta, ...(kamerstukId ? { kamerstukId } : {}), ...(resourceUrl ? { resourceUrl } : {}) };
}

/** The Document's file: DOCX or PDF, never a web page; the size limit, timeouts and redirect rules of koopGet. */
export async function fetchTkResource(info: TkDocumentInfo, signal: AbortSignal, options: TkFetchOptions = {}): Promise<TkResource> {
  if (!info.resourceUrl) throw new LetterError('not-found', `the API gives no file for ${info.number} (its Document has no Id)`);
  const answer = await koopGet(info.resourceUrl, signal, { ...options, fetch: withAccept(options.fetch ?? globalThis.fetch) });
  const format = resourceFormat(answer.contentType, answer.bytes, info.number);
  return { url: answer.url, format, contentType: answer.contentType, bytes: answer.bytes };
}

/**
 * What a resource is, by its content type and its first bytes: a DOCX (a zip) or a PDF. A web page is refused
 * (`not-xml`: the importer's code for "a web page where the document was expected"), and so is anything else.
 */
export function resourceFormat(contentType: string, bytes: Uint8Array, number: string): TkResourceFormat {
  const type = contentType.split(';')[0].trim().toLowerCase();
  const start = ascii(bytes, 1024);
  if (type === 'text/html' || type === 'application/xhtml+xml' || looksLikeWebPage(start) || /^\s*<(?:!doctype|html|head|body)/i.test(start)) {
    throw new LetterError('not-xml', `the file of ${number} is a web page, not a DOCX or PDF (an error or login page?); nothing was imported`);
  }
  const zip = start.startsWith('PK\x03\x04');
  const pdf = start.startsWith('%PDF');
  const generic = type === '' || type === 'application/octet-stream';
  if ((type === DOCX_TYPE || generic) && zip) return 'docx';
  if ((type === PDF_TYPE || generic) && pdf) return 'pdf';
  if (type === DOCX_TYPE || type === PDF_TYPE) {
    throw new LetterError('malformed', `the file of ${number} says it is ${type === PDF_TYPE ? 'a PDF' : 'a DOCX'} but its content is not`);
  }
  throw new LetterError('unsupported', `the file of ${number} is ${type || 'of no stated type'}, not a DOCX or PDF`);
}

/** The document number in upper case; `unsupported` for anything else (a zaak number names no single file). */
export function tkDocumentNumber(input: string): string {
  const n = input.trim().toUpperCase();
  if (!TK_DOCUMENT.test(n)) throw new LetterError('unsupported', `'${input}' is not a Tweede Kamer document number (like 2024D25640)`);
  return n;
}

function odataOptions(o: TkFetchOptions): ODataHttpOptions {
  return {
    ...(o.apiUrl ? { baseUrl: o.apiUrl } : {}),
    ...(o.fetch ? { fetch: o.fetch } : {}),
    ...(o.timeoutMs ? { timeoutMs: o.timeoutMs } : {}),
    ...(o.answerTimeoutMs ? { answerTimeoutMs: o.answerTimeoutMs } : {}),
  };
}

/** The OData client's errors as the importer's. */
function asLetterError(e: unknown): unknown {
  if (!(e instanceof MetadataError)) return e;
  const passed = e.code === 'offline' || e.code === 'network' || e.code === 'timeout' || e.code === 'aborted' || e.code === 'malformed';
  const code = passed ? e.code : /redirect was refused/.test(e.message) ? 'redirect' : 'http';
  return new LetterError(code, `the Tweede Kamer API: ${e.message}`, e.status);
}

/** The same fetch, asking for the document's own file types (koopGet asks for XML). */
function withAccept(doFetch: typeof globalThis.fetch): typeof globalThis.fetch {
  return (input, init) => doFetch(input, { ...init, headers: { Accept: `${DOCX_TYPE}, ${PDF_TYPE};q=0.9, */*;q=0.1` } });
}

function ascii(bytes: Uint8Array, n: number): string {
  let s = '';
  for (let i = 0; i < Math.min(bytes.length, n); i++) s += String.fromCharCode(bytes[i]);
  return s;
}
