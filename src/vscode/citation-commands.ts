// Commands on citations: open the cited document, save its metadata to the team catalog, go online/offline.
import * as vscode from 'vscode';
import type { CitationDocuments } from './citation-documents';
import { citedTarget, idAtCursor, openTarget } from './cited-document';
import { log } from './log';
import type { MetadataService } from './metadata-service';
import type { WorkspaceLetters } from './workspace-letters';

export function registerCitationCommands(
  context: vscode.ExtensionContext,
  citations: CitationDocuments,
  letters: WorkspaceLetters,
  metadata: MetadataService,
): void {
  const idFrom = (arg: unknown) => (typeof arg === 'string' && arg ? arg : idAtCursor(citations));
  context.subscriptions.push(
    vscode.commands.registerCommand('kamerstuk.openCitedDocument', async (arg?: unknown) => {
      const id = idFrom(arg);
      if (!id) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Place the cursor on a citation to open the document it cites.'));
        return;
      }
      const target = await citedTarget(letters, id);
      if (!target) {
        void vscode.window.showWarningMessage(vscode.l10n.t('{0} has no official publication address.', id));
        return;
      }
      await openTarget(target);
    }),
    vscode.commands.registerCommand('kamerstuk.saveToCatalog', async (arg?: unknown) => {
      const id = idFrom(arg);
      if (!id) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Place the cursor on a citation to save its metadata.'));
        return;
      }
      const resolution = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Looking up {0}…', id), cancellable: true },
        async (_p, token) => {
          const ctl = new AbortController();
          const sub = token.onCancellationRequested(() => ctl.abort());
          try {
            return await metadata.resolver.resolve(id, { signal: ctl.signal, timeoutMs: 20_000 });
          } finally {
            sub.dispose();
          }
        },
      );
      if (!resolution.meta) {
        if (!resolution.aborted) void vscode.window.showWarningMessage(vscode.l10n.t('No metadata found for {0}; nothing was saved.', id));
        return;
      }
      try {
        await metadata.saveToCatalog(resolution.meta);
        void vscode.window.showInformationMessage(vscode.l10n.t('Saved {0} to the team catalog.', id));
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        log().error(`save to catalog: ${message}`);
        void vscode.window.showErrorMessage(vscode.l10n.t('The team catalog was not changed: {0}', message));
      }
    }),
    vscode.commands.registerCommand('kamerstuk.toggleOnline', () => metadata.toggleOnline()),
  );
}
