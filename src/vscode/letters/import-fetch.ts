// Fetching and converting a publication for "Import Letter…": KOOP's XML from the publication site (the
// machine-scoped `kamerstuk.koopBaseUrl`, https only, plain http only for this machine), or for a Tweede Kamer
// document number the API's record and, when KOOP has not published the kamerstuk (yet), the DOCX the Kamer
// received. Through the extension host's fetch (which honours VS Code's proxy settings), with the request
// timeout, the size limit and the online switch the metadata service uses.
import * as vscode from 'vscode';
import {
  type Conversion,
  convertPublication,
  DEFAULT_MAX_BYTES,
  fetchPublication,
  fetchTkResource,
  findTkDocument,
  LetterError,
  type TkFetchOptions,
} from '../../core/letters';
import { DEFAULT_API_BASE_URL, type DocumentMetadata, isSafeBaseUrl } from '../../core/metadata';
import { log } from '../common/log';
import type { Notifier } from '../common/notify';
import { settings } from '../common/settings';
import type { MetadataService } from '../metadata/metadata-service';
import { PdfOnlyError } from './import-messages';
import type { ImportTarget } from './import-target';
import { docxConverter } from './platform';
import { knownNumbers } from './letter-catalog';

export const DEFAULT_KOOP_BASE_URL = 'https://zoek.officielebekendmakingen.nl/';

export interface FetchDeps {
  notifier: Notifier;
  metadata: MetadataService;
  /** The text of the workspace's letter with this id, if it has one (its TK numbers are kept). */
  currentText(id: string): Promise<string | undefined>;
}

export interface FetchedLetter {
  conversion: Conversion;
  /** KOOP's publication, or the Tweede Kamer's DOCX of a document KOOP has not published. */
  via: 'koop' | 'docx';
}

/** The letter a target names, converted; a LetterError says what went wrong (offline, not found, a web page, too large). */
export async function fetchLetter(target: ImportTarget, signal: AbortSignal, deps: FetchDeps): Promise<FetchedLetter> {
  if ('tk' in target) return fromTkNumber(target.tk, signal, deps);
  try {
    return await fromKoop(target.koop, signal, deps);
  } catch (e) {
    // A TK number the catalog knows as this kamerstuk: KOOP may not have published it yet; the Kamer's DOCX then.
    if (!target.number || !unpublished(e)) throw e;
    log().info(`import ${target.number}: KOOP has no publication of ${target.koop} yet (${(e as Error).message}); asking the Tweede Kamer API`);
    return fromTkNumber(target.number, signal, deps, false);
  }
}

async function fromKoop(
  id: string,
  signal: AbortSignal,
  deps: FetchDeps,
  known?: Pick<DocumentMetadata, 'documentnummer' | 'zaaknummer'>,
): Promise<FetchedLetter> {
  const publication = await fetchPublication(id, signal, koopOptions(deps.notifier));
  if (signal.aborted) throw new LetterError('aborted', 'the import was cancelled');
  const workspace = await knownNumbers(deps.metadata, id, await deps.currentText(id));
  const documentnummer = known?.documentnummer ?? workspace.documentnummer;
  const zaaknummer = known?.zaaknummer ?? workspace.zaaknummer;
  const conversion = convertPublication(publication.xml, {
    id,
    metadataXml: publication.metadataXml,
    known: { ...(documentnummer ? { documentnummer } : {}), ...(zaaknummer ? { zaaknummer } : {}) },
  });
  for (const w of [...publication.warnings, ...conversion.warnings]) log().warn(`import ${id}: ${w}`);
  return { conversion, via: 'koop' };
}

/** A numbered kamerstuk from KOOP when it has it; else, and for any other document, the Kamer's DOCX (never a PDF). */
async function fromTkNumber(number: string, signal: AbortSignal, deps: FetchDeps, tryKoop = true): Promise<FetchedLetter> {
  const options = tkOptions(deps);
  const info = await findTkDocument(number, signal, options);
  if (info.kamerstukId && tryKoop) {
    try {
      return await fromKoop(info.kamerstukId, signal, deps, info.metadata);
    } catch (e) {
      if (!unpublished(e)) throw e;
      log().info(`import ${number}: KOOP has no publication of ${info.kamerstukId} yet (${(e as Error).message}); converting the Tweede Kamer's DOCX`);
    }
  }
  const resource = await fetchTkResource(info, signal, options);
  if (resource.format === 'pdf') throw new PdfOnlyError(number);
  const conversion = await docxConverter(resource.bytes, info.metadata);
  for (const w of conversion.warnings) log().warn(`import ${number}: ${w}`);
  return { conversion, via: 'docx' };
}

function unpublished(e: unknown): boolean {
  return e instanceof LetterError && (e.code === 'not-found' || e.code === 'not-xml');
}

function httpOptions(): Pick<TkFetchOptions, 'fetch' | 'online' | 'answerTimeoutMs' | 'timeoutMs' | 'maxBytes'> {
  const timeout = settings.requestTimeout();
  return {
    fetch: globalThis.fetch,
    online: settings.online(),
    // The answer must start within the request timeout; a large publication may take longer to read.
    answerTimeoutMs: timeout,
    timeoutMs: Math.max(30_000, timeout),
    maxBytes: DEFAULT_MAX_BYTES,
  };
}

function koopOptions(notifier: Notifier) {
  return { ...httpOptions(), baseUrl: checkedUrl('koopBaseUrl', DEFAULT_KOOP_BASE_URL, notifier) };
}

function tkOptions(deps: FetchDeps): TkFetchOptions {
  // The browser's web worker cannot reach the API (it sends no CORS headers): offline there, as for hovers.
  const online = settings.online() && !deps.metadata.offlineByDesign;
  return { ...httpOptions(), online, apiUrl: checkedUrl('apiBaseUrl', DEFAULT_API_BASE_URL, deps.notifier) };
}

/** A machine-scoped address setting, or its default (with a warning) when it is not https (http only for this machine). */
function checkedUrl(key: 'koopBaseUrl' | 'apiBaseUrl', fallback: string, notifier: Notifier): string {
  const value = vscode.workspace.getConfiguration('kamerstuk').get<string>(key, fallback);
  try {
    const u = new URL(value);
    if (isSafeBaseUrl(u)) return u.href;
  } catch {
    // falls through to the warning
  }
  notifier.notify('warning', vscode.l10n.t('The setting kamerstuk.{0} ({1}) is not an https address; using the default.', key, value));
  return fallback;
}
