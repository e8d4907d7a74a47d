// The review of a new version: every tag that moved, whose passage changed (fuzzy) or that was not found
// (orphaned), each with accept, re-attach to a selection in the new text, or remove; then "Accept" (write the new
// version) or "Cancel" (write nothing). A QuickPick that comes back after each decision, so the analyst sees them all.
import * as vscode from 'vscode';
import { excerpt } from '../../core/annotations';
import { byCount } from '../common/plural';
import type { Decision, ReviewItem, ReviewStatus } from './new-version';

export interface ReviewAnswer {
  answer: 'accept' | 'cancel';
  decisions: Map<string, Decision>;
}

const ICONS: Record<ReviewStatus, string> = { moved: '$(arrow-swap)', fuzzy: '$(diff-modified)', orphaned: '$(warning)' };

function statusLabel(status: ReviewStatus): string {
  return status === 'moved' ? vscode.l10n.t('moved') : status === 'fuzzy' ? vscode.l10n.t('text changed') : vscode.l10n.t('orphaned');
}

function decisionLabel(item: ReviewItem, decision: Decision): string {
  if (decision === 'remove') return vscode.l10n.t('will be removed');
  if (decision === 'reattach') return vscode.l10n.t('re-attach to a selection after the import');
  if (item.status === 'orphaned') return vscode.l10n.t('kept as orphan, listed for review');
  return item.status === 'fuzzy' ? vscode.l10n.t('accept the changed text') : vscode.l10n.t('accept the new place');
}

type TopPick = vscode.QuickPickItem & { action?: 'accept' | 'cancel'; item?: ReviewItem };
type DecisionPick = vscode.QuickPickItem & { decision: Decision };

/** Asks the analyst; Escape on the list is Cancel. `tagLabel` names a tag key in the team's language. */
export async function reviewNewVersion(
  letterName: string,
  tagCount: number,
  items: readonly ReviewItem[],
  tagLabel: (tag: string) => string,
  newText: string,
): Promise<ReviewAnswer> {
  const decisions = new Map<string, Decision>();
  for (;;) {
    const unchanged = tagCount - items.length;
    const picks: TopPick[] = [
      {
        label: `$(check) ${vscode.l10n.t('Accept: write the new version of {0}', letterName)}`,
        detail: [
          byCount(unchanged, vscode.l10n.t('{0} tag found unchanged', unchanged), vscode.l10n.t('{0} tags found unchanged', unchanged)),
          byCount(items.length, vscode.l10n.t('{0} tag to review', items.length), vscode.l10n.t('{0} tags to review', items.length)),
        ].join(' · '),
        action: 'accept',
      },
      { label: `$(close) ${vscode.l10n.t('Cancel: write nothing')}`, action: 'cancel' },
    ];
    if (items.length) picks.push({ label: vscode.l10n.t('Tags to review'), kind: vscode.QuickPickItemKind.Separator });
    for (const item of items) {
      const decision = decisions.get(item.annotation.id) ?? 'accept';
      const now = item.result.selector && item.status === 'fuzzy' ? ` → “${excerpt(item.result.selector.quote)}”` : '';
      picks.push({
        label: `${ICONS[item.status]} ${tagLabel(item.annotation.tag)}: ${statusLabel(item.status)}`,
        description: decisionLabel(item, decision),
        detail: `“${excerpt(item.annotation.quote)}”${now}${item.status === 'moved' ? ` (${lineOf(newText, item.result.start)})` : ''}`,
        item,
      });
    }
    const picked = await vscode.window.showQuickPick(picks, {
      title: vscode.l10n.t('New version of {0}: review the tags', letterName),
      placeHolder: vscode.l10n.t('Choose a tag to decide what happens to it, or accept or cancel the new version'),
      ignoreFocusOut: true,
      matchOnDetail: true,
    });
    if (!picked || picked.action === 'cancel') return { answer: 'cancel', decisions };
    if (picked.action === 'accept') return { answer: 'accept', decisions };
    if (!picked.item) continue;
    const item = picked.item;
    const choice = await vscode.window.showQuickPick<DecisionPick>(
      [
        { label: decisionLabel(item, 'accept'), decision: 'accept' },
        { label: vscode.l10n.t('Re-attach to a selection after the import'), decision: 'reattach' },
        { label: vscode.l10n.t('Remove the tag'), decision: 'remove' },
      ],
      { title: `${tagLabel(item.annotation.tag)}: “${excerpt(item.annotation.quote)}”`, ignoreFocusOut: true },
    );
    if (choice) decisions.set(item.annotation.id, choice.decision);
  }
}

function lineOf(text: string, offset: number): string {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return vscode.l10n.t('line {0}', line);
}
