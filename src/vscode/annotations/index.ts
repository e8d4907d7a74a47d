// The annotations area: tagging passages of letters — decorations, hover, context keys, the problems of annotation
// files and their quick fixes, the Annotations view and the tagging commands. The stores, anchors and revisions are built in services.ts.
import * as vscode from 'vscode';
import { combine } from '../common/disposable';
import type { Services } from '../../services';
import { registerAnnotationCommands } from './commands';
import { EditorContextKeys } from './editor/context-keys';
import { AnnotationDecorations } from './editor/decorations';
import { AnnotationDiagnostics } from './editor/diagnostics';
import { registerAnnotationHover } from './editor/hover';
import { registerAnnotationQuickFixes } from './editor/quick-fixes';
import { AnnotationsTree, createAnnotationsView } from './tree/annotations-tree';
import { registerViewArrangement } from './tree/arrange';

/** What the area shows, for the test API. */
export interface AnnotationsArea extends vscode.Disposable {
  readonly decorations: AnnotationDecorations;
  readonly diagnostics: AnnotationDiagnostics;
  readonly tree: AnnotationsTree;
}

export function register(services: Services): AnnotationsArea {
  const { stores, anchors, taxonomy, revisions } = services;
  const decorations = new AnnotationDecorations(anchors, taxonomy);
  const diagnostics = new AnnotationDiagnostics(stores, anchors, taxonomy);
  const tree = new AnnotationsTree(stores, anchors, taxonomy, revisions, services.workspaceIndex, services.context.workspaceState);
  const view = createAnnotationsView(tree);
  const all = combine(
    decorations,
    diagnostics,
    tree,
    view,
    registerViewArrangement(tree, view, taxonomy),
    registerAnnotationHover(anchors, taxonomy),
    registerAnnotationQuickFixes(),
    new EditorContextKeys(anchors, stores),
    registerAnnotationCommands(services, tree),
  );
  return { decorations, diagnostics, tree, dispose: () => all.dispose() };
}
