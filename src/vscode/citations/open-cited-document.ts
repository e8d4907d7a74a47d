// "Open cited document": the letter in the workspace when there is one, otherwise the official publication (for a
// toezegging number, the register it is in).
// Where a cited document lives is shared with Go to Definition and the document links.
import * as vscode from 'vscode';
import { officialUrl, refAt, toezeggingRegister } from '../../core/citations';
import { COMMANDS, registerCommand } from '../common/commands';
import type { Notifier } from '../common/notify';
import type { WorkspaceCitationIndex } from '../workspace/citation-index';
import type { LetterIndex } from '../workspace/letter-index';

export type CitedTarget = { kind: 'workspace'; uri: vscode.Uri } | { kind: 'external'; uri: vscode.Uri };

export async function citedTarget(letters: LetterIndex, id: string): Promise<CitedTarget | undefined> {
  const local = await letters.find(id);
  if (local) return { kind: 'workspace', uri: local };
  // A toezegging has no publication of its own: its register's page (Eerste or Tweede Kamer) is opened.
  const url = officialUrl(id) ?? toezeggingRegister(id)?.url;
  return url ? { kind: 'external', uri: vscode.Uri.parse(url, true) } : undefined;
}

/** The document id a command acts on: its argument (a hover link, a view item), else the citation at the cursor. */
export function citedIdFor(arg: unknown, citations: WorkspaceCitationIndex): string | undefined {
  return typeof arg === 'string' && arg ? arg : idAtCursor(citations);
}

/** The id of the citation at the cursor of the active markdown editor. */
function idAtCursor(citations: WorkspaceCitationIndex): string | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') return undefined;
  return refAt(citations.get(editor.document).refs, editor.document.offsetAt(editor.selection.active))?.id ?? undefined;
}

export function registerOpenCitedDocument(citations: WorkspaceCitationIndex, letters: LetterIndex, notifier: Notifier): vscode.Disposable {
  return registerCommand(COMMANDS.openCitedDocument, async (arg?: unknown) => {
    const id = citedIdFor(arg, citations);
    if (!id) {
      notifier.notify('info', vscode.l10n.t('Place the cursor on a citation to open the document it cites.'));
      return;
    }
    const target = await citedTarget(letters, id);
    if (!target) {
      notifier.notify('warning', vscode.l10n.t('{0} has no official publication address.', id));
      return;
    }
    if (target.kind === 'workspace') await vscode.window.showTextDocument(target.uri, { preview: false });
    else {
      await vscode.env.openExternal(target.uri);
      // Not in the workspace: offer to import it as a letter (vscode/letters/import-letter.ts).
      if (/^(?:(?:kst|ah|h)-|(?:19|20)\d{2}D\d{5}$)/.test(id)) {
        notifier.notify('info', vscode.l10n.t('{0} is not in the workspace yet.', id), {
          [vscode.l10n.t('Import Letter')]: () => vscode.commands.executeCommand(COMMANDS.importLetter, id),
        });
      }
    }
  });
}
