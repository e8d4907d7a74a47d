// What the store knows of one letter's annotation file: the annotations with pending changes, the file's problems,
// and the texts a three-way merge needs.
import type * as vscode from 'vscode';
import type { AnnotationDiagnostic, AnnotationStore } from '../../../core/annotations';
import { unsavedDocument } from '../../common/documents';
import { BrokenAnnotationFileError, UnsavedAnnotationFileError } from './errors';

export interface LetterAnnotationState {
  readonly letter: vscode.Uri;
  readonly file: vscode.Uri;
  /** The annotations with any pending change; undefined while the letter has no annotation file. */
  store: AnnotationStore | undefined;
  /** Errors of the file on disk: while set, the file is never written and edits are refused. */
  problems: AnnotationDiagnostic[] | undefined;
  /** The file's text as last read or written ('' when there is no file). */
  disk: string;
  /** The last text both the disk and the store agreed on: the base of a merge. */
  base: string;
  /** The store has changes that are not on disk yet. */
  dirty: boolean;
  /** Increases on every change of the store or its problems. */
  revision: number;
  /** Reads, merges and writes of this file, one at a time. */
  queue: Promise<void>;
  /** The last write failed and the analyst was told; cleared by the next successful write. */
  writeFailed: boolean;
}

export function initialState(letter: vscode.Uri, file: vscode.Uri): LetterAnnotationState {
  return { letter, file, store: undefined, problems: undefined, disk: '', base: '', dirty: false, revision: 0, queue: Promise.resolve(), writeFailed: false };
}

/** Throws when the letter's tags cannot be changed now: the file has errors or unsaved changes in an editor. */
export function assertEditable(state: LetterAnnotationState): void {
  if (state.problems) throw new BrokenAnnotationFileError(state.file, state.problems);
  if (unsavedDocument(state.file)) throw new UnsavedAnnotationFileError(state.file);
}
