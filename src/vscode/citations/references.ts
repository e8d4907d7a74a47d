// Find All References on a citation: every place in the workspace's notes that cites the same document.
import * as vscode from 'vscode';
import { refAt } from '../core/citations';
import type { CitationDocuments } from './citation-documents';
import { rangeIn, toRange } from './convert';

export async function referencesTo(citations: CitationDocuments, id: string, token?: vscode.CancellationToken): Promise<vscode.Location[]> {
  const out: vscode.Location[] = [];
  for (const file of await citations.workspace(token)) {
    const refs = file.refs.filter((r) => r.id === id);
    if (!refs.length) continue;
    for (const r of refs) out.push(new vscode.Location(file.uri, rangeIn(file.lines, r.start, r.end)));
  }
  return out;
}

export function registerCitationReferences(context: vscode.ExtensionContext, citations: CitationDocuments): void {
  context.subscriptions.push(
    vscode.languages.registerReferenceProvider({ language: 'markdown' }, {
      async provideReferences(document, position, _context, token) {
        const ref = refAt(citations.get(document).refs, document.offsetAt(position));
        if (!ref?.id) return undefined;
        const all = await referencesTo(citations, ref.id, token);
        // The open document's own locations come from its live text.
        return all.length ? all : [new vscode.Location(document.uri, toRange(document, ref.start, ref.end))];
      },
    }),
  );
}
