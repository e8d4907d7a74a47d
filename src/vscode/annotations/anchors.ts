// Where each tag of a letter is now: anchored against the open document (re-anchored ~300 ms after edits, one
// LetterText per document version) or, for a letter that is not open, against the file on disk.
import * as vscode from 'vscode';
import { anchoredAt, type AnchorResult, anchorAnnotations, type Annotation, LetterSource, LetterText } from '../../core/annotations';
import { toRange } from '../common/convert';
import { KeyedDebounce } from '../common/delay';
import { Disposable } from '../common/disposable';
import { baseName, isWorkspaceDocument, openDocument } from '../common/documents';
import { log } from '../common/log';
import { LetterHistory, type PreviousLetter } from './letter-history';
import type { AnnotationStores } from './store/stores';

const EDIT_DEBOUNCE_MS = 300;

export interface AnchoredAnnotation {
  annotation: Annotation;
  result: AnchorResult;
}

export interface AnchoredLetter {
  letter: vscode.Uri;
  /** The document version anchored against; undefined when anchored against the file on disk. */
  version: number | undefined;
  /** The text as annotations address it (no BOM, LF line endings), with offsets back to the document's text. */
  source: LetterSource;
  letterText: LetterText;
  /** In the store's order (by stored start). */
  items: AnchoredAnnotation[];
  byId: Map<string, AnchoredAnnotation>;
  storeRevision: number;
  /**
   * The text every later version of the letter in this window is anchored through (its diff to the text now),
   * with the tags' places in it: the version the annotation file records when it was found, else the first text
   * anchored here. Kept across edits, so a tag that the diff placed, or refused to place, stays so while the
   * analyst types; renewed when the file records another version.
   */
  base?: AnchorBase;
}

/** A previous text of the letter with the tags' places in it, and the recorded version it stands for. */
export interface AnchorBase extends PreviousLetter {
  recorded: string | undefined;
}

/** The document range of a span of the letter's canonical text (what anchor results and stored offsets count). */
export function passageRange(anchored: AnchoredLetter, document: vscode.TextDocument, start: number, end: number): vscode.Range {
  return toRange(document, anchored.source.toRaw(start), anchored.source.toRaw(end));
}

/** The canonical offset of a position in the letter's document. */
export function passageOffset(anchored: AnchoredLetter, document: vscode.TextDocument, position: vscode.Position): number {
  return anchored.source.fromRaw(document.offsetAt(position));
}

/** The tagged passages of an anchored letter that contain `offset`, innermost first (orphans never). */
export function anchoredAtOffset(anchored: AnchoredLetter, offset: number): AnchoredAnnotation[] {
  return anchoredAt(
    anchored.items.map((i) => i.result),
    offset,
  ).map((r) => anchored.byId.get(r.id)!);
}

export class LetterAnchors extends Disposable {
  private readonly current = new Map<string, AnchoredLetter>();
  private readonly pending = new Map<string, Promise<AnchoredLetter | undefined>>();
  private readonly texts = new Map<string, { version: number | undefined; source: LetterSource; text: LetterText }>();
  private readonly debounce = this.register(new KeyedDebounce());
  private readonly emitter = this.register(new vscode.EventEmitter<vscode.Uri>());
  /** A letter's anchors were recomputed. */
  readonly onDidChange = this.emitter.event;

  readonly history = new LetterHistory();

  constructor(private readonly stores: AnnotationStores) {
    super();
    this.register(
      vscode.Disposable.from(
        stores.onDidChange((s) => this.schedule(s.letter, 0)),
        vscode.workspace.onDidOpenTextDocument((d) => this.opened(d)),
        vscode.workspace.onDidChangeTextDocument((e) => {
          if (e.contentChanges.length && this.stores.peek(e.document.uri)?.store) this.schedule(e.document.uri, EDIT_DEBOUNCE_MS);
        }),
        vscode.workspace.onDidCloseTextDocument((d) => {
          const key = d.uri.toString();
          this.texts.delete(key);
          if (this.current.delete(key)) this.emitter.fire(d.uri);
        }),
      ),
    );
    for (const d of vscode.workspace.textDocuments) this.opened(d);
  }

  /** The last computed anchors of a letter (possibly for an older document version). */
  get(letter: vscode.Uri): AnchoredLetter | undefined {
    return this.current.get(letter.toString());
  }

  /** Anchors that are up to date with the store and the open document (computed now if needed). */
  async ensure(letter: vscode.Uri): Promise<AnchoredLetter | undefined> {
    if (!isWorkspaceDocument(letter)) return undefined;
    const have = this.current.get(letter.toString());
    const state = this.stores.peek(letter);
    const doc = openDocument(letter);
    if (have && state && have.storeRevision === state.revision && have.version === doc?.version) return have;
    return this.compute(letter);
  }

  /** Re-anchors a letter soon if it has anchors (its file changed on disk). */
  invalidate(letter: vscode.Uri): void {
    if (this.current.has(letter.toString())) this.schedule(letter, 0);
  }

  /** The letter's text as annotations address it, and as a LetterText, built once per document version. */
  textsOf(document: vscode.TextDocument): { source: LetterSource; text: LetterText } {
    const key = document.uri.toString();
    const cached = this.texts.get(key);
    if (cached && cached.version === document.version) return cached;
    const source = new LetterSource(document.getText());
    const entry = { version: document.version, source, text: new LetterText(source.text) };
    this.texts.set(key, entry);
    return entry;
  }

  private opened(document: vscode.TextDocument): void {
    // Only letters in the workspace: a `git:` diff view of a letter (or an untitled buffer) has no annotation file.
    if (document.languageId !== 'markdown' || !isWorkspaceDocument(document.uri)) return;
    // Loading the store fires onDidChange, which anchors; an already loaded letter is anchored now.
    const loaded = this.stores.peek(document.uri);
    if (loaded) this.schedule(document.uri, 0);
    else void this.stores.get(document.uri);
  }

  private schedule(letter: vscode.Uri, delay: number): void {
    this.debounce.schedule(letter.toString(), delay, () => void this.compute(letter));
  }

  private compute(letter: vscode.Uri): Promise<AnchoredLetter | undefined> {
    const key = letter.toString();
    const running = this.pending.get(key);
    // One computation at a time per letter; a request during one runs after it.
    const next = (running ?? Promise.resolve(undefined)).then(() => this.computeNow(letter));
    this.pending.set(key, next);
    void next.finally(() => this.pending.get(key) === next && this.pending.delete(key));
    return next;
  }

  /**
   * The text to anchor through (see `AnchoredLetter.base`): this window's base for the letter while the
   * annotation file records the same version, else the recorded version when it can be found.
   */
  private async baseOf(letter: vscode.Uri, recorded: string | undefined, now: LetterSource): Promise<AnchorBase | undefined> {
    const last = this.current.get(letter.toString());
    if (last?.base && last.base.recorded === recorded) return last.base;
    const found = await this.history.recorded(letter, recorded, now.raw);
    return found && { ...found, recorded };
  }

  private async computeNow(letter: vscode.Uri): Promise<AnchoredLetter | undefined> {
    const key = letter.toString();
    const state = await this.stores.get(letter);
    const annotations = state.store?.annotations() ?? [];
    if (!annotations.length && !this.current.has(key)) return undefined;
    const doc = openDocument(letter);
    // The version and store revision the text and tags were taken at (the lookups below await: both may move on).
    const version = doc?.version;
    const storeRevision = state.revision;
    let source: LetterSource;
    let letterText: LetterText;
    if (doc) ({ source, text: letterText } = this.textsOf(doc));
    else {
      source = new LetterSource(
        await vscode.workspace.fs.readFile(letter).then(
          (b) => new TextDecoder().decode(b),
          () => '',
        ),
      );
      letterText = new LetterText(source.text);
    }
    const recorded = state.store?.letter.hash;
    const base = await this.baseOf(letter, recorded, source);
    const previous = base && base.text !== source.text ? base : undefined;
    let results: AnchorResult[];
    const started = Date.now();
    try {
      results = anchorAnnotations(letterText, annotations, previous ? { previous } : {});
    } catch (e) {
      log().error(`Anchoring ${baseName(letter)}: ${String(e)}`);
      return undefined;
    }
    const elapsed = Date.now() - started;
    if (elapsed > 100) log().debug(`Anchored ${annotations.length} tag(s) of ${baseName(letter)} in ${elapsed} ms`);
    const items = annotations.map((annotation, i) => ({ annotation, result: results[i] }));
    const anchored: AnchoredLetter = {
      letter,
      version,
      source,
      letterText,
      items,
      byId: new Map(items.map((it) => [it.annotation.id, it])),
      storeRevision,
      base: base ?? { text: source.text, results, annotations, recorded },
    };
    this.current.set(key, anchored);
    this.emitter.fire(letter);
    return anchored;
  }
}
