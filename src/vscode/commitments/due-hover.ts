// The commitment lines of a tag's hover (src/vscode/annotations/editor/hover.ts calls this): the due range (stored,
// or read from the passage), overdue, the fulfilment state with its documents and note, and links to edit the
// due date and to mark it fulfilled. Everything escaped; the links run only the extension's own commands.
import * as vscode from 'vscode';
import type { Annotation } from '../../core/annotations';
import { commitmentDue, commitmentLetter, commitmentState, commitmentTags, isOverdue } from '../../core/commitments';
import { escapeMarkdown } from '../../core/metadata';
import { COMMANDS } from '../common/manifest-ids';
import { dueLabel } from './commitment-labels';
import { fulfilmentLine } from './commitment-items';
import { commitmentSettings } from './settings';

/** The commands the hover's commitment links run (trusted in the hover's markdown). */
export const COMMITMENT_HOVER_COMMANDS: string[] = [COMMANDS.editCommitmentDue, COMMANDS.markCommitmentFulfilled, COMMANDS.reopenCommitment];

/**
 * Markdown lines for a commitment-tagged annotation (none for other tags). `letterText` is the letter's text as
 * annotations address it; `link` makes a command link with the hover's `{ id, letter }` argument.
 */
export function commitmentHoverLines(a: Annotation, taxonomyKeys: string[], letterText: string, link: (title: string, command: string) => string): string[] {
  if (!commitmentTags(taxonomyKeys).includes(a.tag)) return [];
  const e = escapeMarkdown;
  const { due, dueSource } = commitmentDue(a, commitmentLetter('', letterText, []));
  const state = commitmentState(a);
  const today = commitmentSettings.today();
  const overdue = isOverdue({ due, state }, today);
  const dueText = due ? dueLabel(due) : vscode.l10n.t('no due date');
  const dueLine = [`${vscode.l10n.t('Due: {0}', e(dueText, 200))}`];
  if (dueSource === 'parsed') dueLine.push(`*${e(vscode.l10n.t('(read from the passage, not stored yet)'), 80)}*`);
  if (overdue) dueLine.push(`**${e(vscode.l10n.t('overdue'), 40)}**`);
  const lines = [dueLine.join(' · '), e(fulfilmentLine({ annotation: a, state, overdue }), 400)];
  if (a.fulfilmentNote) lines.push(e(a.fulfilmentNote, 400));
  lines.push(
    [
      link(vscode.l10n.t('Edit due date'), COMMANDS.editCommitmentDue),
      state === 'open' || state === 'partly'
        ? link(vscode.l10n.t('Mark fulfilled'), COMMANDS.markCommitmentFulfilled)
        : link(vscode.l10n.t('Reopen'), COMMANDS.reopenCommitment),
    ].join(' · '),
  );
  return lines;
}
