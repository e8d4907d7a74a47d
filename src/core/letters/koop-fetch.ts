// A publication from KOOP by its id: `{id}.xml`, then `{id}/metadata.xml`. The XML is required and must be XML
// (an unknown id can answer HTTP 200 with a web page); a missing or unreadable metadata.xml is a warning, since
// the publication alone still makes a letter.
import { parseCanonicalId } from '../metadata/ids';
import { LetterError } from './errors';
import { koopGet, type KoopHttpOptions } from './koop-http';
import { KOOP_SITE } from './koop-links';
import { looksLikeWebPage } from './koop-metadata';

export interface KoopFetchOptions extends KoopHttpOptions {
  /** Default `https://zoek.officielebekendmakingen.nl/`. */
  baseUrl?: string;
}

export interface FetchedPublication {
  id: string;
  xmlUrl: string;
  xml: Uint8Array;
  metadataUrl: string;
  /** Absent when metadata.xml could not be had (the warning says why). */
  metadataXml?: Uint8Array;
  warnings: string[];
}

/** Kinds of id KOOP publishes as XML that the importer reads: kamerstukken, Aanhangsels, Handelingen items. */
const IMPORTABLE = new Set(['kamerstuk', 'motie', 'amendement', 'aanhangsel', 'handelingen']);

/** The canonical id of a publication the importer can fetch, or an `unsupported` error that says what works. */
export function importableId(raw: string): string {
  const parsed = parseCanonicalId(raw);
  if (!parsed || !IMPORTABLE.has(parsed.kind) || !/^(?:kst|ah|h)-/.test(parsed.id)) {
    throw new LetterError('unsupported', `'${raw}' is not the id of a kamerstuk, Aanhangsel or Handelingen item (kst-…, ah-…, h-…)`);
  }
  return parsed.id;
}

export function publicationUrls(id: string, baseUrl = KOOP_SITE): { xml: string; metadata: string } {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  // Roman Eerste Kamer dossiers are lower case in KOOP's addresses (`kst-cxxiv-g`).
  const path = encodeURIComponent(/^kst-C[CLXVI]+-/.test(id) ? id.toLowerCase() : id);
  return { xml: `${base}${path}.xml`, metadata: `${base}${path}/metadata.xml` };
}

export async function fetchPublication(rawId: string, signal: AbortSignal, options: KoopFetchOptions = {}): Promise<FetchedPublication> {
  const id = importableId(rawId);
  const urls = publicationUrls(id, options.baseUrl);
  const xml = await koopGet(urls.xml, signal, options);
  if (/text\/html/i.test(xml.contentType) || looksLikeWebPage(head(xml.bytes))) {
    throw new LetterError('not-xml', `${urls.xml} answered with a web page, not the publication's XML (an unknown id answers this way)`);
  }
  const warnings: string[] = [];
  let metadataXml: Uint8Array | undefined;
  try {
    const meta = await koopGet(urls.metadata, signal, options);
    if (/text\/html/i.test(meta.contentType) || looksLikeWebPage(head(meta.bytes)))
      warnings.push(`${urls.metadata} answered with a web page; the metadata was not read`);
    else metadataXml = meta.bytes;
  } catch (e) {
    if (!(e instanceof LetterError) || !['not-found', 'http', 'too-large'].includes(e.code)) throw e;
    warnings.push(`metadata.xml could not be read: ${e.message}`);
  }
  return { id, xmlUrl: xml.url, xml: xml.bytes, metadataUrl: urls.metadata, ...(metadataXml ? { metadataXml } : {}), warnings };
}

/** The start of a body as text, enough to tell a web page (the declaration is ASCII in every encoding used). */
function head(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < Math.min(bytes.length, 1024); i++) s += String.fromCharCode(bytes[i]);
  return s;
}
