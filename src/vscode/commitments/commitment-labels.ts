// How a commitment reads in the editor: its state, its due range in the display language, and view icons.
import * as vscode from 'vscode';
import type { CommitmentState, DueRange } from '../../core/commitments';

export function stateLabel(state: CommitmentState): string {
  switch (state) {
    case 'open':
      return vscode.l10n.t('open');
    case 'partly':
      return vscode.l10n.t('partly fulfilled');
    case 'fulfilled':
      return vscode.l10n.t('fulfilled');
    case 'dropped':
      return vscode.l10n.t('dropped');
  }
}

export function stateIcon(state: CommitmentState, overdue: boolean): vscode.ThemeIcon {
  if (overdue) return new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsErrorIcon.foreground'));
  switch (state) {
    case 'fulfilled':
      return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
    case 'partly':
      return new vscode.ThemeIcon('pie-chart', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    case 'dropped':
      return new vscode.ThemeIcon('circle-slash');
    case 'open':
      return new vscode.ThemeIcon('calendar');
  }
}

/** `1 jul 2025` in the display language (an invalid date as written). */
export function formatDate(iso: string, language = vscode.env.language): string {
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(d);
  } catch {
    return iso;
  }
}

/** `juni 2025` for a month key `2025-06`. */
export function formatMonth(key: string, language = vscode.env.language): string {
  const d = new Date(`${key}-01T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return key;
  try {
    return new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
  } catch {
    return key;
  }
}

/** The dates of a due range: `1 apr 2025 – 30 jun 2025`, `no later than 30 jun 2025`, `no date` for a vague one. */
export function dueDates(due: DueRange): string {
  if (due.vague || (!due.from && !due.to)) return vscode.l10n.t('no date');
  if (due.from && due.to && due.from !== due.to) return `${formatDate(due.from)} – ${formatDate(due.to)}`;
  if (due.to) return vscode.l10n.t('no later than {0}', formatDate(due.to));
  return vscode.l10n.t('from {0} on', formatDate(due.from!));
}

/** The phrase and its dates: `voor de zomer (1 apr 2025 – 30 jun 2025)`. */
export function dueLabel(due: DueRange): string {
  const dates = dueDates(due);
  return due.text ? `${due.text} (${dates})` : dates;
}
