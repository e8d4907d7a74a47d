// The documents a passage can be linked to: those cited in the letter (canonical ids, most cited first after the
// passage's own citations) and the letters in the workspace, plus whatever the passage already links.
import * as vscode from 'vscode';
import { scanMarkdown } from '../../../core/markdown';
import type { LetterIndex } from '../../workspace/letter-index';

export interface ReferenceItem extends vscode.QuickPickItem {
  id: string;
}

export async function referenceItems(
  letterText: string,
  passage: { start: number; end: number },
  current: readonly string[],
  letters: LetterIndex,
  self?: string,
): Promise<ReferenceItem[]> {
  const cited = new Map<string, { count: number; inPassage: boolean; first: number }>();
  for (const ref of scanMarkdown(letterText)) {
    if (!ref.id || ref.id === self) continue;
    const entry = cited.get(ref.id) ?? { count: 0, inPassage: false, first: ref.start };
    entry.count++;
    entry.inPassage ||= ref.start < passage.end && ref.end > passage.start;
    cited.set(ref.id, entry);
  }
  const items: ReferenceItem[] = [];
  const seen = new Set<string>();
  const push = (id: string, description: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    items.push({ id, label: id, description, picked: current.includes(id) });
  };
  for (const id of current) push(id, vscode.l10n.t('linked'));
  const ordered = [...cited].sort(([, a], [, b]) => Number(b.inPassage) - Number(a.inPassage) || a.first - b.first);
  for (const [id, c] of ordered) push(id, c.inPassage ? vscode.l10n.t('cited in this passage') : vscode.l10n.t('cited in this letter ({0}×)', c.count));
  const workspace = [...(await letters.all()).keys()].filter((id) => id !== self).sort((a, b) => a.localeCompare(b, 'nl', { numeric: true }));
  for (const id of workspace) push(id, vscode.l10n.t('letter in the workspace'));
  return items;
}
