// Which markdown files can be tagged: letters (front matter `kamerstuk:`, a name like `kst-….md`, or an
// annotation file beside it). Other markdown is refused with the reason.
import * as vscode from 'vscode';
import { letterVerdict, type LetterVerdict } from './annotation-rules';
import { annotationFileFor, baseName } from './annotation-stores';
import { letterIdOf } from './workspace-letters';

const HEAD_LENGTH = 4096;

export async function letterVerdictFor(document: vscode.TextDocument): Promise<LetterVerdict> {
  if (document.languageId !== 'markdown' || document.isUntitled) return { letter: false };
  const name = baseName(document.uri);
  const head = document.getText(new vscode.Range(0, 0, 200, 0)).slice(0, HEAD_LENGTH);
  const id = letterIdOf(name, head);
  return letterVerdict(name, head, id, await exists(annotationFileFor(document.uri)));
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
