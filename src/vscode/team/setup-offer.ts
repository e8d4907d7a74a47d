// Notices a repository whose .gitattributes names the kamerstuk merge driver but whose git config lacks it (a
// fresh clone), runs an unsafe command (the old `npx kamerstuk` recipe) or a stale one (VS Code moved), and
// offers the setup — once per repository and configured driver, so a driver that goes stale later is offered
// again. Also refreshes the stable copy of the CLI after an extension update.
import * as vscode from 'vscode';
import { MERGE_DRIVER_KEY, teamSetupState } from '../../core/team';
import { COMMANDS } from '../common/commands';
import { baseName } from '../common/documents';
import { log } from '../common/log';
import type { Notifier } from '../common/notify';
import { readTextOrEmpty } from '../common/workspace-files';
import { Repository } from './git';
import { expectedCli, refreshCopy } from './installed-cli';

const OFFERED_KEY = 'kamerstuk.teamSetupOffered';

export class TeamSetupOffer {
  private running: Promise<void> | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly notifier: Notifier,
  ) {}

  /** Checks the workspace's repositories; a check already under way is not started twice. */
  check(): Promise<void> {
    this.running ??= this.checkAll().finally(() => (this.running = undefined));
    return this.running;
  }

  private async checkAll(): Promise<void> {
    const expected = expectedCli(this.context);
    if (!expected || !vscode.workspace.isTrusted) return;
    await refreshCopy(this.context, false).catch((e) => log().warn(`refreshing the kamerstuk CLI copy: ${e instanceof Error ? e.message : String(e)}`));
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      try {
        await this.checkFolder(folder.uri, expected);
      } catch (e) {
        log().debug(`team setup check of ${folder.uri.toString()}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }

  private async checkFolder(folder: vscode.Uri, expected: NonNullable<ReturnType<typeof expectedCli>>): Promise<void> {
    const repository = await Repository.at(folder);
    if (!repository) return;
    const attributes = await readTextOrEmpty(vscode.Uri.joinPath(repository.root, '.gitattributes'));
    if (!attributes) return;
    const driver = await repository.configGet(MERGE_DRIVER_KEY);
    const state = teamSetupState(attributes, driver, expected);
    if (!state.offer) return;
    const key = `${repository.root.toString()}\n${driver ?? ''}`;
    const offered = this.context.workspaceState.get<string[]>(OFFERED_KEY, []);
    if (offered.includes(key)) return;
    await this.context.workspaceState.update(OFFERED_KEY, [...offered, key]);
    const name = baseName(repository.root);
    const why =
      state.reason === 'driver-unsafe'
        ? vscode.l10n.t('{0} merges annotation files with a command that downloads a package from the internet on every merge.', name)
        : state.reason === 'driver-stale'
          ? vscode.l10n.t('The merge driver of {0} runs a copy of VS Code or of the Kamerstuk CLI that is no longer there.', name)
          : vscode.l10n.t('{0} asks git to merge annotation files by id, but this clone is not set up for it yet.', name);
    this.notifier.notify('warning', why, {
      [vscode.l10n.t('Set up team repository')]: () => vscode.commands.executeCommand(COMMANDS.setUpTeamRepository, { folder: repository.root }),
    });
  }
}
