// Following a commitment up: "Mark fulfilled…" (by documents, on a date), "Mark partly fulfilled…" (documents and
// a note), "Mark dropped…" (a note), "Reopen". Written through the annotation store, which refuses a broken or
// unsaved file; every change can be undone from its message. An argument `{ by, date, note }` skips the prompts.
import * as vscode from 'vscode';
import type { AnnotationChanges } from '../../core/annotations';
import { excerpt } from '../../core/annotations';
import { type CommitmentCommandDeps, type CommitmentTarget, findCommitment } from './commitment-target';
import { dueLabel, formatDate } from './commitment-labels';
import { isIsoDate } from './due-input';
import { type DocumentItem, documentIds, documentItems } from './fulfilment-suggestions';
import { localToday } from './settings';

type FollowUp = Pick<AnnotationChanges, 'fulfilment' | 'fulfilledBy' | 'fulfilled' | 'fulfilmentNote'>;

interface Given {
  by?: string[];
  date?: string;
  note?: string;
}

/** Prompts answered by the argument; documents given by id are checked like typed ones (undefined: refused). */
function given(deps: CommitmentCommandDeps, arg: unknown): Given | undefined {
  if (!arg || typeof arg !== 'object') return {};
  const { by, date, note } = arg as Record<string, unknown>;
  const typed = Array.isArray(by) && by.every((x) => typeof x === 'string') ? by.join(',') : typeof by === 'string' ? by : undefined;
  const ids = typed === undefined ? undefined : documentIds(typed);
  if (ids && 'invalid' in ids) {
    deps.notifier.notify('warning', vscode.l10n.t('"{0}" is not a document id such as kst-29754-720 or 2024D12345.', ids.invalid));
    return undefined;
  }
  return {
    ...(ids ? { by: ids.ids } : {}),
    ...(typeof date === 'string' ? { date } : {}),
    ...(typeof note === 'string' ? { note } : {}),
  };
}

export async function markFulfilled(deps: CommitmentCommandDeps, arg: unknown): Promise<FollowUp | undefined> {
  const target = await findCommitment(deps, arg);
  if (!target) return undefined;
  const g = given(deps, arg);
  if (!g) return undefined;
  const picked = g.by ? { ids: g.by, dates: [] as string[] } : await pickDocuments(deps, target, vscode.l10n.t('Fulfilled by which documents?'));
  if (!picked) return undefined;
  const proposed = picked.dates.sort().at(-1) ?? localToday();
  const date = g.date ?? (await askDate(vscode.l10n.t('Date of fulfilment'), proposed));
  if (date === undefined) return undefined;
  if (!isIsoDate(date)) return refuseDate(deps, date);
  return apply(deps, target, {
    fulfilment: 'fulfilled',
    fulfilledBy: picked.ids.length ? picked.ids : null,
    fulfilled: date,
    ...(g.note !== undefined ? { fulfilmentNote: g.note.trim() || null } : {}),
  });
}

export async function markPartlyFulfilled(deps: CommitmentCommandDeps, arg: unknown): Promise<FollowUp | undefined> {
  const target = await findCommitment(deps, arg);
  if (!target) return undefined;
  const g = given(deps, arg);
  if (!g) return undefined;
  const picked = g.by ? { ids: g.by, dates: [] as string[] } : await pickDocuments(deps, target, vscode.l10n.t('Partly fulfilled by which documents?'));
  if (!picked) return undefined;
  const note = g.note ?? (await askNote(vscode.l10n.t('What is still missing?'), target));
  if (note === undefined) return undefined;
  const date = g.date ?? picked.dates.sort().at(-1);
  if (date !== undefined && !isIsoDate(date)) return refuseDate(deps, date);
  return apply(deps, target, {
    fulfilment: 'partly',
    fulfilledBy: picked.ids.length ? picked.ids : null,
    fulfilled: date ?? null,
    fulfilmentNote: note.trim() || null,
  });
}

export async function markDropped(deps: CommitmentCommandDeps, arg: unknown): Promise<FollowUp | undefined> {
  const target = await findCommitment(deps, arg);
  if (!target) return undefined;
  const g = given(deps, arg);
  if (!g) return undefined;
  const note = g.note ?? (await askNote(vscode.l10n.t('Why was this commitment dropped (for example the letter that says so)?'), target));
  if (note === undefined) return undefined;
  if (g.date !== undefined && !isIsoDate(g.date)) return refuseDate(deps, g.date);
  return apply(deps, target, {
    fulfilment: 'dropped',
    fulfilledBy: g.by?.length ? g.by : null,
    fulfilled: g.date ?? localToday(),
    fulfilmentNote: note.trim() || null,
  });
}

export async function reopenCommitment(deps: CommitmentCommandDeps, arg: unknown): Promise<FollowUp | undefined> {
  const target = await findCommitment(deps, arg);
  if (!target) return undefined;
  if (target.commitment.state === 'open') {
    deps.notifier.notify('info', vscode.l10n.t('This commitment is open already.'));
    return undefined;
  }
  return apply(deps, target, { fulfilment: null, fulfilledBy: null, fulfilled: null, fulfilmentNote: null });
}

/** Writes the follow-up; the message offers to undo it (the previous values back). */
async function apply(deps: CommitmentCommandDeps, target: CommitmentTarget, changes: FollowUp): Promise<FollowUp> {
  const a = target.annotation;
  const previous: FollowUp = {
    fulfilment: a.fulfilment ?? null,
    fulfilledBy: a.fulfilledBy ?? null,
    fulfilled: a.fulfilled ?? null,
    fulfilmentNote: a.fulfilmentNote ?? null,
  };
  await deps.stores.edit(target.letter, (s) => s.update(target.id, changes));
  const quote = excerpt(a.quote, 50);
  const text =
    changes.fulfilment === 'fulfilled'
      ? changes.fulfilledBy?.length
        ? vscode.l10n.t('Marked "{0}" fulfilled by {1} on {2}.', quote, changes.fulfilledBy.join(', '), formatDate(changes.fulfilled!))
        : vscode.l10n.t('Marked "{0}" fulfilled on {1}.', quote, formatDate(changes.fulfilled!))
      : changes.fulfilment === 'partly'
        ? vscode.l10n.t('Marked "{0}" partly fulfilled.', quote)
        : changes.fulfilment === 'dropped'
          ? vscode.l10n.t('Marked "{0}" dropped.', quote)
          : target.commitment.due
            ? vscode.l10n.t('Reopened "{0}" (due {1}).', quote, dueLabel(target.commitment.due))
            : vscode.l10n.t('Reopened "{0}".', quote);
  deps.notifier.notify('info', text, {
    [vscode.l10n.t('Undo')]: () => deps.stores.edit(target.letter, (s) => s.has(target.id) && s.update(target.id, previous)),
  });
  return changes;
}

/** The documents picked (suggestions ticked), with "another document by its id" for ones not in the workspace. */
async function pickDocuments(deps: CommitmentCommandDeps, target: CommitmentTarget, title: string): Promise<{ ids: string[]; dates: string[] } | undefined> {
  // Every letter of the workspace is read for suggestions: the status bar says so meanwhile.
  const letters = (
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Looking for documents that fulfil it…') }, () =>
      deps.model.letters.all(target.register.letters),
    )
  ).map((l) => l.letter);
  const items = documentItems(target.commitment, letters);
  const picked = await vscode.window.showQuickPick<DocumentItem>(items, {
    canPickMany: true,
    title,
    placeHolder: vscode.l10n.t('Suggestions are ticked; check them before you confirm. {0}', excerpt(target.annotation.quote, 60)),
    matchOnDescription: true,
    matchOnDetail: true,
    ignoreFocusOut: true,
  });
  if (!picked) return undefined;
  const ids = picked.flatMap((p) => (p.id ? [p.id] : []));
  const dates = picked.flatMap((p) => (p.date ? [p.date] : []));
  if (picked.some((p) => !p.id)) {
    const typed = await vscode.window.showInputBox({
      title,
      prompt: vscode.l10n.t('Ids of the documents, separated by commas (kst-29754-720, 2024D12345)'),
      ignoreFocusOut: true,
      validateInput: (v) => {
        const r = documentIds(v);
        return 'invalid' in r ? vscode.l10n.t('"{0}" is not a document id such as kst-29754-720 or 2024D12345.', r.invalid) : undefined;
      },
    });
    if (typed === undefined) return undefined;
    const r = documentIds(typed);
    if ('ids' in r) for (const id of r.ids) if (!ids.includes(id)) ids.push(id);
  }
  return { ids, dates };
}

async function askDate(title: string, value: string): Promise<string | undefined> {
  const date = await vscode.window.showInputBox({
    title,
    value,
    prompt: vscode.l10n.t('yyyy-mm-dd; proposed: the date of the newest document picked, else today'),
    ignoreFocusOut: true,
    validateInput: (v) => (isIsoDate(v.trim()) ? undefined : vscode.l10n.t('Enter a date as yyyy-mm-dd, for example 2025-06-30.')),
  });
  return date?.trim();
}

async function askNote(title: string, target: CommitmentTarget): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title,
    value: target.annotation.fulfilmentNote ?? '',
    prompt: excerpt(target.annotation.quote, 80),
    placeHolder: vscode.l10n.t('Free text; may be left empty'),
    ignoreFocusOut: true,
  });
}

function refuseDate(deps: CommitmentCommandDeps, date: string): undefined {
  deps.notifier.notify('warning', vscode.l10n.t('"{0}" is not a date: enter it as yyyy-mm-dd, for example 2025-06-30. Nothing was changed.', date));
  return undefined;
}
