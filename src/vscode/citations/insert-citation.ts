// "Insert citation…": search documents by title or number in a quick pick (local sources at once, the Tweede
// Kamer API as you pause typing) and insert the chosen one in the configured style.
import * as vscode from 'vscode';
import type { DocumentMetadata } from '../core/metadata';
import { citationFor } from './citation-format';
import type { MetadataService } from './metadata-service';
import { settings } from './settings';

interface DocumentPick extends vscode.QuickPickItem {
  meta: DocumentMetadata;
}

export function registerInsertCitation(context: vscode.ExtensionContext, metadata: MetadataService): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('kamerstuk.insertCitation', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a note to insert a citation.'));
        return;
      }
      const meta = await pickDocument(metadata);
      if (!meta) return;
      const text = citationFor(meta, settings.citationStyle());
      // The editor may have been closed or switched while the quick pick was open: insert where the user is now.
      const target = vscode.window.activeTextEditor;
      if (!target || target.document.isClosed) {
        void vscode.window.showWarningMessage(vscode.l10n.t('The citation was not inserted: no editor is open.'));
        return;
      }
      const done = await target.edit((b) => target.selections.forEach((s) => b.replace(s, text)));
      if (!done) void vscode.window.showWarningMessage(vscode.l10n.t('The citation could not be inserted into {0}.', vscode.workspace.asRelativePath(target.document.uri)));
    }),
  );
}

export function pickDocument(metadata: MetadataService): Promise<DocumentMetadata | undefined> {
  const qp = vscode.window.createQuickPick<DocumentPick>();
  qp.placeholder = vscode.l10n.t('Search documents by title, kamerstuk or document number');
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  let ctl: AbortController | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

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
      clearTimeout(timer);
      if (value.trim().length >= 3 && metadata.status === 'online') timer = setTimeout(() => void search(value, true), 600);
    });
    qp.onDidAccept(() => {
      resolve(qp.selectedItems[0]?.meta);
      qp.hide();
    });
    qp.onDidHide(() => {
      ctl?.abort();
      clearTimeout(timer);
      resolve(undefined);
      qp.dispose();
    });
    qp.show();
    void search('', false);
  });
}
