// Completion after `Kamerstuk`, `kst-` or `motie` (it pops up as `-` or the space is typed): documents the team
// catalog, the cache and the bundled catalog know, inserted in the notation the user started (the configured
// citation style after `motie`).
import * as vscode from 'vscode';
import { citationFor, completionTrigger, type CitationStyle } from '../../core/citations';
import type { DocumentMetadata } from '../../core/metadata';
import { withAbortSignal } from '../common/cancellation';
import { MARKDOWN } from '../common/documents';
import { settings } from '../common/settings';
import type { MetadataService } from '../metadata/metadata-service';

export function registerCitationCompletion(metadata: MetadataService): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider(
    MARKDOWN,
    {
      provideCompletionItems(document, position, token) {
        const prefix = document.lineAt(position.line).text.slice(0, position.character);
        const trigger = completionTrigger(prefix);
        if (!trigger) return undefined;
        return withAbortSignal(token, async (signal) => {
          const found = await metadata.resolver.search(trigger.query.replace(/^kst-/i, ''), { signal, limit: 50 });
          const docs = trigger.motie ? found.filter((m) => m.kind === 'motie') : found;
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

function item(meta: DocumentMetadata, range: vscode.Range, typed: string, motie: boolean, style: CitationStyle): vscode.CompletionItem {
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
