// Find All References on a citation: every place in the workspace's notes that cites the same document, under
// any of its aliases (from the workspace index, with the unsaved text of open notes).
import * as vscode from 'vscode';
import { refAt } from '../../core/citations';
import { toRange } from '../common/convert';
import { MARKDOWN } from '../common/documents';
import type { WorkspaceCitationIndex } from '../workspace/citation-index';
import type { WorkspaceIndexService } from '../workspace/workspace-index';

/** Every citation of the document, under any of its aliases (`canonicalId`). */
export async function referencesTo(index: WorkspaceIndexService, canonicalId: (id: string) => string, id: string): Promise<vscode.Location[]> {
  const wanted = canonicalId(id);
  const places = await index.citing((cited) => cited === id || canonicalId(cited) === wanted);
  return places.map((p) => new vscode.Location(p.uri, p.range));
}

export function registerCitationReferences(
  citations: WorkspaceCitationIndex,
  index: WorkspaceIndexService,
  canonicalId: (id: string) => string,
): vscode.Disposable {
  return vscode.languages.registerReferenceProvider(MARKDOWN, {
    async provideReferences(document, position, _context, token) {
      const ref = refAt(citations.get(document).refs, document.offsetAt(position));
      if (!ref?.id) return undefined;
      const all = await referencesTo(index, canonicalId, ref.id);
      if (token.isCancellationRequested) return undefined;
      // A note outside the workspace (untitled, another folder) still finds its own citation.
      return all.length ? all : [new vscode.Location(document.uri, toRange(document, ref.start, ref.end))];
    },
  });
}
