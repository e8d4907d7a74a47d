// "Save to team catalog": looks up the document of the citation at the cursor (or the given id) and writes its
// metadata into `.kamerstuk/catalog.yaml`, so the team's hovers work offline and in the browser.
import * as vscode from 'vscode';
import type { Notifier } from '../common/notify';
import { withAbortSignal } from '../common/cancellation';
import { COMMANDS, registerCommand } from '../common/commands';
import { log } from '../common/log';
import type { MetadataService } from './metadata-service';

export function registerCatalogCommands(metadata: MetadataService, notifier: Notifier, citedId: (arg: unknown) => string | undefined): vscode.Disposable {
  return registerCommand(COMMANDS.saveToCatalog, async (arg?: unknown) => {
    const id = citedId(arg);
    if (!id) {
      notifier.notify('info', vscode.l10n.t('Place the cursor on a citation to save its metadata.'));
      return;
    }
    const resolution = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Looking up {0}…', id), cancellable: true },
      (_progress, token) => withAbortSignal(token, (signal) => metadata.resolver.resolve(id, { signal, timeoutMs: 20_000 })),
    );
    if (!resolution.meta) {
      if (!resolution.aborted) notifier.notify('warning', vscode.l10n.t('No metadata found for {0}; nothing was saved.', id));
      return;
    }
    try {
      await metadata.saveToCatalog(resolution.meta);
      notifier.notify('info', vscode.l10n.t('Saved {0} to the team catalog.', id));
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      log().error(`save to catalog: ${message}`);
      notifier.notify('error', vscode.l10n.t('The team catalog was not changed: {0}', message));
    }
  });
}
