// Problems panel entries for annotation files: parse and schema errors (the file is then never written), unknown
// tags, and orphaned passages, at their line and column in the file on disk.
import * as vscode from 'vscode';
import {
  type AnnotationDiagnostic,
  AnnotationStore,
  checkAnnotations,
  excerpt,
  isAnnotationFileName,
  message,
  MESSAGES,
  type Taxonomy,
  unknownTagsOfBrokenFile,
} from '../../../core/annotations';
import { annotationDiagnostic } from '../../common/convert';
import { KeyedDebounce } from '../../common/delay';
import { Disposable } from '../../common/disposable';
import { baseName, isWorkspaceDocument } from '../../common/documents';
import type { LetterAnchors } from '../anchors';
import { letterForAnnotationFile } from '../store/paths';
import type { LetterAnnotationState } from '../store/state';
import type { AnnotationStores } from '../store/stores';
import type { AnnotationTaxonomy } from '../taxonomy';

const DEBOUNCE_MS = 100;

export class AnnotationDiagnostics extends Disposable {
  private readonly collection = this.register(vscode.languages.createDiagnosticCollection('kamerstuk-annotations'));
  private readonly debounce = this.register(new KeyedDebounce());
  /**
   * Per annotation file: the file on disk parsed (for locations) and checked against the taxonomy, redone only when
   * the text on disk or the taxonomy changed, not on every re-anchoring while the letter is edited.
   */
  private readonly checked = new Map<string, { disk: string; store: AnnotationStore | undefined; taxonomy?: Taxonomy; diagnostics?: AnnotationDiagnostic[] }>();

  constructor(
    private readonly stores: AnnotationStores,
    private readonly anchors: LetterAnchors,
    private readonly taxonomy: AnnotationTaxonomy,
  ) {
    super();
    this.register(stores.onDidChange((s) => this.refreshSoon(s.letter)));
    this.register(anchors.onDidChange((letter) => this.refreshSoon(letter)));
    this.register(taxonomy.onDidChange(() => stores.loaded().forEach((s) => this.refresh(s))));
    // An annotation file opened on its own: load it, so its problems show even if its letter is not open.
    this.register(vscode.workspace.onDidOpenTextDocument((d) => this.opened(d)));
    vscode.workspace.textDocuments.forEach((d) => this.opened(d));
  }

  private opened(document: vscode.TextDocument): void {
    if (isWorkspaceDocument(document.uri) && isAnnotationFileName(baseName(document.uri))) void this.stores.get(letterForAnnotationFile(document.uri));
  }

  /** The diagnostics currently shown for an annotation file (for the test API). */
  get(file: vscode.Uri): readonly vscode.Diagnostic[] {
    return this.collection.get(file) ?? [];
  }

  private refreshSoon(letter: vscode.Uri): void {
    this.debounce.schedule(letter.toString(), DEBOUNCE_MS, () => {
      const state = this.stores.peek(letter);
      if (state) this.refresh(state);
    });
  }

  private refresh(state: LetterAnnotationState): void {
    if (state.problems) {
      // Every problem at once: the schema errors and the unknown tags (a file that is not UTF-8 has only its one).
      const decoded = !state.problems.some((p) => p.code === 'encoding');
      const tags = decoded ? unknownTagsOfBrokenFile(state.disk, this.taxonomy.taxonomy) : [];
      this.collection.set(state.file, [...state.problems, ...tags].sort((x, y) => x.offset - y.offset).map(annotationDiagnostic));
      return;
    }
    // Locations refer to the file as it is on disk.
    const key = state.file.toString();
    let cached = this.checked.get(key);
    if (cached?.disk !== state.disk) {
      const parsed = state.disk.trim() ? AnnotationStore.parse(state.disk) : undefined;
      cached = { disk: state.disk, store: parsed?.ok ? parsed.store : undefined };
      this.checked.set(key, cached);
    }
    const located = cached.store;
    if (!located) {
      this.collection.delete(state.file);
      return;
    }
    const taxonomy = this.taxonomy.taxonomy;
    if (!cached.diagnostics || cached.taxonomy !== taxonomy) {
      cached.diagnostics = checkAnnotations(located, { taxonomy }).diagnostics;
      cached.taxonomy = taxonomy;
    }
    const out = [...cached.diagnostics];
    for (const item of this.anchors.get(state.letter)?.items ?? []) {
      if (item.result.status !== 'orphaned' || !located.has(item.annotation.id)) continue;
      const a = item.annotation;
      const msg = message(MESSAGES.orphaned, a.id, this.taxonomy.label(a.tag), excerpt(a.quote));
      const d = located.locate(a.id, 'quote', 'orphaned', msg, 'warning');
      if (d) out.push(d);
    }
    this.collection.set(state.file, out.map(annotationDiagnostic));
  }
}
