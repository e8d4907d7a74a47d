// activate(): the table of contents of the extension — build the services once, then register each area.
import * as vscode from 'vscode';
import type { DocumentMetadata } from './core/metadata';
import { createServices, type Services } from './services';
import * as annotations from './vscode/annotations';
import * as citations from './vscode/citations';
import * as commitments from './vscode/commitments';
import * as letters from './vscode/letters';
import { log, registerLog } from './vscode/common/log';
import { platform } from './vscode/common/platform';
import * as metadata from './vscode/metadata';
import * as preview from './vscode/preview';
import * as team from './vscode/team';
import * as workspace from './vscode/workspace';
import { createTestApi, type TestApi } from './vscode/testing/test-api';

/**
 * The API other extensions get from `vscode.extensions.getExtension('kamerstuk-annotator.kamerstuk-annotator')
 * .exports`. Small on purpose: new members may be added, existing ones keep their meaning while apiVersion is 1.
 */
export interface KamerstukApi {
  readonly apiVersion: 1;
  /** What the extension knows of a document by canonical id (`kst-29754-716`): local sources first, then the API. */
  lookup(id: string): Promise<DocumentMetadata | undefined>;
  /** VS Code's Markdown preview adds citations and tags through this (`contributes.markdown.markdownItPlugins`). */
  extendMarkdownIt: preview.PreviewArea['extendMarkdownIt'];
  /** Only while the extension runs its own integration tests (ExtensionMode.Test). */
  readonly testing?: TestApi;
}

let services: Services | undefined;

export function activate(context: vscode.ExtensionContext): KamerstukApi {
  const logging = registerLog();
  const s = (services = createServices(context));
  const annotationsArea = annotations.register(s);
  const commitmentsArea = commitments.register(s);
  const metadataArea = metadata.register(s);
  const previewArea = preview.register(s);
  // VS Code disposes the subscriptions in this order: the areas, then the services they use, the log last.
  context.subscriptions.push(
    citations.register(s),
    metadataArea,
    annotationsArea,
    commitmentsArea,
    team.register(s),
    previewArea,
    letters.register(s),
    workspace.register(s),
    s,
    logging,
  );

  // Where the extension runs (Node or the browser's web worker, local or remote), and the kind of window it serves.
  const host = platform.kind === 'web' ? 'web worker' : vscode.env.remoteName ? `Node, remote ${vscode.env.remoteName}` : 'Node';
  const ui = vscode.env.uiKind === vscode.UIKind.Web ? 'browser' : 'desktop';
  log().info(vscode.l10n.t('Kamerstuk Annotator activated (extension host: {0}; window: {1})', host, ui));
  return {
    apiVersion: 1,
    lookup: async (id) => (await s.metadata.resolver.resolve(id)).meta,
    extendMarkdownIt: previewArea.extendMarkdownIt,
    ...(context.extensionMode === vscode.ExtensionMode.Test ? { testing: createTestApi(s, annotationsArea, metadataArea, commitmentsArea) } : {}),
  };
}

/** Waits for the metadata cache and the workspace index to reach the disk (VS Code disposes the subscriptions afterwards). */
export function deactivate(): Promise<void> | undefined {
  const flushing = services && Promise.all([services.metadata.flush(), services.workspaceIndex.flush()]).then(() => undefined);
  services = undefined;
  return flushing;
}
