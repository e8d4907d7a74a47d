// The one composition root: every service of the editor layer is built here, once, and handed to the areas.
// Disposing the result disposes them all, in reverse order of creation.
import * as vscode from 'vscode';
import { canonicalTag, tagCountsByLabel } from './core/annotations';
import { LetterFrontMatterSource } from './core/metadata';
import { combine } from './vscode/common/disposable';
import { Notifier } from './vscode/common/notify';
import { isDutch } from './vscode/common/settings';
import { LetterAnchors } from './vscode/annotations/anchors';
import { AnnotationAuthor } from './vscode/annotations/author';
import { LetterRevisions } from './vscode/annotations/revisions';
import { AnnotationStores } from './vscode/annotations/store/stores';
import { AnnotationTaxonomy } from './vscode/annotations/taxonomy';
import { MetadataService } from './vscode/metadata/metadata-service';
import { RelatedService } from './vscode/metadata/related-service';
import { WorkspaceCitationIndex } from './vscode/workspace/citation-index';
import { LetterIndex } from './vscode/workspace/letter-index';
import { MarkdownFiles } from './vscode/workspace/markdown-files';
import { WorkspaceIndexService } from './vscode/workspace/workspace-index';

export interface Services extends vscode.Disposable {
  readonly context: vscode.ExtensionContext;
  /** Messages to the user (remembered for the test API). */
  readonly notifier: Notifier;
  /** The one watcher of the workspace's markdown files. */
  readonly markdownFiles: MarkdownFiles;
  /** Which notes cite what, which letters and annotation files exist: the whole workspace, saved between sessions. */
  readonly workspaceIndex: WorkspaceIndexService;
  /** Citations per open note. */
  readonly citations: WorkspaceCitationIndex;
  /** The workspace's letters by canonical id. */
  readonly letters: LetterIndex;
  /** Document metadata: team catalog, cache, Tweede Kamer API, bundled catalog. */
  readonly metadata: MetadataService;
  /** Related documents of a kamerstuk and the documents of a dossier (remembered briefly, looked up in the background). */
  readonly related: RelatedService;
  /** The team's tags (`kamerstuk.tags`). */
  readonly taxonomy: AnnotationTaxonomy;
  /** The annotation file of each letter. */
  readonly stores: AnnotationStores;
  /** Where each letter's tags are now. */
  readonly anchors: LetterAnchors;
  /** Stored positions kept in step with revisions of the letter. */
  readonly revisions: LetterRevisions;
  readonly author: AnnotationAuthor;
  /** Tagged passages per tag label of a letter with a readable annotation file (for citation hovers). */
  tagCounts(letter: vscode.Uri): Promise<Record<string, number> | undefined>;
}

export function createServices(context: vscode.ExtensionContext): Services {
  const owned: vscode.Disposable[] = [];
  const own = <T extends vscode.Disposable>(item: T): T => (owned.push(item), item);

  const notifier = new Notifier();
  const markdownFiles = own(new MarkdownFiles());
  const workspaceIndex = own(
    new WorkspaceIndexService({
      extensionUri: context.extensionUri,
      storageUri: context.storageUri,
      notifier,
    }),
  );
  // The first build starts now: it loads the saved index and reads only what changed, off the extension host's thread.
  void workspaceIndex.ready();
  const citations = own(new WorkspaceCitationIndex(markdownFiles, workspaceIndex));
  const letters = own(new LetterIndex(workspaceIndex));
  // A letter's front matter answers for it at once; the first scan of the workspace is waited for only briefly.
  const metadata = own(new MetadataService(context.globalStorageUri, notifier, new LetterFrontMatterSource((id) => letters.frontMatterSoon(id, 50))));
  letters.useAliases((id) => metadata.canonicalId(id));
  const related = own(new RelatedService(metadata));
  const taxonomy = own(new AnnotationTaxonomy());
  const stores = own(new AnnotationStores(notifier, (tag) => canonicalTag(taxonomy.taxonomy, tag)));
  const anchors = own(new LetterAnchors(stores));
  const revisions = own(new LetterRevisions(stores, anchors, markdownFiles, notifier));

  return {
    context,
    notifier,
    markdownFiles,
    workspaceIndex,
    citations,
    letters,
    metadata,
    related,
    taxonomy,
    stores,
    anchors,
    revisions,
    author: new AnnotationAuthor(),
    async tagCounts(letter) {
      const state = await stores.get(letter);
      if (!state.store || state.problems) return undefined;
      return tagCountsByLabel(state.store.annotations(), taxonomy.taxonomy, !isDutch());
    },
    dispose: combine(...owned).dispose,
  };
}
