// Typed access to the extension's settings (package.json `contributes.configuration`).
import * as vscode from 'vscode';

export type CitationStyle = 'leidraad' | 'short' | 'kst' | 'link';

export interface TagSetting {
  label: string;
  labelNl?: string;
  color?: string;
}

function config(scope?: vscode.ConfigurationScope): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('kamerstuk', scope);
}

export const settings = {
  online: () => config().get<boolean>('online', true),
  /** Machine-scoped: only the user's own settings can change it. */
  apiBaseUrl: () => config().get<string>('apiBaseUrl', 'https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/'),
  requestTimeout: () => Math.max(500, config().get<number>('requestTimeout', 8000)),
  citationStyle: () => config().get<CitationStyle>('citationStyle', 'leidraad'),
  author: () => config().get<string>('author', '').trim(),
  diagnosticsEnabled: () => config().get<boolean>('diagnostics.enabled', true),
  tags: (scope?: vscode.ConfigurationScope) => config(scope).get<Record<string, TagSetting>>('tags', {}),
};

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
