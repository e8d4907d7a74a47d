// Find All References on a citation: every place in the workspace's notes that cites the same document, under
// any of its aliases.
import * as vscode from 'vscode';
import { refAt } from '../../core/citations';
import { rangeIn, toRange } from '../common/convert';
import { MARKDOWN } from '../common/documents';
import type { WorkspaceCitationIndex } from '../workspace/citation-index';

/** Every citation of the document, under any of its aliases (`canonicalId`). */
async function referencesTo(
  citations: WorkspaceCitationIndex,
  canonicalId: (id: string) => string,
  id: string,
  token?: vscode.CancellationToken,
): Promise<vscode.Location[]> {
  const wanted = canonicalId(id);
  const out: vscode.Location[] = [];
  for (const file of await citations.workspace(token)) {
    for (const r of file.refs)
      if (r.id && (r.id === id || canonicalId(r.id) === wanted)) out.push(new vscode.Location(file.uri, rangeIn(file.lines, r.start, r.end)));
  }
  return out;
}

export function registerCitationReferences(citations: WorkspaceCitationIndex, canonicalId: (id: string) => string): vscode.Disposable {
  return vscode.languages.registerReferenceProvider(MARKDOWN, {
    async provideReferences(document, position, _context, token) {
      const ref = refAt(citations.get(document).refs, document.offsetAt(position));
      if (!ref?.id) return undefined;
      const all = await referencesTo(citations, canonicalId, ref.id, token);
      // The open document's own locations come from its live text.
      return all.length ? all : [new vscode.Location(document.uri, toRange(document, ref.start, ref.end))];
    },
  });
}
