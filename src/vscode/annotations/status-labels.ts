// Review statuses of a tag (proposed / agreed / disputed): labels in the display language and view icons.
import * as vscode from 'vscode';
import type { ReviewStatus } from '../../core/annotations';

export function statusLabel(status: ReviewStatus): string {
  switch (status) {
    case 'proposed':
      return vscode.l10n.t('proposed');
    case 'agreed':
      return vscode.l10n.t('agreed');
    case 'disputed':
      return vscode.l10n.t('disputed');
  }
}

export function statusIcon(status: ReviewStatus | undefined): vscode.ThemeIcon {
  switch (status) {
    case 'agreed':
      return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
    case 'disputed':
      return new vscode.ThemeIcon('comment-unresolved', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    case 'proposed':
      return new vscode.ThemeIcon('circle-large-outline');
    default:
      return new vscode.ThemeIcon('tag');
  }
}
