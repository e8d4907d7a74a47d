// Notices a repository whose .gitattributes names the kamerstuk merge driver but whose git config lacks it (a
// fresh clone) or runs a stale or unsafe command (the old `npx kamerstuk` recipe), and offers the setup once.
import * as vscode from 'vscode';
import { teamSetupState } from '../../core/team';
import { COMMANDS } from '../common/commands';
import { baseName } from '../common/documents';
import { log } from '../common/log';
import type { Notifier } from '../common/notify';
import { readTextOrEmpty } from '../common/workspace-files';
import { Repository } from './git';
import { expectedCli } from './installed-cli';

const OFFERED_KEY = 'kamerstuk.teamSetupOffered';

export async function offerTeamSetup(context: vscode.ExtensionContext, notifier: Notifier): Promise<void> {
  const expected = expectedCli(context);
  if (!expected || !vscode.workspace.isTrusted) return;
  const offered = new Set(context.workspaceState.get<string[]>(OFFERED_KEY, []));
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    if (folder.uri.scheme !== 'file' || offered.has(folder.uri.toString())) continue;
    try {
      const attributes = await readTextOrEmpty(vscode.Uri.joinPath(folder.uri, '.gitattributes'));
      if (!attributes) continue;
      const repository = await Repository.at(folder.uri);
      if (!repository) continue;
      const state = teamSetupState(attributes, await repository.configGet('merge.kamerstuk.driver'), expected);
      if (!state.offer) continue;
      offered.add(folder.uri.toString());
      await context.workspaceState.update(OFFERED_KEY, [...offered]);
      const why =
        state.reason === 'driver-unsafe'
          ? vscode.l10n.t('{0} merges annotation files with a command that downloads a package from the internet on every merge.', baseName(folder.uri))
          : vscode.l10n.t('{0} asks git to merge annotation files by id, but this clone is not set up for it yet.', baseName(folder.uri));
      notifier.notify('warning', why, {
        [vscode.l10n.t('Set up team repository')]: () => vscode.commands.executeCommand(COMMANDS.setUpTeamRepository, { folder: folder.uri }),
      });
    } catch (e) {
      log().debug(`team setup check of ${folder.uri.toString()}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
