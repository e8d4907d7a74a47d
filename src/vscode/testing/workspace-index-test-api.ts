// What the integration tests may inspect of the workspace index: its statistics, a second service over the same
// workspace and storage (what a reloaded window builds), and the rows the Cited documents view shows for an index.
import * as vscode from 'vscode';
import type { Services } from '../../services';
import { CitedDocumentsTree, type CitedNode } from '../citations/cited-documents-tree';
import { WorkspaceIndexService, type WorkspaceIndexStats } from '../workspace/workspace-index';

export interface WorkspaceIndexTestApi {
  /** The extension's own index service. */
  service: WorkspaceIndexService;
  /** The core index's statistics, whether it was loaded from storage, which runner read the files. */
  workspaceIndexStats(): WorkspaceIndexStats;
  /** A new index service as a new window would build it; `storageUri` undefined: nothing saved or loaded. Dispose it. */
  create(storageUri: vscode.Uri | undefined): WorkspaceIndexService;
  /** The extension's workspace storage folder. */
  storageUri: vscode.Uri | undefined;
  /** The Cited documents view's rows (document id and number of citing places) over `index`; the notes of the rows `expand` names. */
  citedDocuments(index: WorkspaceIndexService, expand?: readonly string[]): Promise<Array<{ id: string; count: number; notes?: string[] }>>;
}

export function workspaceIndexTestApi(services: Services): WorkspaceIndexTestApi {
  return {
    service: services.workspaceIndex,
    workspaceIndexStats: () => services.workspaceIndex.stats(),
    storageUri: services.context.storageUri,
    create: (storageUri) =>
      new WorkspaceIndexService({
        extensionUri: services.context.extensionUri,
        storageUri,
        notifier: services.notifier,
      }),
    async citedDocuments(index, expand = []) {
      const tree = new CitedDocumentsTree(services.citations, index, services.metadata);
      try {
        const roots = ((await tree.getChildren()) ?? []) as CitedNode[];
        const out: Array<{ id: string; count: number; notes?: string[] }> = [];
        for (const root of roots) {
          if (root.type !== 'document') continue;
          if (!expand.includes(root.id)) {
            out.push({ id: root.id, count: root.count });
            continue;
          }
          const notes = ((await tree.getChildren(root)) ?? []) as CitedNode[];
          out.push({ id: root.id, count: root.count, notes: notes.map((n) => (n.type === 'note' ? vscode.workspace.asRelativePath(n.uri) : '')) });
        }
        return out;
      } finally {
        tree.dispose();
      }
    },
  };
}
