// Completion after `Kamerstuk`, `kst-` or `motie` (it pops up as `-` or the space is typed): documents the team
// catalog, the cache and the bundled catalog know, and kamerstukken cited elsewhere in the workspace's notes (the
// workspace index), inserted in the notation the user started (the configured citation style after `motie`).
import * as vscode from 'vscode';
import { citationFor, completionTrigger, type CitationStyle } from '../../core/citations';
import type { DocumentMetadata } from '../../core/metadata';
import { withAbortSignal } from '../common/cancellation';
import { MARKDOWN } from '../common/documents';
import { settings } from '../common/settings';
import type { MetadataService } from '../metadata/metadata-service';
import type { WorkspaceIndexService } from '../workspace/workspace-index';

const MAX_ITEMS = 50;

/** Kamerstukken cited in the workspace whose number starts with what was typed (`29754`, `29 754-7`), most cited first. */
async function citedInWorkspace(index: WorkspaceIndexService, query: string, known: ReadonlySet<string>): Promise<string[]> {
  if (!index.isReady) return [];
  const typed = query.replace(/^kst-/i, '').replace(/[\s.]/g, '').toUpperCase();
  const out: Array<[string, number]> = [];
  for (const [id, count] of await index.citedIds()) {
    if (!id.startsWith('kst-') || known.has(id)) continue;
    if (id.slice(4).toUpperCase().startsWith(typed)) out.push([id, count]);
  }
  out.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'nl', { numeric: true }));
  return out.slice(0, MAX_ITEMS).map(([id]) => id);
}

export function registerCitationCompletion(metadata: MetadataService, index: WorkspaceIndexService): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider(
    MARKDOWN,
    {
      provideCompletionItems(document, position, token) {
        const prefix = document.lineAt(position.line).text.slice(0, position.character);
        const trigger = completionTrigger(prefix);
        if (!trigger) return undefined;
        return withAbortSignal(token, async (signal) => {
          const found = await metadata.resolver.search(trigger.query.replace(/^kst-/i, ''), { signal, limit: MAX_ITEMS });
          const known = trigger.motie ? found.filter((m) => m.kind === 'motie') : found;
          // A kamerstuk the notes cite but no source knows (yet): offered by its id, with what the cache has.
          const cited = trigger.motie ? [] : await citedInWorkspace(index, trigger.query, new Set(known.map((m) => m.id)));
          const docs = [...known, ...cited.map((id) => metadata.resolver.peek(id) ?? { id })].slice(0, MAX_ITEMS * 2);
          const range = new vscode.Range(position.line, trigger.start, position.line, position.character);
          const style = trigger.style ?? settings.citationStyle(document.uri);
          return new vscode.CompletionList(
            docs.map((m) => item(m, range, prefix.slice(trigger.start), trigger.motie, style)),
            true,
          );
        });
      },
    },
    '-',
    ' ',
  );
}

/** What an item shows of a document: a source's metadata, or only the id of a document the notes cite. */
type ItemDocument = Pick<DocumentMetadata, 'id'> &
  Partial<Pick<DocumentMetadata, 'title' | 'onderwerp' | 'motion' | 'documentnummer' | 'soort' | 'date' | 'vergaderjaar'>>;

function item(meta: ItemDocument, range: vscode.Range, typed: string, motie: boolean, style: CitationStyle): vscode.CompletionItem {
  const citation = citationFor(meta, style);
  const submitters = (meta.motion?.submitters ?? []).map((s) => s.naam).join(' en ');
  const it = new vscode.CompletionItem({ label: meta.id, description: meta.title ?? meta.onderwerp }, vscode.CompletionItemKind.Reference);
  it.insertText = motie && submitters ? `${submitters} (${citation})` : citation;
  it.range = range;
  // Match on what was typed as well as the title and numbers, so `kst-29754` and words of a title both find it.
  it.filterText = `${typed} ${meta.id} ${meta.title ?? ''} ${meta.documentnummer ?? ''}`;
  it.detail = [meta.soort, meta.date].filter(Boolean).join(' · ');
  return it;
}
