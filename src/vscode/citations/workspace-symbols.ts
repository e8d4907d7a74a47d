// Workspace symbols (Ctrl+T, `#kst-29754`): every document the workspace's notes cite whose id contains the query,
// at the letter in the workspace when there is one, else at its first citation; the title when it is known.
import * as vscode from 'vscode';
import type { MetadataService } from '../metadata/metadata-service';
import type { LetterIndex } from '../workspace/letter-index';
import type { WorkspaceIndexService } from '../workspace/workspace-index';

/** What a query is compared with: lower case, no spaces, no leading '#'. */
const normalise = (s: string) => s.toLowerCase().replace(/\s+/g, '').replace(/^#/, '');

export function registerCitedDocumentSymbols(index: WorkspaceIndexService, letters: LetterIndex, metadata: MetadataService): vscode.Disposable {
  return vscode.languages.registerWorkspaceSymbolProvider({
    async provideWorkspaceSymbols(query, token) {
      const wanted = normalise(query);
      const byId = new Map<string, { aliases: Set<string>; count: number }>();
      for (const [cited, count] of await index.citedIds()) {
        const id = metadata.canonicalId(cited);
        if (wanted && !normalise(id).includes(wanted) && !normalise(cited).includes(wanted)) continue;
        const doc = byId.get(id) ?? { aliases: new Set<string>(), count: 0 };
        doc.aliases.add(cited);
        doc.count += count;
        byId.set(id, doc);
      }
      if (token.isCancellationRequested) return undefined;
      const firstPlaces = new Map<string, vscode.Location>();
      // The first citation of each document without a letter in the workspace, in one pass over the index.
      const needPlace = new Set<string>();
      const letterOf = new Map<string, vscode.Uri>();
      for (const [letterId, uri] of await letters.all()) {
        const id = metadata.canonicalId(letterId);
        const known = letterOf.get(id);
        if (byId.has(id) && (!known || uri.path.length < known.path.length)) letterOf.set(id, uri);
      }
      for (const [id, doc] of byId) if (!letterOf.has(id)) for (const alias of doc.aliases) needPlace.add(alias);
      if (needPlace.size) {
        for (const place of await index.citing((id) => needPlace.has(id))) {
          const id = metadata.canonicalId(place.ref.id);
          if (!firstPlaces.has(id)) firstPlaces.set(id, new vscode.Location(place.uri, place.range));
        }
      }
      const out: vscode.SymbolInformation[] = [];
      for (const [id, doc] of byId) {
        const location = letterOf.has(id) ? new vscode.Location(letterOf.get(id)!, new vscode.Position(0, 0)) : firstPlaces.get(id);
        if (!location) continue;
        const title = metadata.resolver.peek(id)?.title;
        const cited = vscode.l10n.t('cited {0}×', doc.count);
        out.push(new vscode.SymbolInformation(id, vscode.SymbolKind.File, title ? `${title} · ${cited}` : cited, location));
      }
      return out;
    },
  });
}
