// "Edit due date…": the input shows the stored due range, else the one read from the passage; ISO dates are
// checked as they are typed; `vague` marks a commitment without a date; empty removes the stored range (the date
// read from the passage applies again). `{ due }` in the argument (a string as typed, or null) skips the input.
import * as vscode from 'vscode';
import { excerpt } from '../../core/annotations';
import type { DueRange } from '../../core/commitments';
import { type CommitmentCommandDeps, findCommitment } from './commitment-target';
import { dueLabel } from './commitment-labels';
import { dueInputValue, parseDueInput } from './due-input';

export async function editDue(deps: CommitmentCommandDeps, arg: unknown): Promise<DueRange | null | undefined> {
  const target = await findCommitment(deps, arg);
  if (!target) return undefined;
  const { commitment } = target;
  const explicit = arg && typeof arg === 'object' && 'due' in arg ? (arg as { due: unknown }).due : undefined;
  const phrase = commitment.due?.text;
  let typed: string | undefined;
  if (explicit === null) typed = '';
  else if (typeof explicit === 'string') typed = explicit;
  else
    typed = await vscode.window.showInputBox({
      title: vscode.l10n.t('Due date of this commitment'),
      prompt: [
        excerpt(target.annotation.quote, 80),
        commitment.dueSource === 'parsed' && commitment.due ? vscode.l10n.t('Read from the passage: {0}', dueLabel(commitment.due)) : '',
      ]
        .filter(Boolean)
        .join(' — '),
      value: dueInputValue(commitment.due),
      placeHolder: vscode.l10n.t('2025-06-30, or 2025-04-01 – 2025-06-30, or "vague"; empty removes the stored date'),
      ignoreFocusOut: true,
      validateInput: (v) => {
        const r = parseDueInput(v, phrase);
        return r.ok ? undefined : errorText(r.error, r.value);
      },
    });
  if (typed === undefined) return undefined;
  const parsed = parseDueInput(typed, phrase);
  if (!parsed.ok) {
    deps.notifier.notify('warning', errorText(parsed.error, parsed.value, true));
    return undefined;
  }
  const due = parsed.due;
  if (due === null && !target.annotation.due) return null;
  await deps.stores.edit(target.letter, (s) => s.update(target.id, { due }));
  vscode.window.setStatusBarMessage(
    due ? vscode.l10n.t('Due: {0}', dueLabel(due)) : vscode.l10n.t('The stored due date was removed; the date read from the passage applies.'),
    4000,
  );
  return due;
}

/** What is wrong with the input; `refused`: the whole message after the command gave up (one sentence each, so translations keep their order). */
function errorText(error: 'notADate' | 'reversed', value: string, refused = false): string {
  if (error === 'reversed')
    return refused
      ? vscode.l10n.t('The range "{0}" ends before it starts. Nothing was changed.', value)
      : vscode.l10n.t('The range "{0}" ends before it starts.', value);
  return refused
    ? vscode.l10n.t('"{0}" is not a date: enter yyyy-mm-dd, a range such as 2025-04-01 – 2025-06-30, or "vague". Nothing was changed.', value)
    : vscode.l10n.t('"{0}" is not a date: enter yyyy-mm-dd, a range such as 2025-04-01 – 2025-06-30, or "vague".', value);
}
