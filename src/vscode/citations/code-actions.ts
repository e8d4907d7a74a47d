// Quick fixes for citation problems, and rewrites of any citation under the cursor into Leidraad form, the
// Kamer's short form, or a link to the official publication.
import * as vscode from 'vscode';
import { refAt, refsInGroup, rewriteFixes, type CitationFix } from '../../core/citations';
import { toRange } from '../common/convert';
import { MARKDOWN } from '../common/documents';
import { settings } from '../common/settings';
import type { WorkspaceCitationIndex } from '../workspace/citation-index';
import { CitationProblemDiagnostic } from './diagnostics';

export function registerCitationCodeActions(citations: WorkspaceCitationIndex): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(
    MARKDOWN,
    {
      provideCodeActions(document, range, ctx) {
        const actions: vscode.CodeAction[] = [];
        for (const d of ctx.diagnostics) {
          if (!(d instanceof CitationProblemDiagnostic)) continue;
          d.problem.fixes.forEach((fix, i) => actions.push(action(document, fix, vscode.CodeActionKind.QuickFix, d, i === 0)));
        }
        if (actions.length) return actions;
        // No problem here: offer the rewrites of the citation at the cursor as refactorings.
        const refs = citations.get(document).refs;
        const ref = refAt(refs, document.offsetAt(range.start));
        if (!ref) return undefined;
        const preferred = settings.citationStyle(document.uri);
        return rewriteFixes(refsInGroup(refs, ref), document.getText()).map((fix) =>
          action(document, fix, vscode.CodeActionKind.RefactorRewrite, undefined, fix.style === preferred),
        );
      },
    },
    { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, vscode.CodeActionKind.RefactorRewrite] },
  );
}

function action(
  document: vscode.TextDocument,
  fix: CitationFix,
  kind: vscode.CodeActionKind,
  diagnostic?: vscode.Diagnostic,
  preferred = false,
): vscode.CodeAction {
  const a = new vscode.CodeAction(vscode.l10n.t(fix.title, ...fix.args), kind);
  a.edit = new vscode.WorkspaceEdit();
  const range = toRange(document, fix.start, fix.end);
  if (fix.snippet) a.edit.set(document.uri, [vscode.SnippetTextEdit.replace(range, new vscode.SnippetString(fix.replacement))]);
  else a.edit.replace(document.uri, range, fix.replacement);
  if (diagnostic) a.diagnostics = [diagnostic];
  a.isPreferred = preferred;
  return a;
}
