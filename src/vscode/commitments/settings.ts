// The Commitments view's settings: the reference date that "overdue" is measured against (empty: today) and the
// grouping of the view, which the "Group commitments by…" command changes where its value comes from.
import * as vscode from 'vscode';
import type { CommitmentGrouping } from '../../core/commitments';
import { updateSetting } from '../common/settings';
import { isIsoDate } from './due-input';

export const GROUPINGS: readonly CommitmentGrouping[] = ['month', 'ministry', 'dossier', 'status'];

function config(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('kamerstuk.commitments');
}

/** Today's local date as `yyyy-mm-dd`. */
export function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export const commitmentSettings = {
  /** The date overdue is measured against: `kamerstuk.commitments.referenceDate` when it is an ISO date, else today. */
  today(): string {
    const set = config().get<string>('referenceDate', '').trim();
    return isIsoDate(set) ? set : localToday();
  },
  /** A reference date that is set but is no date (shown in the view, so the analyst sees why it is ignored). */
  invalidReferenceDate(): string | undefined {
    const set = config().get<string>('referenceDate', '').trim();
    return set && !isIsoDate(set) ? set : undefined;
  },
  groupBy(): CommitmentGrouping {
    const v = config().get<string>('groupBy', 'month');
    return (GROUPINGS as readonly string[]).includes(v) ? (v as CommitmentGrouping) : 'month';
  },
  /** Remembers the grouping where the setting's effective value comes from (folder, workspace, else the user's). */
  async setGroupBy(by: CommitmentGrouping): Promise<void> {
    await updateSetting('commitments.groupBy', by);
  },
};

/** Fires when a commitments setting (or the taxonomy that says which tags are commitments) changes. */
export function onCommitmentSettingChanged(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('kamerstuk.commitments') || e.affectsConfiguration('kamerstuk.tags')) listener();
  });
}
