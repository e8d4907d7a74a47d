// Completion after `Kamerstuk`, `kst-` or `motie`: documents the team catalog, the cache and the bundled catalog
// know, inserted in the configured citation style.
import * as vscode from 'vscode';
import type { DocumentMetadata } from '../core/metadata';
import { citationFor } from './citation-format';
import type { MetadataService } from './metadata-service';
import { settings } from './settings';

/**
 * What was typed before the cursor that asks for a document: `Kamerstuk 297`, `kst-297` (replaced by the whole
 * citation) or `motie Van` (the words after `motie` are replaced by the submitters and the citation).
 */
export function completionTrigger(linePrefix: string): { start: number; query: string; motie: boolean } | undefined {
  const m = /\b(kamerstuk(?:ken)?\s+|kst-|motie\s+)([^\s,;()]*)$/i.exec(linePrefix);
  if (!m) return undefined;
  const motie = /^motie/i.test(m[1]);
  return { start: motie ? m.index + m[1].length : m.index, query: m[2], motie };
}

export function registerCitationCompletion(context: vscode.ExtensionContext, metadata: MetadataService): void {
  context.subscriptions.push(
    vscode.languages.registerCompletionItemProvider(
      { language: 'markdown' },
      {
        async provideCompletionItems(document, position, token) {
          const prefix = document.lineAt(position.line).text.slice(0, position.character);
          const trigger = completionTrigger(prefix);
          if (!trigger) return undefined;
          const ctl = new AbortController();
          const sub = token.onCancellationRequested(() => ctl.abort());
          try {
            const found = await metadata.resolver.search(trigger.query.replace(/^kst-/i, ''), { signal: ctl.signal, limit: 50 });
            const docs = trigger.motie ? found.filter((m) => m.kind === 'motie') : found;
            const range = new vscode.Range(position.line, trigger.start, position.line, position.character);
            return new vscode.CompletionList(docs.map((m) => item(m, range, prefix.slice(trigger.start), trigger.motie)), true);
          } finally {
            sub.dispose();
          }
        },
      },
      '-',
      ' ',
    ),
  );
}

function item(meta: DocumentMetadata, range: vscode.Range, typed: string, motie: boolean): vscode.CompletionItem {
  const citation = citationFor(meta, settings.citationStyle());
  const submitters = (meta.motion?.submitters ?? []).map((s) => s.naam).join(' en ');
  const it = new vscode.CompletionItem({ label: meta.id, description: meta.title ?? meta.onderwerp }, vscode.CompletionItemKind.Reference);
  it.insertText = motie && submitters ? `${submitters} (${citation})` : citation;
  it.range = range;
  // Match on what was typed as well as the title and numbers, so `kst-29754` and words of a title both find it.
  it.filterText = `${typed} ${meta.id} ${meta.title ?? ''} ${meta.documentnummer ?? ''}`;
  it.detail = [meta.soort, meta.date].filter(Boolean).join(' · ');
  return it;
}
