// "Set up team repository": makes git merge annotation files by id with the CLI this extension ships (never a
// package fetched by npx), writes `*.annotations.yaml merge=kamerstuk` into .gitattributes, and on request adds a
// pre-commit hook that runs `kamerstuk check`. Nothing is changed when a file would be overridden or is not ours.
import * as vscode from 'vscode';
import { type CliInvocation, GITATTRIBUTES_LINE, gitattributesWithMergeDriver, mergeDriverConfig, preCommitHookWith } from '../../core/team';
import { baseName, unsavedDocument } from '../common/documents';
import type { Notifier } from '../common/notify';
import { platform } from '../common/platform';
import { readTextOrEmpty, replaceAtomically } from '../common/workspace-files';
import { GitUnavailableError, Repository } from './git';
import { installedCli } from './installed-cli';

/** Options a caller (a button, a test) can give instead of being asked. */
export interface SetUpOptions {
  folder?: vscode.Uri;
  /** Add the pre-commit check; undefined: ask. */
  hook?: boolean;
}

interface SetUpResult {
  repository: vscode.Uri;
  gitattributesChanged: boolean;
  hook: 'added' | 'up-to-date' | 'skipped' | 'refused';
}

export async function setUpTeamRepository(context: vscode.ExtensionContext, notifier: Notifier, options: SetUpOptions = {}): Promise<SetUpResult | undefined> {
  try {
    return await setUp(context, notifier, options);
  } catch (e) {
    if (!(e instanceof GitUnavailableError)) throw e;
    notifier.notify('warning', e.message);
    return undefined;
  }
}

async function setUp(context: vscode.ExtensionContext, notifier: Notifier, options: SetUpOptions): Promise<SetUpResult | undefined> {
  if (!vscode.workspace.isTrusted) throw new GitUnavailableError(vscode.l10n.t('Git is not run in Restricted Mode: trust this workspace first.'));
  const folder = options.folder ?? (await pickFolder());
  if (!folder) return undefined;
  const repository = await Repository.at(folder);
  if (!repository) {
    notifier.notify('warning', vscode.l10n.t('{0} is not in a git repository: run "git init" or clone the team repository first.', baseName(folder)));
    return undefined;
  }
  const cli = await installedCli(context);
  if (!cli) {
    notifier.notify('warning', vscode.l10n.t('The merge driver needs VS Code on the desktop or a remote host: here the command line tool cannot run.'));
    return undefined;
  }
  const attributesUri = vscode.Uri.joinPath(repository.root, '.gitattributes');
  if (refuseUnsaved(notifier, attributesUri)) return undefined;
  const attributes = gitattributesWithMergeDriver(await readTextOrEmpty(attributesUri));
  if (attributes.conflicts.length) {
    const lines = attributes.conflicts.map((c) => vscode.l10n.t('line {0}: {1}', c.line, c.text)).join('; ');
    notifier.notify(
      'error',
      vscode.l10n.t(
        'Nothing was changed: .gitattributes gives annotation files another merge setting ({0}). Remove it, or add "{1}" by hand.',
        lines,
        GITATTRIBUTES_LINE,
      ),
    );
    return undefined;
  }
  // The clone's own config first: if git refuses it, .gitattributes stays as it was.
  for (const [key, value] of mergeDriverConfig(cli)) await repository.configSetLocal(key, value);
  if (attributes.changed) await replaceAtomically(attributesUri, attributes.text);

  const hook = (options.hook ?? (await askForHook())) ? await installHook(repository, cli, notifier) : 'skipped';
  notifier.notify(
    'info',
    attributes.changed
      ? vscode.l10n.t('{0} is set up: annotation files merge by id. Commit .gitattributes so colleagues get the same setup offered.', baseName(repository.root))
      : vscode.l10n.t('{0} is set up: annotation files merge by id.', baseName(repository.root)),
  );
  return { repository: repository.root, gitattributesChanged: attributes.changed, hook };
}

async function installHook(repository: Repository, cli: CliInvocation, notifier: Notifier): Promise<SetUpResult['hook']> {
  const hookUri = await repository.gitPath('hooks/pre-commit');
  if (refuseUnsaved(notifier, hookUri)) return 'refused';
  const update = preCommitHookWith((await readTextOrEmpty(hookUri)) || undefined, cli);
  if (update.refused) {
    notifier.notify(
      'warning',
      vscode.l10n.t(
        'The pre-commit hook {0} was left alone: it is not a shell script or has a damaged Kamerstuk block. Add "kamerstuk check" to it by hand.',
        hookUri.fsPath,
      ),
    );
    return 'refused';
  }
  if (!update.changed) return 'up-to-date';
  const hooksPath = await repository.configGet('core.hooksPath');
  if (hooksPath) {
    // A shared hooks folder (husky, a team's tools/hooks): the block names this machine's paths.
    notifier.notify(
      'warning',
      vscode.l10n.t('git uses the hooks folder {0} (core.hooksPath): the check was added there; it names paths of this computer.', hooksPath),
    );
  }
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(hookUri, '..'));
  await vscode.workspace.fs.writeFile(hookUri, new TextEncoder().encode(update.text));
  await platform.makeExecutable(hookUri);
  return 'added';
}

/** True (with a message) when `file` has unsaved changes in an editor: it is not written then. */
function refuseUnsaved(notifier: Notifier, file: vscode.Uri): boolean {
  if (!unsavedDocument(file)) return false;
  notifier.notify('warning', vscode.l10n.t('Save or revert your changes to {0} first.', vscode.workspace.asRelativePath(file, false)));
  return true;
}

async function pickFolder(): Promise<vscode.Uri | undefined> {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  if (folders.length <= 1) return folders[0]?.uri;
  return (await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Which repository should merge annotation files by id?') }))?.uri;
}

async function askForHook(): Promise<boolean> {
  const yes = vscode.l10n.t('Yes, check before each commit');
  const picked = await vscode.window.showQuickPick([yes, vscode.l10n.t('No')], {
    title: vscode.l10n.t('Add a pre-commit hook that runs "kamerstuk check"?'),
    placeHolder: vscode.l10n.t('It refuses commits of annotation files with errors.'),
  });
  return picked === yes;
}
