// The hover's line on how a tag was found when it is not at its stored place: status, the evidence (the diff from
// the version the tags were made on, its context, or search) and the score, and the other places of a near-tie.
import * as vscode from 'vscode';
import type { AnchorResult } from '../../../core/annotations';

/** Plain text (the hover escapes it); undefined for a tag found as it was stored (exact), and for orphans (the hover is not on them). */
export function anchorLine(result: AnchorResult, lineOf: (offset: number) => number): string | undefined {
  if (result.status === 'exact' || result.status === 'orphaned') return undefined;
  const status = result.status === 'moved' ? vscode.l10n.t('Moved') : vscode.l10n.t('Uncertain place');
  const how =
    result.reason === 'diff'
      ? vscode.l10n.t("found through the letter's changes since the tags were made")
      : result.reason === 'context'
        ? vscode.l10n.t('found by its text and context')
        : vscode.l10n.t('found by search, with little context');
  const parts = [status, how, vscode.l10n.t('score {0}', result.score.toFixed(2))];
  if (result.alternatives?.length) {
    const lines = result.alternatives.slice(0, 5).map((a) => String(lineOf(a.start)));
    parts.push(vscode.l10n.t('fits as well at line {0}: check which is meant', lines.join(', ')));
  }
  return parts.join(' · ');
}
