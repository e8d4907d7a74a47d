// Where a letter's annotation file is, and whose letter an annotation file is (a query or fragment of the URI is
// not part of its path).
import * as vscode from 'vscode';
import { annotationFileNameFor, letterFileNameFor } from '../../../core/annotations';
import { baseName } from '../../common/documents';

export const ANNOTATION_FILE_GLOB = '**/*.annotations.yaml';

/** The annotation file beside a letter. */
export function annotationFileFor(letter: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(letter.with({ query: '', fragment: '' }), '..', annotationFileNameFor(baseName(letter)));
}

/** The letter an annotation file belongs to. */
export function letterForAnnotationFile(file: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(file.with({ query: '', fragment: '' }), '..', letterFileNameFor(baseName(file)));
}
