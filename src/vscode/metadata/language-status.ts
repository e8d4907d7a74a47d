// The language status item of markdown files (beside VS Code's own markdown items, pinnable): the online state of
// the metadata sources and the number of documents the current note cites, with Go online/offline as its command.
import * as vscode from 'vscode';
import type { WorkspaceCitationIndex } from '../workspace/citation-index';
import { COMMANDS, registerCommand } from '../common/commands';
import { Delayer } from '../common/delay';
import { Disposable } from '../common/disposable';
import { MARKDOWN } from '../common/documents';
import type { MetadataService } from './metadata-service';

export class MetadataLanguageStatus extends Disposable {
  private readonly item = this.register(vscode.languages.createLanguageStatusItem('kamerstuk.status', MARKDOWN));
  private readonly delayer = this.register(new Delayer(300));

  constructor(
    private readonly citations: WorkspaceCitationIndex,
    private readonly metadata: MetadataService,
  ) {
    super();
    this.item.name = vscode.l10n.t('Kamerstuk Annotator');
    const update = () => this.update();
    this.register(vscode.window.onDidChangeActiveTextEditor(update));
    this.register(citations.onDidChange((uri) => uri.toString() === vscode.window.activeTextEditor?.document.uri.toString() && this.delayer.schedule(update)));
    this.register(metadata.onDidChangeStatus(update));
    this.register(metadata.onDidChange(update));
    this.register(registerCommand(COMMANDS.toggleOnline, () => metadata.toggleOnline()));
    update();
  }

  private update(): void {
    const editor = vscode.window.activeTextEditor;
    const ids =
      editor?.document.languageId === 'markdown'
        ? new Set(this.citations.get(editor.document).refs.flatMap((r) => (r.id ? [this.metadata.canonicalId(r.id)] : [])))
        : new Set();
    const status = this.metadata.status;
    const icon = status === 'online' ? '$(cloud)' : status === 'offline' ? '$(cloud-offline)' : status === 'checking' ? '$(sync~spin)' : '$(circle-slash)';
    this.item.text = `${icon} ${vscode.l10n.t('{0} cited', ids.size)}`;
    this.item.detail =
      status === 'online'
        ? vscode.l10n.t('Online: metadata from the team catalog, the cache and the Tweede Kamer API.')
        : status === 'offline'
          ? vscode.l10n.t('Offline: the Tweede Kamer API cannot be reached. Click to try again.')
          : status === 'checking'
            ? vscode.l10n.t('Checking whether the Tweede Kamer API answers…')
            : this.metadata.offlineByDesign
              ? vscode.l10n.t(
                  'Offline in the browser: the Tweede Kamer API does not accept requests from web pages. Metadata from the team catalog and the cache.',
                )
              : vscode.l10n.t('Offline by setting: no network use. Click to go online.');
    this.item.severity = status === 'offline' ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    this.item.command = {
      command: COMMANDS.toggleOnline,
      title:
        status === 'online'
          ? vscode.l10n.t('Go offline')
          : status === 'offline' || status === 'checking'
            ? vscode.l10n.t('Try again')
            : this.metadata.offlineByDesign
              ? vscode.l10n.t('Why offline?')
              : vscode.l10n.t('Go online'),
      tooltip: vscode.l10n.t('{0} documents cited in this note.', ids.size),
    };
  }
}
