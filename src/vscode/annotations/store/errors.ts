// Why an edit of a letter's tags is refused: the annotation file on disk has errors, or it is open in an editor
// with unsaved changes (on saving, the editor's text and the written tags would clash).
import type * as vscode from 'vscode';
import type { AnnotationDiagnostic } from '../../../core/annotations';

/** An edit refused because the annotation file on disk has errors. */
export class BrokenAnnotationFileError extends Error {
  constructor(
    readonly file: vscode.Uri,
    readonly problems: AnnotationDiagnostic[],
  ) {
    super(`${file.path} has ${problems.length === 1 ? '1 error' : `${problems.length} errors`}`);
  }
}

/** An edit refused because the annotation file is open in an editor with unsaved changes. */
export class UnsavedAnnotationFileError extends Error {
  constructor(readonly file: vscode.Uri) {
    super(`${file.path} has unsaved changes in an editor`);
  }
}
