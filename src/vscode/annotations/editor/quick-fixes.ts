// Quick fixes in annotation files: where core knows the text that fixes a problem (an unknown tag that is a typo of
// a known one), Ctrl+. replaces it.
import * as vscode from 'vscode';
import { AnnotationFileDiagnostic } from '../../common/convert';

const ANNOTATION_FILES: vscode.DocumentSelector = { pattern: '**/*.annotations.yaml' };

export function registerAnnotationQuickFixes(): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(
    ANNOTATION_FILES,
    {
      provideCodeActions: (document, _range, context) =>
        context.diagnostics.flatMap((d) => {
          if (!(d instanceof AnnotationFileDiagnostic) || d.replacement === undefined) return [];
          const action = new vscode.CodeAction(vscode.l10n.t('Change to "{0}"', d.replacement), vscode.CodeActionKind.QuickFix);
          action.edit = new vscode.WorkspaceEdit();
          action.edit.replace(document.uri, d.range, d.replacement);
          action.diagnostics = [d];
          action.isPreferred = true;
          return [action];
        }),
    },
    { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
  );
}
