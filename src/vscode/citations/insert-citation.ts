// "Insert citation…": search documents by title in a quick pick (local sources at once, the Tweede Kamer API as you
// pause typing), or type a citation or number, which is looked up by its id and can be inserted even when unknown;
// the chosen one is inserted in the configured style. Offline, the placeholder says that only local documents show.
import * as vscode from 'vscode';
import { citationFor } from '../../core/citations';
import { idsInInput, parseCanonicalId, type DocumentMetadata } from '../../core/metadata';
import { COMMANDS, registerCommand } from '../common/commands';
import { Delayer } from '../common/delay';
import type { Notifier } from '../common/notify';
import { settings } from '../common/settings';
import type { MetadataService } from '../metadata/metadata-service';

/** How long typing pauses before the Tweede Kamer API is asked as well. */
const REMOTE_SEARCH_DELAY_MS = 600;

interface DocumentPick extends vscode.QuickPickItem {
  meta: DocumentMetadata;
}

export function registerInsertCitation(metadata: MetadataService, notifier: Notifier): vscode.Disposable {
  return registerCommand(COMMANDS.insertCitation, async () => {
    if (!vscode.window.activeTextEditor) {
      notifier.notify('info', vscode.l10n.t('Open a note to insert a citation.'));
      return;
    }
    const meta = await pickDocument(metadata);
    if (!meta) return;
    // The editor may have been closed or switched while the quick pick was open: insert where the user is now.
    const target = vscode.window.activeTextEditor;
    if (!target || target.document.isClosed) {
      notifier.notify('warning', vscode.l10n.t('The citation was not inserted: no editor is open.'));
      return;
    }
    const text = citationFor(meta, settings.citationStyle(target.document.uri));
    const done = await target.edit((b) => target.selections.forEach((s) => b.replace(s, text)));
    if (!done) notifier.notify('warning', vscode.l10n.t('The citation could not be inserted into {0}.', vscode.workspace.asRelativePath(target.document.uri)));
  });
}

function pickDocument(metadata: MetadataService): Promise<DocumentMetadata | undefined> {
  const qp = vscode.window.createQuickPick<DocumentPick>();
  const offline = metadata.status !== 'online';
  qp.placeholder = offline
    ? vscode.l10n.t('Offline: only local documents. Type a citation or a number (29754 690) to insert it anyway')
    : vscode.l10n.t('Search documents by title, or type a citation or a number (29754 690)');
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  let ctl: AbortController | undefined;
  const remote = new Delayer(REMOTE_SEARCH_DELAY_MS);

  const search = async (query: string, remote: boolean) => {
    ctl?.abort();
    const mine = (ctl = new AbortController());
    qp.busy = true;
    try {
      const known = await documentsFor(metadata, query, remote, mine.signal);
      if (mine.signal.aborted) return;
      // An item for a typed citation must not be filtered out by the quick pick's own matching of what was typed.
      const typed = idsInInput(query).length > 0;
      qp.items = known.map((m) => ({ ...pickFor(m), alwaysShow: typed }));
    } catch {
      // Aborted by the next keystroke, or a source failed: the items shown stay.
    } finally {
      if (!mine.signal.aborted) qp.busy = false;
    }
  };

  return new Promise((resolve) => {
    qp.onDidChangeValue((value) => {
      void search(value, false);
      remote.cancel();
      if (value.trim().length >= 3 && metadata.status === 'online') remote.schedule(() => void search(value, true));
    });
    qp.onDidAccept(() => {
      resolve(qp.selectedItems[0]?.meta);
      qp.hide();
    });
    qp.onDidHide(() => {
      ctl?.abort();
      remote.dispose();
      resolve(undefined);
      qp.dispose();
    });
    qp.show();
    void search('', false);
  });
}

/**
 * The documents to offer for what was typed. A typed citation or number is an item of its own, found by its id
 * (not by a text search of titles), and can be inserted even when no source knows it.
 */
export async function documentsFor(metadata: MetadataService, query: string, remote: boolean, signal: AbortSignal): Promise<DocumentMetadata[]> {
  const typed = idsInInput(query);
  if (!typed.length) return metadata.resolver.search(query, { signal, limit: 100, remote });
  return Promise.all(typed.map(async (id) => (await metadata.resolver.resolve(id, { signal, timeoutMs: remote ? 5000 : 300 })).meta ?? typedDocument(id)));
}

/** A document nobody looked up yet: only what its id says. */
function typedDocument(id: string): DocumentMetadata {
  return { id, kind: parseCanonicalId(id)?.kind ?? 'kamerstuk', source: 'typed' };
}

function pickFor(m: DocumentMetadata): DocumentPick {
  const unknown = m.source === 'typed';
  return {
    label: unknown ? m.id : (m.title ?? m.onderwerp ?? m.id),
    description: unknown ? vscode.l10n.t('not looked up: inserted as typed') : m.id,
    detail: [m.soort, m.date, m.dossier?.titel].filter(Boolean).join(' · '),
    meta: m,
  };
}
