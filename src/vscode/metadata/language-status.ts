// Status bar: online/offline state of the metadata sources and the number of documents the current note cites.
import * as vscode from 'vscode';
import type { CitationDocuments } from './citation-documents';
import type { MetadataService } from './metadata-service';

export function registerStatusBar(context: vscode.ExtensionContext, citations: CitationDocuments, metadata: MetadataService): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('kamerstuk.status', vscode.StatusBarAlignment.Right, 100);
  item.name = vscode.l10n.t('Kamerstuk Annotator');
  item.command = 'kamerstuk.toggleOnline';
  let timer: ReturnType<typeof setTimeout> | undefined;

  const update = () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'markdown') {
      item.hide();
      return;
    }
    const ids = new Set(citations.get(editor.document).refs.map((r) => r.id).filter(Boolean));
    const status = metadata.status;
    const icon = status === 'online' ? '$(cloud)' : status === 'offline' ? '$(cloud-offline)' : '$(circle-slash)';
    item.text = `${icon} ${vscode.l10n.t('{0} cited', ids.size)}`;
    const state =
      status === 'online'
        ? vscode.l10n.t('Online: metadata from the team catalog, the cache and the Tweede Kamer API.')
        : status === 'offline'
          ? vscode.l10n.t('Offline: the Tweede Kamer API cannot be reached. Click to try again.')
          : metadata.offlineByDesign
            ? vscode.l10n.t('Offline in the browser: the Tweede Kamer API does not accept requests from web pages. Metadata from the team catalog and the cache.')
            : vscode.l10n.t('Offline by setting: no network use. Click to go online.');
    item.tooltip = `${vscode.l10n.t('{0} documents cited in this note.', ids.size)}\n${state}`;
    item.backgroundColor = status === 'offline' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.show();
  };
  const updateSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(update, 300);
  };
  context.subscriptions.push(
    item,
    { dispose: () => clearTimeout(timer) },
    vscode.window.onDidChangeActiveTextEditor(update),
    citations.onDidChange((uri) => uri.toString() === vscode.window.activeTextEditor?.document.uri.toString() && updateSoon()),
    metadata.onDidChangeStatus(update),
    metadata.onDidChange(update),
  );
  update();
  return item;
}
