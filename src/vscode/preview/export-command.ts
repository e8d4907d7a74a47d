// "Export tagged letter as HTML…": the letter in the editor (or the one chosen in the Explorer) as one
// self-contained page, written where the analyst chooses, in the display language.
import * as vscode from 'vscode';
import { exportTaggedLetter } from '../../core/export';
import { letterIdOf } from '../../core/letters';
import type { Services } from '../../services';
import { baseName, openDocument } from '../common/documents';
import { isDutch } from '../common/settings';
import type { PreviewPlugin } from './markdown-it';

/** How long the export waits for the letter's own metadata (local sources answer at once). */
const METADATA_WAIT_MS = 3000;

function targetOf(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  const doc = vscode.window.activeTextEditor?.document;
  return doc?.languageId === 'markdown' ? doc.uri : undefined;
}

/** `arg`: the letter (else the editor's); `to`: where to write, without asking (for tasks and tests). */
export async function exportLetterAsHtml(s: Services, plugin: PreviewPlugin, arg?: unknown, to?: unknown): Promise<vscode.Uri | undefined> {
  const letter = targetOf(arg);
  if (!letter) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a letter to export it as HTML.'));
    return undefined;
  }
  const state = await s.stores.get(letter);
  if (state.problems) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The annotation file of {0} has errors: fix them before exporting.', baseName(letter)));
    return undefined;
  }
  const newMarkdownIt = await plugin.markdownIt();
  if (!newMarkdownIt) {
    void vscode.window.showErrorMessage(vscode.l10n.t("The export needs VS Code's Markdown extension, which is not available."));
    return undefined;
  }
  const text = openDocument(letter)?.getText() ?? new TextDecoder().decode(await vscode.workspace.fs.readFile(letter));
  const name = baseName(letter);
  const id = letterIdOf(name, text);
  const metadata = id ? (await s.metadata.resolver.resolve(id, { timeoutMs: METADATA_WAIT_MS, preferLocalAfterMs: 0 })).meta : undefined;
  const html = exportTaggedLetter(newMarkdownIt, {
    letterText: text,
    fileName: name,
    annotations: state.store?.annotations() ?? [],
    taxonomy: s.taxonomy.taxonomy,
    language: isDutch() ? 'nl' : 'en',
    metadata,
    citationTitle: (cited) => s.metadata.resolver.peek(cited)?.title,
  });
  const target =
    to instanceof vscode.Uri
      ? to
      : await vscode.window.showSaveDialog({
          title: vscode.l10n.t('Export tagged letter as HTML'),
          saveLabel: vscode.l10n.t('Export'),
          defaultUri: vscode.Uri.joinPath(letter, '..', name.replace(/\.[^.]*$/, '') + '.html'),
          filters: { [vscode.l10n.t('HTML page')]: ['html'] },
        });
  if (!target) return undefined;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(html));
  if (to instanceof vscode.Uri) return target;
  const open = vscode.l10n.t('Open in Browser');
  void vscode.window.showInformationMessage(vscode.l10n.t('{0} was exported to {1}.', name, baseName(target)), open).then((choice) => {
    if (choice === open) void vscode.env.openExternal(target);
  });
  return target;
}
