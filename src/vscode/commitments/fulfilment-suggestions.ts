// The documents a commitment can be marked fulfilled by: the workspace's letters, those core's
// fulfilmentCandidates suggests first and ticked (a later letter that cites the commitment's letter, or answers
// with fulfilment cues on its subject); ticked only, never applied: the analyst confirms the pick.
import * as vscode from 'vscode';
import { type Commitment, type CommitmentLetter, fulfilmentCandidates } from '../../core/commitments';
import { letterIdFromFileName } from '../../core/letters';
import { formatDate } from './commitment-labels';

export interface DocumentItem extends vscode.QuickPickItem {
  /** The document's canonical id; undefined for the "another document" entry. */
  id?: string;
  /** The letter's date, for the fulfilment date. */
  date?: string;
  suggested?: boolean;
}

export function documentItems(c: Commitment, letters: readonly CommitmentLetter[]): DocumentItem[] {
  const current = new Set(c.annotation.fulfilledBy ?? []);
  const own = c.letter.id;
  const candidates = fulfilmentCandidates(c, [...letters]).filter((x) => x.letter.id && x.letter.id !== own);
  const suggested = new Set(candidates.map((x) => x.letter.id!));
  const item = (l: CommitmentLetter, description: string, suggestion: boolean): DocumentItem => ({
    id: l.id,
    label: l.id!,
    description: [l.date ? formatDate(l.date) : '', description].filter(Boolean).join(' · '),
    detail: l.title,
    picked: current.size ? current.has(l.id!) : suggestion,
    ...(l.date ? { date: l.date } : {}),
    suggested: suggestion,
  });
  const items: DocumentItem[] = [];
  if (candidates.length) {
    items.push({ label: vscode.l10n.t('Suggested'), kind: vscode.QuickPickItemKind.Separator });
    for (const x of candidates)
      items.push(
        item(x.letter, x.reason === 'cites' ? vscode.l10n.t('cites the letter of this commitment') : vscode.l10n.t('reads as a fulfilment of it'), true),
      );
  }
  const others = letters
    .filter((l) => l.id && l.id !== own && !suggested.has(l.id))
    .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.id!.localeCompare(b.id!, 'nl', { numeric: true }));
  // Linked documents that are not in the workspace stay in the list, ticked.
  const inWorkspace = new Set(letters.map((l) => l.id));
  const outside = [...current].filter((id) => !inWorkspace.has(id));
  if (others.length || outside.length) items.push({ label: vscode.l10n.t('Letters in the workspace'), kind: vscode.QuickPickItemKind.Separator });
  for (const id of outside) items.push({ id, label: id, description: vscode.l10n.t('linked'), picked: true });
  for (const l of others) items.push(item(l, l.path, false));
  items.push({ label: '', kind: vscode.QuickPickItemKind.Separator }, { label: vscode.l10n.t('$(add) Another document by its id…'), alwaysShow: true });
  return items;
}

/** Canonical ids from what the analyst typed (`kst-29754-720, 2024D12345`), or the first token that is none. */
export function documentIds(input: string): { ids: string[] } | { invalid: string } {
  const ids: string[] = [];
  for (const token of input.split(/[\s,;]+/).filter(Boolean)) {
    const id = letterIdFromFileName(`${token}.md`);
    if (!id) return { invalid: token };
    ids.push(id);
  }
  return { ids };
}
