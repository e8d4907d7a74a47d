// Problems panel entries for annotation files: parse and schema errors (the file is then never written), unknown
// tags, and orphaned passages, at their line and column in the file on disk.
import * as vscode from 'vscode';
import { KeyedDebounce } from './keyed-debounce';
import { type AnnotationDiagnostic, AnnotationStore, checkAnnotations, isAnnotationFileName, message, MESSAGES, type Taxonomy } from '../core/annotations';
import type { LetterAnchors } from './annotation-anchors';
import { excerpt } from './annotation-rules';
import { type AnnotationStores, baseName, isWorkspaceDocument, letterForAnnotationFile, type LetterAnnotations } from './annotation-stores';
import type { AnnotationTaxonomy } from './annotation-taxonomy';

export function toVscodeDiagnostic(d: AnnotationDiagnostic): vscode.Diagnostic {
  const range = new vscode.Range(d.line - 1, Math.max(0, d.column - 1), Math.max(d.line, d.endLine) - 1, Math.max(0, d.endColumn - 1));
  const severity = d.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning;
  const out = new vscode.Diagnostic(range, vscode.l10n.t(d.message.template, ...d.message.args), severity);
  out.source = 'kamerstuk';
  out.code = d.code;
  return out;
}

export class AnnotationDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('kamerstuk-annotations');
  private readonly debounce = new KeyedDebounce();
  private readonly disposables: vscode.Disposable[] = [];
  /**
   * Per annotation file: the file on disk parsed (for locations) and checked against the taxonomy, redone only when
   * the text on disk or the taxonomy changed, not on every re-anchoring while the letter is edited.
   */
  private readonly checked = new Map<string, { disk: string; store: AnnotationStore | undefined; taxonomy?: Taxonomy; diagnostics?: AnnotationDiagnostic[] }>();

  constructor(private readonly stores: AnnotationStores, private readonly anchors: LetterAnchors, private readonly taxonomy: AnnotationTaxonomy) {
    this.disposables.push(
      this.collection,
      this.debounce,
      stores.onDidChange((s) => this.refreshSoon(s.letter)),
      anchors.onDidChange((letter) => this.refreshSoon(letter)),
      taxonomy.onDidChange(() => stores.loaded().forEach((s) => this.refresh(s))),
      // An annotation file opened on its own: load it, so its problems show even if its letter is not open.
      vscode.workspace.onDidOpenTextDocument((d) => this.opened(d)),
    );
    vscode.workspace.textDocuments.forEach((d) => this.opened(d));
  }

  private opened(document: vscode.TextDocument): void {
    if (isWorkspaceDocument(document.uri) && isAnnotationFileName(baseName(document.uri))) void this.stores.get(letterForAnnotationFile(document.uri));
  }

  /** The diagnostics currently shown for an annotation file (test hook). */
  get(file: vscode.Uri): readonly vscode.Diagnostic[] {
    return this.collection.get(file) ?? [];
  }

  private refreshSoon(letter: vscode.Uri): void {
    this.debounce.schedule(letter.toString(), 100, () => {
      const state = this.stores.peek(letter);
      if (state) this.refresh(state);
    });
  }

  private refresh(state: LetterAnnotations): void {
    if (state.problems) {
      this.collection.set(state.file, state.problems.map(toVscodeDiagnostic));
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
    this.collection.set(state.file, out.map(toVscodeDiagnostic));
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
