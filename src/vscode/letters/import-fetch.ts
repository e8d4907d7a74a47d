// Fetching a publication for "Import Letter…": KOOP's site (the machine-scoped `kamerstuk.koopBaseUrl`, https
// only, plain http only for this machine), through the extension host's fetch (which honours VS Code's proxy
// settings), with the request timeout, the size limit and the online switch of the metadata service.
import * as vscode from 'vscode';
import { DEFAULT_MAX_BYTES, fetchPublication, type FetchedPublication } from '../../core/letters';
import type { Notifier } from '../common/notify';
import { settings } from '../common/settings';

export const DEFAULT_KOOP_BASE_URL = 'https://zoek.officielebekendmakingen.nl/';

/** The publication site, or the default (with a warning) when the setting is not an https address. */
export function koopBaseUrl(notifier: Notifier): string {
  const value = vscode.workspace.getConfiguration('kamerstuk').get<string>('koopBaseUrl', DEFAULT_KOOP_BASE_URL);
  try {
    const u = new URL(value);
    if (u.protocol === 'https:' || (u.protocol === 'http:' && isLoopback(u.hostname))) return u.href;
  } catch {
    // falls through to the warning
  }
  notifier.notify('warning', vscode.l10n.t('The setting kamerstuk.koopBaseUrl ({0}) is not an https address; using the default.', value));
  return DEFAULT_KOOP_BASE_URL;
}

/** `{id}.xml` and `{id}/metadata.xml`; a LetterError says what went wrong (offline, not found, a web page, too large). */
export function fetchLetterPublication(id: string, signal: AbortSignal, notifier: Notifier): Promise<FetchedPublication> {
  const timeout = settings.requestTimeout();
  return fetchPublication(id, signal, {
    baseUrl: koopBaseUrl(notifier),
    fetch: globalThis.fetch,
    online: settings.online(),
    // The answer must start within the request timeout; a large publication may take longer to read.
    answerTimeoutMs: timeout,
    timeoutMs: Math.max(30_000, timeout),
    maxBytes: DEFAULT_MAX_BYTES,
  });
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}
