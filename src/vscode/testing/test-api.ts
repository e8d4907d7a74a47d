// What the integration tests may inspect, exported only when the extension runs in ExtensionMode.Test (never to
// other extensions in normal use): the services and what the editor currently shows.
import type * as vscode from 'vscode';
import type { AnchorResult } from '../../core/annotations';
import type { Services } from '../../services';
import type { AnnotationsArea } from '../annotations';
import type { LetterAnchors } from '../annotations/anchors';
import type { LetterRevisions } from '../annotations/revisions';
import type { AnnotationStores } from '../annotations/store/stores';
import type { AnnotationsTree } from '../annotations/tree/annotations-tree';
import type { CommitmentsArea } from '../commitments';
import type { MetadataArea } from '../metadata';
import type { DossierTree } from '../metadata/dossier-tree';
import type { RelatedService } from '../metadata/related-service';
import type { MetadataService } from '../metadata/metadata-service';
import type { WorkspaceCitationIndex } from '../workspace/citation-index';
import type { LetterIndex } from '../workspace/letter-index';
import { workspaceIndexTestApi, type WorkspaceIndexTestApi } from './workspace-index-test-api';

export interface AnnotationsTestApi {
  tagCounts(letter: vscode.Uri): Promise<Record<string, number> | undefined>;
  stores: AnnotationStores;
  anchors: LetterAnchors;
  view: AnnotationsTree;
  revisions: LetterRevisions;
  /** The ranges last decorated per tag key in the editor's document. */
  decorationRanges(editor: vscode.TextEditor): Record<string, vscode.Range[]>;
  /** The diagnostics shown for an annotation file. */
  diagnostics(file: vscode.Uri): readonly vscode.Diagnostic[];
  /** Anchor results of a letter, up to date with its store and open document. */
  anchorResults(letter: vscode.Uri): Promise<AnchorResult[]>;
  /** Messages the extension showed, oldest first. */
  messages(): readonly string[];
}

export interface TestApi {
  citations: WorkspaceCitationIndex;
  metadata: MetadataService;
  letters: LetterIndex;
  annotations: AnnotationsTestApi;
  related: RelatedService;
  /** The Dossier view's provider: `current()` gives the dossier and rows it shows. */
  dossier: DossierTree;
  /** The Commitments view's model, tree provider and status-bar hint. */
  commitments?: CommitmentsArea;
  /** The workspace index: statistics, a fresh service from storage, the Cited documents view's rows. */
  workspaceIndex: WorkspaceIndexTestApi;
}

export function createTestApi(services: Services, annotations: AnnotationsArea, metadata: MetadataArea, commitments?: CommitmentsArea): TestApi {
  return {
    citations: services.citations,
    metadata: services.metadata,
    letters: services.letters,
    related: services.related,
    dossier: metadata.dossier,
    ...(commitments ? { commitments } : {}),
    workspaceIndex: workspaceIndexTestApi(services),
    annotations: {
      tagCounts: (letter) => services.tagCounts(letter),
      stores: services.stores,
      anchors: services.anchors,
      view: annotations.tree,
      revisions: services.revisions,
      decorationRanges: (editor) => annotations.decorations.decorationRanges(editor),
      diagnostics: (file) => annotations.diagnostics.get(file),
      anchorResults: async (letter) => (await services.anchors.ensure(letter))?.items.map((i) => i.result) ?? [],
      messages: () => services.notifier.recentMessages(),
    },
  };
}
