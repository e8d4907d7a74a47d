// "Insert citation…": search documents by title or number in a quick pick (local sources at once, the Tweede
// Kamer API as you pause typing) and insert the chosen one in the configured style.
import * as vscode from 'vscode';
import { citationFor } from '../../core/citations';
import type { DocumentMetadata } from '../../core/metadata';
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
  qp.placeholder = vscode.l10n.t('Search documents by title, kamerstuk or document number');
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  let ctl: AbortController | undefined;
  const remote = new Delayer(REMOTE_SEARCH_DELAY_MS);

  const search = async (query: string, remote: boolean) => {
    ctl?.abort();
    const mine = (ctl = new AbortController());
    qp.busy = true;
    const found = await metadata.resolver.search(query, { signal: mine.signal, limit: 100, remote });
    if (mine.signal.aborted) return;
    qp.items = found.map((m) => ({
      label: m.title ?? m.onderwerp ?? m.id,
      description: m.id,
      detail: [m.soort, m.date, m.dossier?.titel].filter(Boolean).join(' · '),
      meta: m,
    }));
    qp.busy = false;
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
