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
      await editor.edit((b) => editor.selections.forEach((s) => b.replace(s, text)));
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
