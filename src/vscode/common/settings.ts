// Typed access to the extension's settings (package.json `contributes.configuration`).
import * as vscode from 'vscode';
import type { CitationStyle } from '../../core/citations';
import { DEFAULT_API_BASE_URL } from '../../core/metadata';

export interface TagSetting {
  label: string;
  labelEn?: string;
  color?: string;
  description?: string;
}

function config(scope?: vscode.ConfigurationScope): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('kamerstuk', scope);
}

export const settings = {
  online: () => config().get<boolean>('online', true),
  /** Machine-scoped: only the user's own settings can change it. */
  apiBaseUrl: () => config().get<string>('apiBaseUrl', DEFAULT_API_BASE_URL),
  requestTimeout: () => Math.max(500, config().get<number>('requestTimeout', 8000)),
  citationStyle: (scope?: vscode.ConfigurationScope) => config(scope).get<CitationStyle>('citationStyle', 'leidraad'),
  /** Application-scoped: a value committed in a workspace can never sign colleagues' tags. */
  author: () => config().get<string>('author', '').trim(),
  /** The status of new tags: the team's choice (a workspace setting), `proposed` by default. */
  newTagStatus: (scope?: vscode.ConfigurationScope) => config(scope).get<string>('newTagStatus', 'proposed'),
  diagnosticsEnabled: (scope?: vscode.ConfigurationScope) => config(scope).get<boolean>('diagnostics.enabled', true),
  tags: (scope?: vscode.ConfigurationScope) => config(scope).get<Record<string, TagSetting>>('tags', {}),
};

/**
 * Changes a `kamerstuk.*` setting where its effective value comes from (workspace folder, workspace, else user), so a
 * workspace that sets it is really switched.
 */
export async function updateSetting(key: 'online' | 'commitments.groupBy', value: boolean | string): Promise<void> {
  const c = config();
  const where = c.inspect(key);
  const target =
    where?.workspaceFolderValue !== undefined
      ? vscode.ConfigurationTarget.WorkspaceFolder
      : where?.workspaceValue !== undefined
        ? vscode.ConfigurationTarget.Workspace
        : vscode.ConfigurationTarget.Global;
  await c.update(key, value, target);
}

/** Fires when one of the given `kamerstuk.*` settings changes. */
export function onSettingChanged(keys: string[], listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (keys.some((k) => e.affectsConfiguration(`kamerstuk.${k}`))) listener();
  });
}

/** Whether VS Code's display language is Dutch (for labels from settings that carry both languages). */
export function isDutch(): boolean {
  return vscode.env.language.toLowerCase().startsWith('nl');
}
