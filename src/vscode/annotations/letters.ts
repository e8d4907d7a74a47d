// Which markdown documents can be tagged: letters (core/letters decides: front matter `kamerstuk:`, a name like
// `kst-….md`, or an annotation file beside it). Other markdown is refused with the reason.
import * as vscode from 'vscode';
import { LETTER_HEAD_LENGTH, letterVerdict, type LetterVerdict } from '../../core/letters';
import { baseName } from '../common/documents';
import { annotationFileFor } from './store/paths';

const HEAD_LINES = 200;

export async function letterVerdictFor(document: vscode.TextDocument): Promise<LetterVerdict> {
  if (document.languageId !== 'markdown' || document.isUntitled) return { letter: false };
  const head = document.getText(new vscode.Range(0, 0, HEAD_LINES, 0)).slice(0, LETTER_HEAD_LENGTH);
  return letterVerdict(baseName(document.uri), head, await exists(annotationFileFor(document.uri)));
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
