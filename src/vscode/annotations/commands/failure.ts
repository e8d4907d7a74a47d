// How a failed annotation command is explained: a broken or unsaved annotation file with a way to open it, an
// edit the core refused, or a write that failed.
import * as vscode from 'vscode';
import { AnnotationEditError } from '../../../core/annotations';
import type { FailureReporter } from '../../common/commands';
import { baseName } from '../../common/documents';
import { log } from '../../common/log';
import type { Notifier } from '../../common/notify';
import { BrokenAnnotationFileError, UnsavedAnnotationFileError } from '../store/errors';

export function annotationFailureReporter(notifier: Notifier): FailureReporter {
  return (e) => {
    if (e instanceof BrokenAnnotationFileError) {
      const first = e.problems[0];
      const reason = first ? `${vscode.l10n.t('line {0}', first.line)}: ${vscode.l10n.t(first.message.template, ...first.message.args)}` : '';
      notifier.notify(
        'error',
        vscode.l10n.t(
          'The tags of this letter cannot be changed: its annotation file {0} has errors ({1}). Fix the file first; it was not changed.',
          baseName(e.file),
          reason,
        ),
        {
          [vscode.l10n.t('Open annotation file')]: () =>
            vscode.window.showTextDocument(
              e.file,
              first ? { selection: new vscode.Range(first.line - 1, first.column - 1, first.line - 1, first.column - 1) } : {},
            ),
          [vscode.l10n.t('Show Problems')]: () => vscode.commands.executeCommand('workbench.actions.view.problems'),
        },
      );
      return;
    }
    if (e instanceof UnsavedAnnotationFileError) {
      notifier.notify('warning', vscode.l10n.t('Save or revert your changes to {0} first.', vscode.workspace.asRelativePath(e.file, false)), {
        [vscode.l10n.t('Open annotation file')]: () => vscode.window.showTextDocument(e.file),
      });
      return;
    }
    if (e instanceof AnnotationEditError) {
      notifier.notify('error', vscode.l10n.t(e.template, ...e.args));
      return;
    }
    log().error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    notifier.notify('error', vscode.l10n.t('The annotation file could not be written: {0}', e instanceof Error ? e.message : String(e)));
  };
}
