// Tagging passages of letters: wires the annotation store, anchoring, decorations, hover, view, diagnostics and
// commands, and returns the API the citation hover and the integration tests use.
import * as vscode from 'vscode';
import type { AnchorResult } from '../core/annotations';
import { AnnotationAuthor } from './annotation-author';
import { LetterAnchors } from './annotation-anchors';
import { registerAnnotationCommands } from './annotation-commands';
import { registerTaggedPassageContext } from './annotation-context';
import { AnnotationDecorations } from './annotation-decorations';
import { AnnotationDiagnostics } from './annotation-diagnostics';
import { registerAnnotationHover } from './annotation-hover';
import { recentMessages } from './annotation-messages';
import { LetterRevisions } from './annotation-revisions';
import { tagCountsByLabel } from './annotation-rules';
import { AnnotationStores } from './annotation-stores';
import { AnnotationTaxonomy } from './annotation-taxonomy';
import { AnnotationsView, registerAnnotationsView } from './annotation-view';
import { isDutch } from './settings';
import { WorkspaceLetters } from './workspace-letters';

export interface AnnotationsApi {
  /** Tagged passages per tag label of a letter with an annotation file (for citation hovers). */
  tagCounts(letter: vscode.Uri): Promise<Record<string, number> | undefined>;
  stores: AnnotationStores;
  anchors: LetterAnchors;
  view: AnnotationsView;
  revisions: LetterRevisions;
  /** Test hook: the ranges last decorated per tag key in the editor's document. */
  decorationRanges(editor: vscode.TextEditor): Record<string, vscode.Range[]>;
  /** Test hook: the diagnostics shown for an annotation file. */
  diagnostics(file: vscode.Uri): readonly vscode.Diagnostic[];
  /** Test hook: anchor results of a letter, up to date with its store and open document. */
  anchorResults(letter: vscode.Uri): Promise<AnchorResult[]>;
  /** Test hook: messages the annotation commands showed, oldest first. */
  messages(): readonly string[];
}

export function registerAnnotations(context: vscode.ExtensionContext): AnnotationsApi {
  const taxonomy = new AnnotationTaxonomy();
  const stores = new AnnotationStores();
  const anchors = new LetterAnchors(stores);
  const revisions = new LetterRevisions(stores, anchors);
  const decorations = new AnnotationDecorations(anchors, taxonomy);
  const diagnostics = new AnnotationDiagnostics(stores, anchors, taxonomy);
  const letters = new WorkspaceLetters();
  const view = new AnnotationsView(stores, anchors, taxonomy, revisions);
  const author = new AnnotationAuthor();
  context.subscriptions.push(taxonomy, stores, anchors, revisions, decorations, diagnostics, letters);
  registerAnnotationsView(context, view);
  registerAnnotationHover(context, anchors, taxonomy);
  registerAnnotationCommands(context, { stores, anchors, taxonomy, author, letters, view });
  registerTaggedPassageContext(context, anchors);

  return {
    tagCounts: async (letter) => {
      const state = await stores.get(letter);
      if (!state.store || state.problems) return undefined;
      return tagCountsByLabel(state.store.annotations(), taxonomy.taxonomy, !isDutch());
    },
    stores,
    anchors,
    view,
    revisions,
    decorationRanges: (editor) => decorations.decorationRanges(editor),
    diagnostics: (file) => diagnostics.get(file),
    anchorResults: async (letter) => (await anchors.ensure(letter))?.items.map((i) => i.result) ?? [],
    messages: () => recentMessages(),
  };
}
