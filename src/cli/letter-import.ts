// The file side of `kamerstuk import`: which document an input names, where its publication comes from (KOOP, or
// saved files in --offline-from), what the workspace already knows of it (TK numbers), and the letters a
// workspace holds. The conversion itself is core (src/core/letters).
import { promises as fs } from 'node:fs';
import { join, relative } from 'node:path';
import {
  DOCX_SOURCE,
  DOCX_TYPE,
  fetchPublication,
  fetchTkResource,
  findTkDocument,
  importableId,
  LetterError,
  letterFrontMatter,
  letterIdOf,
  resourceFormat,
  tkDocumentInfo,
  tkDocumentNumber,
  type FetchedPublication,
  type TkDocumentInfo,
  type TkResource,
} from '../core/letters';
import { bundledSource, CatalogSource, idsInInput, type DocumentMetadata } from '../core/metadata';
import { CliError } from './io';
import { proxiedFetch } from './proxy-fetch';

const TK_NUMBER = /^(?:19|20)\d{2}[DZ]\d{5}$/i;

/** The records the workspace has: its team catalog, then the bundled catalog, by id and alias. */
export function knownRecords(catalogText: string | undefined): Map<string, DocumentMetadata> {
  const byId = new Map<string, DocumentMetadata>();
  for (const r of [...new CatalogSource(catalogText ?? '').records(), ...bundledSource().records()]) {
    for (const id of [r.id, ...(r.aliases ?? [])]) if (!byId.has(id)) byId.set(id, r);
  }
  return byId;
}

/**
 * What an input names: a KOOP publication (an id, a citation, or a TK document or zaak number the team or bundled
 * catalog knows as an alias of a kamerstuk), or a Tweede Kamer document number to look up in the API.
 */
export function importTargetOf(input: string, records: Map<string, DocumentMetadata>): { koop: string; number?: string } | { tk: string } {
  const trimmed = input.trim();
  if (TK_NUMBER.test(trimmed)) {
    const record = records.get(trimmed.toUpperCase());
    // The number stays known: when KOOP has not published the kamerstuk yet, the API's DOCX is the way.
    if (record && /^(?:kst|ah|h)-/.test(record.id)) return { koop: record.id, ...(/D/i.test(trimmed) ? { number: trimmed.toUpperCase() } : {}) };
    return { tk: tkDocumentNumber(trimmed) };
  }
  return { koop: publicationIdOf(trimmed, records) };
}

/**
 * The id of the publication an input names: an id (`kst-29754-716`), a citation (`Kamerstuk 29 754, nr. 716`),
 * or a TK document or zaak number that the team or bundled catalog knows as an alias of a kamerstuk.
 */
export function publicationIdOf(input: string, records: Map<string, DocumentMetadata>): string {
  const trimmed = input.trim();
  if (TK_NUMBER.test(trimmed)) {
    const record = records.get(trimmed.toUpperCase());
    if (record && /^(?:kst|ah|h)-/.test(record.id)) return record.id;
    throw new LetterError('unsupported', `${trimmed} is a Tweede Kamer number the catalog does not know as a kamerstuk; give its kamerstuk id`);
  }
  const ids = idsInInput(trimmed);
  if (ids.length > 1) throw new LetterError('unsupported', `'${trimmed}' names ${ids.length} documents; give one at a time`);
  return importableId(ids[0] ?? trimmed);
}

/** The saved files of a publication in `dir`: `<id>.xml` (required) and `<id>.metadata.xml` (optional). */
export async function readSavedPublication(id: string, dir: string): Promise<FetchedPublication> {
  const xmlPath = join(dir, `${id}.xml`);
  const metadataPath = join(dir, `${id}.metadata.xml`);
  const xml = await fs.readFile(xmlPath).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') throw new LetterError('not-found', `${xmlPath} does not exist`);
    throw new CliError(`cannot read ${xmlPath}: ${e.code ?? e.message}`, 1);
  });
  const metadataXml = await fs.readFile(metadataPath).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return undefined;
    throw new CliError(`cannot read ${metadataPath}: ${e.code ?? e.message}`, 1);
  });
  return {
    id,
    xmlUrl: xmlPath,
    xml: new Uint8Array(xml),
    metadataUrl: metadataPath,
    ...(metadataXml ? { metadataXml: new Uint8Array(metadataXml) } : {}),
    warnings: [],
  };
}

export interface PublicationSource {
  offlineFrom?: string;
  koopUrl?: string;
  /** The Tweede Kamer OData base URL (for TK document numbers). */
  apiUrl?: string;
  timeoutMs: number;
}

/**
 * What the Tweede Kamer API says of document `number`: online its OData Document, with --offline-from the
 * Document saved as `<number>.json` in that folder (the row itself, or an answer `{"value": [row]}`).
 */
export async function getTkDocument(number: string, source: PublicationSource): Promise<TkDocumentInfo> {
  if (!source.offlineFrom) {
    return findTkDocument(number, new AbortController().signal, { apiUrl: source.apiUrl, fetch: proxiedFetch(), timeoutMs: source.timeoutMs });
  }
  const path = join(source.offlineFrom, `${number}.json`);
  const text = await fs.readFile(path, 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') throw new LetterError('not-found', `${path} does not exist (the saved OData Document of ${number})`);
    throw new CliError(`cannot read ${path}: ${e.code ?? e.message}`, 1);
  });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new LetterError('malformed', `${path} is not JSON: ${(e as Error).message}`);
  }
  const list = isObject(data) && Array.isArray(data.value) ? data.value : [data];
  const row = list.find((r): r is Record<string, unknown> => isObject(r) && r.Verwijderd !== true && String(r.DocumentNummer ?? '').toUpperCase() === number);
  if (!row) throw new LetterError('not-found', `${path} holds no live Document ${number}`);
  return tkDocumentInfo(row, source.apiUrl, number);
}

/** The file of a TK document: online `Document({Id})/resource`, with --offline-from `<number>.docx` in that folder. */
export async function getTkResource(info: TkDocumentInfo, source: PublicationSource): Promise<TkResource> {
  if (!source.offlineFrom) return fetchTkResource(info, new AbortController().signal, { fetch: proxiedFetch(), timeoutMs: source.timeoutMs });
  const path = join(source.offlineFrom, `${info.number}.docx`);
  const bytes = await fs.readFile(path).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') throw new LetterError('not-found', `${path} does not exist`);
    throw new CliError(`cannot read ${path}: ${e.code ?? e.message}`, 1);
  });
  const data = new Uint8Array(bytes);
  return { url: path, format: resourceFormat(DOCX_TYPE, data, info.number), contentType: DOCX_TYPE, bytes: data };
}

/** Whether a letter's front matter says it was converted from the Tweede Kamer's DOCX (a KOOP import replaces it). */
export function isDocxLetter(text: string | undefined): boolean {
  return text !== undefined && letterFrontMatter(text.slice(0, 4096))?.source === DOCX_SOURCE;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The publication of `id`: from the saved files when `offlineFrom` is set, else from KOOP. */
export async function getPublication(id: string, source: PublicationSource): Promise<FetchedPublication> {
  if (source.offlineFrom) return readSavedPublication(id, source.offlineFrom);
  // Each request has its own timeouts (core/letters/koop-http.ts); the command is not cancelled otherwise.
  return fetchPublication(id, new AbortController().signal, { baseUrl: source.koopUrl, fetch: proxiedFetch(), timeoutMs: source.timeoutMs });
}

/** TK numbers the workspace knows for `id`: the letter's own front matter first, then the catalog records. */
export function knownNumbers(letterText: string | undefined, record: DocumentMetadata | undefined): { documentnummer?: string; zaaknummer?: string } {
  const data = letterText === undefined ? undefined : letterFrontMatter(letterText);
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  return {
    documentnummer: str(data?.documentnummer) ?? record?.documentnummer,
    zaaknummer: str(data?.zaak) ?? str(data?.zaaknummer) ?? record?.zaaknummer,
  };
}

/** Text as it is compared: without a byte order mark, with LF line endings (a CRLF checkout is the same letter). */
export function comparable(text: string): string {
  return text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
}

export interface WorkspaceLetter {
  path: string;
  id: string;
  text: string;
  /** The `source:` of its front matter (a KOOP address for an imported letter). */
  source?: string;
}

const SKIP = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test']);

/** Every markdown letter under `dir` (by front matter or file name), with the id it declares. */
export async function findLetters(dir: string): Promise<WorkspaceLetter[]> {
  const out: WorkspaceLetter[] = [];
  const walk = async (d: string): Promise<void> => {
    const entries = await fs.readdir(d, { withFileTypes: true });
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(d, e.name);
      if (e.isDirectory()) {
        if (!SKIP.has(e.name) && !e.name.startsWith('.')) await walk(path);
      } else if (e.isFile() && /\.md$/i.test(e.name)) {
        const text = await fs.readFile(path, 'utf8');
        const id = letterIdOf(e.name, text.slice(0, 4096));
        if (!id) continue;
        const source = letterFrontMatter(text.slice(0, 4096))?.source;
        out.push({ path, id, text, ...(typeof source === 'string' ? { source } : {}) });
      }
    }
  };
  await walk(dir);
  return out;
}

export function relativeTo(cwd: string, path: string): string {
  const r = relative(cwd, path);
  return r && !r.startsWith('..') ? r : path;
}

export { isSafeBaseUrl } from '../core/metadata';

/** A file's text, or undefined when its bytes are not UTF-8 (such a file is never rewritten). */
export async function readUtf8(path: string): Promise<string | undefined> {
  const bytes = await fs.readFile(path);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
