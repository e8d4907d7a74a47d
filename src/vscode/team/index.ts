// The team area: "Set up team repository" (merge driver, .gitattributes, pre-commit check), offered once in a
// clone that needs it.
import * as vscode from 'vscode';
import type { Services } from '../../services';
import { COMMANDS, registerCommand } from '../common/commands';
import { combine } from '../common/disposable';
import { setUpTeamRepository, type SetUpOptions } from './set-up-repository';
import { TeamSetupOffer } from './setup-offer';

/** How long after activation the repositories are checked (activation itself stays quick). */
const OFFER_DELAY_MS = 3000;

export function register({ context, notifier }: Services): vscode.Disposable {
  const offer = new TeamSetupOffer(context, notifier);
  const timer = setTimeout(() => void offer.check(), OFFER_DELAY_MS);
  return combine(
    registerCommand(COMMANDS.setUpTeamRepository, (arg?: unknown) => setUpTeamRepository(context, notifier, optionsFrom(arg))),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void offer.check()),
    { dispose: () => clearTimeout(timer) },
  );
}

function optionsFrom(arg: unknown): SetUpOptions {
  if (!arg || typeof arg !== 'object') return {};
  const { folder, hook } = arg as { folder?: unknown; hook?: unknown };
  return {
    ...(folder instanceof vscode.Uri ? { folder } : typeof folder === 'string' ? { folder: vscode.Uri.parse(folder) } : {}),
    ...(typeof hook === 'boolean' ? { hook } : {}),
  };
}
