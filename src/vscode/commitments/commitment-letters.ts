// The letters the Commitments view reads: every letter with an annotation file in the workspace (found as the
// Annotations view finds them), with its text and front matter, as core's CommitmentLetter. Texts are read once
// and read again only when the file changes on disk or its open document changes.
import * as vscode from 'vscode';
import type { Annotation } from '../../core/annotations';
import { commitmentLetter, type CommitmentLetter } from '../../core/commitments';
import { Disposable } from '../common/disposable';
import { EXCLUDE, openDocument } from '../common/documents';
import { readTextOrEmpty } from '../common/workspace-files';
import { ANNOTATION_FILE_GLOB, letterForAnnotationFile } from '../annotations/store/paths';
import type { AnnotationStores } from '../annotations/store/stores';
import type { LetterIndex } from '../workspace/letter-index';
import type { MarkdownFiles } from '../workspace/markdown-files';
import { mapConcurrently } from '../../core/async/map-concurrently';

// The workspace index has no query for annotation files (only letters by id), so they are searched for, up to
// this many; when there are more, the register says so (annotationFilesCut) and the view's message tells the analyst.
export const MAX_ANNOTATION_FILES = 2000;
const PARALLEL_READS = 8;

/** A letter with an annotation file: its commitments' source, or the reason it has none to show. */
export interface RegisterLetter {
  uri: vscode.Uri;
  /** Undefined while its annotation file has errors (`problems` says which file). */
  letter?: CommitmentLetter;
  /** The annotation file, when it has errors: nothing of it is shown or written until it is fixed. */
  brokenFile?: vscode.Uri;
}

export class CommitmentLetters extends Disposable {
  /** Text per letter URI: the open document's version, or undefined for the text read from disk. */
  private readonly texts = new Map<string, { version: number | undefined; text: Promise<string> }>();
  private readonly emitter = this.register(new vscode.EventEmitter<vscode.Uri>());
  /** A letter's text changed (on disk or in its editor). */
  readonly onDidChangeText = this.emitter.event;
  private files: Promise<vscode.Uri[]> | undefined;
  /** Whether the last search found more annotation files than MAX_ANNOTATION_FILES (the rest is left out). */
  cut = false;

  constructor(
    private readonly stores: AnnotationStores,
    private readonly index: LetterIndex,
    files: MarkdownFiles,
  ) {
    super();
    const forget = (uri: vscode.Uri) => {
      if (this.texts.delete(uri.toString())) this.emitter.fire(uri);
    };
    this.register(files.onDidAny(forget));
    this.register(stores.onDidChangeFiles(() => (this.files = undefined)));
    this.register(vscode.workspace.onDidChangeTextDocument((e) => e.contentChanges.length && forget(e.document.uri)));
    this.register(vscode.workspace.onDidCloseTextDocument((d) => forget(d.uri)));
  }

  /** Every letter with an annotation file (or loaded tags), sorted by path. */
  async annotated(): Promise<RegisterLetter[]> {
    // The workspace is searched again only when an annotation file appeared or disappeared.
    // One more than the limit is asked for, to know whether files were left out.
    this.files ??= Promise.resolve(vscode.workspace.findFiles(ANNOTATION_FILE_GLOB, EXCLUDE, MAX_ANNOTATION_FILES + 1));
    const found = await this.files.catch(() => [] as vscode.Uri[]);
    this.cut = found.length > MAX_ANNOTATION_FILES;
    const files = this.cut ? found.slice(0, MAX_ANNOTATION_FILES) : found;
    const uris = new Map<string, vscode.Uri>();
    for (const f of files) {
      const letter = letterForAnnotationFile(f);
      uris.set(letter.toString(), letter);
    }
    for (const s of this.stores.loaded()) if (s.store || s.problems) uris.set(s.letter.toString(), s.letter);
    const out = await mapConcurrently([...uris.values()], PARALLEL_READS, async (uri): Promise<RegisterLetter | undefined> => {
      const state = await this.stores.get(uri);
      if (state.problems) return { uri, brokenFile: state.file };
      if (!state.store) return undefined;
      return { uri, letter: await this.letterOf(uri, state.store.annotations(), state.store.letter.id) };
    });
    return out.filter((l): l is RegisterLetter => !!l).sort((a, b) => pathOf(a.uri).localeCompare(pathOf(b.uri), 'nl', { numeric: true }));
  }

  /** Every letter of the workspace by id, with its text (tagged or not): where a commitment may be fulfilled. */
  async all(annotated: readonly RegisterLetter[]): Promise<Array<{ uri: vscode.Uri; letter: CommitmentLetter }>> {
    const byUri = new Map(annotated.filter((l) => l.letter).map((l) => [l.uri.toString(), { uri: l.uri, letter: l.letter! }]));
    const others = [...(await this.index.all()).entries()].filter(([, uri]) => !byUri.has(uri.toString()));
    const read = await mapConcurrently(others, PARALLEL_READS, async ([id, uri]) => ({ uri, letter: await this.letterOf(uri, [], id) }));
    return [...byUri.values(), ...read];
  }

  /** The letter's text: its open document, else the file (cached until it changes). */
  text(uri: vscode.Uri): Promise<string> {
    const key = uri.toString();
    const doc = openDocument(uri);
    const cached = this.texts.get(key);
    if (cached && cached.version === doc?.version) return cached.text;
    const text = doc ? Promise.resolve(doc.getText()) : readTextOrEmpty(uri);
    this.texts.set(key, { version: doc?.version, text });
    return text;
  }

  /** The letter's facts; the id its annotation file or the letter index knows wins over the file's own. */
  private async letterOf(uri: vscode.Uri, annotations: Annotation[], id: string | undefined): Promise<CommitmentLetter> {
    const letter = commitmentLetter(pathOf(uri), await this.text(uri), annotations);
    return id ? { ...letter, id } : letter;
  }
}

/** The path a register names a letter by: relative to the workspace (with the folder's name in a multi-root one, so paths stay unique). */
export function pathOf(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri);
}
