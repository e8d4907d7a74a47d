// Which publication "Import Letter…" fetches: an id (`kst-29754-716`, `ah-tk-20232024-1234`, `h-tk-…`), a citation
// (`Kamerstuk 29 754, nr. 716`) or a Tweede Kamer document number (`2024D25640`: the kamerstuk the catalog knows it
// as, else the API is asked). Asked in an input box prefilled with the citation under the cursor.
import * as vscode from 'vscode';
import { refAt } from '../../core/citations';
import { importableId, LetterError } from '../../core/letters';
import { idsInInput } from '../../core/metadata';
import type { WorkspaceCitationIndex } from '../workspace/citation-index';

const TK_NUMBER = /^(?:19|20)\d{2}[DZ]\d{5}$/i;

/**
 * A KOOP publication by id (with the TK document number it was asked by, for the Kamer's DOCX when KOOP has not
 * published it yet), or a Tweede Kamer document number the API is asked for.
 */
export type ImportTarget = { koop: string; number?: string } | { tk: string };

export type TargetVerdict = ImportTarget | { error: string };

/** How a target is named in messages. */
export function targetLabel(target: ImportTarget): string {
  return 'tk' in target ? target.tk : target.koop;
}

/** The publication id an input names, or why it names none (a message for people). */
export function importTarget(input: string, canonicalId: (id: string) => string): TargetVerdict {
  const trimmed = input.trim();
  if (!trimmed) return { error: vscode.l10n.t('Type the id, citation or Tweede Kamer number of a kamerstuk.') };
  if (TK_NUMBER.test(trimmed)) {
    const number = trimmed.toUpperCase();
    const id = canonicalId(number);
    if (/^(?:kst|ah|h)-/.test(id)) return { koop: id, ...(/D/.test(number) ? { number } : {}) };
    if (/Z/.test(number)) {
      return { error: vscode.l10n.t('{0} is a zaak number; import one of its documents by its document number (…D…) or kamerstuk id.', trimmed) };
    }
    return { tk: number };
  }
  const ids = idsInInput(trimmed);
  if (ids.length > 1) return { error: vscode.l10n.t('{0} names {1} documents; import one at a time.', trimmed, ids.length) };
  try {
    return { koop: importableId(canonicalId(ids[0] ?? trimmed)) };
  } catch (e) {
    if (!(e instanceof LetterError)) throw e;
    return { error: vscode.l10n.t('{0} is not the id of a kamerstuk, Aanhangsel or Handelingen item (kst-…, ah-…, h-…).', trimmed) };
  }
}

/** The id of the citation under the cursor of the active markdown editor, to prefill the input box. */
export function citationUnderCursor(citations: WorkspaceCitationIndex): string | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') return undefined;
  return refAt(citations.get(editor.document).refs, editor.document.offsetAt(editor.selection.active))?.id ?? undefined;
}

/** Asks for the publication; undefined when the analyst cancels. */
export async function askImportTarget(prefill: string | undefined, canonicalId: (id: string) => string): Promise<ImportTarget | undefined> {
  const value = await vscode.window.showInputBox({
    title: vscode.l10n.t('Import Letter'),
    prompt: vscode.l10n.t('The id, citation or Tweede Kamer number of the kamerstuk to import from officielebekendmakingen.nl'),
    placeHolder: 'kst-29754-716, Kamerstuk 29 754, nr. 716, 2024D25640',
    value: prefill ?? '',
    ignoreFocusOut: true,
    validateInput: (text) => {
      if (!text.trim()) return undefined;
      const verdict = importTarget(text, canonicalId);
      return 'error' in verdict ? verdict.error : undefined;
    },
  });
  if (value === undefined || !value.trim()) return undefined;
  const verdict = importTarget(value, canonicalId);
  return 'error' in verdict ? undefined : verdict;
}
