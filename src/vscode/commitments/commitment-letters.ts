// The letters the Commitments view reads: every letter with an annotation file in the workspace (the workspace
// index's annotation files, as the Annotations view lists them), with its text and front matter, as core's
// CommitmentLetter. Texts are read once and read again only when the file changes on disk or its open document changes.
import * as vscode from 'vscode';
import type { Annotation } from '../../core/annotations';
import { commitmentLetter, type CommitmentLetter } from '../../core/commitments';
import { Disposable } from '../common/disposable';
import { openDocument } from '../common/documents';
import { readTextOrEmpty } from '../common/workspace-files';
import { letterForAnnotationFile } from '../annotations/store/paths';
import type { AnnotationStores } from '../annotations/store/stores';
import type { LetterIndex } from '../workspace/letter-index';
import type { MarkdownFiles } from '../workspace/markdown-files';
import type { WorkspaceIndexService } from '../workspace/workspace-index';
import { mapConcurrently } from '../../core/async/map-concurrently';

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
  /**
   * The workspace index took in an annotation file or let one go (its first build brings them in batches, the
   * watcher one by one): `annotated()` answers differently now.
   */
  readonly onDidChangeFiles: vscode.Event<void>;

  constructor(
    private readonly stores: AnnotationStores,
    private readonly index: LetterIndex,
    files: MarkdownFiles,
    private readonly workspace: WorkspaceIndexService,
  ) {
    super();
    this.onDidChangeFiles = workspace.onDidChangeAnnotationFiles;
    const forget = (uri: vscode.Uri) => {
      if (this.texts.delete(uri.toString())) this.emitter.fire(uri);
    };
    this.register(files.onDidAny(forget));
    this.register(vscode.workspace.onDidChangeTextDocument((e) => e.contentChanges.length && forget(e.document.uri)));
    this.register(vscode.workspace.onDidCloseTextDocument((d) => forget(d.uri)));
  }

  /**
   * Every letter with an annotation file (or loaded tags), sorted by path. While the index's first build runs, the
   * annotation files it knows so far (onDidChangeFiles tells of more); a file that does not parse is a `brokenFile`.
   */
  async annotated(): Promise<RegisterLetter[]> {
    const uris = new Map<string, vscode.Uri>();
    for (const f of this.workspace.annotationFilesNow()) {
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
