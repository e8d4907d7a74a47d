// The "Cited documents" view: per cited document (with its title when known, one row for all its aliases), the
// notes that cite it. Rows come from the workspace index's counts; a document's notes are looked up when its row
// is expanded, so a workspace of thousands of notes builds no ranges it does not show.
import * as vscode from 'vscode';
import { COMMANDS, registerCommand } from '../common/commands';
import { Delayer } from '../common/delay';
import { combine, Disposable } from '../common/disposable';
import { VIEWS } from '../common/manifest-ids';
import { byCount } from '../common/plural';
import type { MetadataService } from '../metadata/metadata-service';
import type { WorkspaceCitationIndex } from '../workspace/citation-index';
import type { WorkspaceIndexService } from '../workspace/workspace-index';

const LOOKUPS_PER_REFRESH = 50;

export type CitedNode = Node;
type Node =
  { type: 'document'; id: string; title?: string; aliases: Set<string>; count: number } | { type: 'note'; id: string; uri: vscode.Uri; ranges: vscode.Range[] };

/** Dutch order with numbers by value; one collator (localeCompare with a locale builds one per comparison, slow for thousands of rows). */
const DUTCH = new Intl.Collator('nl', { numeric: true });

export class CitedDocumentsTree extends Disposable implements vscode.TreeDataProvider<Node> {
  private readonly emitter = this.register(new vscode.EventEmitter<Node | undefined>());
  readonly onDidChangeTreeData = this.emitter.event;
  private roots: Promise<Node[]> | undefined;
  private readonly delayer = this.register(new Delayer(700));

  constructor(
    citations: WorkspaceCitationIndex,
    private readonly index: WorkspaceIndexService,
    private readonly metadata: MetadataService,
  ) {
    super();
    const soon = () => this.delayer.schedule(() => this.refresh());
    this.register(citations.onDidChange(soon));
    this.register(index.onDidChange(soon));
    this.register(metadata.onDidChange(soon));
  }

  refresh(): void {
    this.delayer.cancel();
    this.roots = undefined;
    this.emitter.fire(undefined);
  }

  getChildren(node?: Node): vscode.ProviderResult<Node[]> {
    if (!node) {
      // The first scan of a large workspace takes a moment: show progress on the view.
      return (this.roots ??= Promise.resolve(vscode.window.withProgress({ location: { viewId: VIEWS.citedDocuments } }, () => this.build())));
    }
    if (node.type === 'document') return this.notesCiting(node);
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.type === 'document') {
      const item = new vscode.TreeItem(node.title ?? node.id, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = node.title ? node.id : undefined;
      item.tooltip = `${node.id}${node.title ? `\n${node.title}` : ''}`;
      item.iconPath = new vscode.ThemeIcon('file-text');
      item.contextValue = 'kamerstuk.citedDocument';
      item.command = { command: COMMANDS.openCitedDocument, title: vscode.l10n.t('Open cited document'), arguments: [node.id] };
      return item;
    }
    const item = new vscode.TreeItem(vscode.workspace.asRelativePath(node.uri), vscode.TreeItemCollapsibleState.None);
    const n = node.ranges.length;
    item.description = byCount(n, vscode.l10n.t('{0} citation', n), vscode.l10n.t('{0} citations', n));
    item.resourceUri = node.uri;
    item.iconPath = vscode.ThemeIcon.File;
    item.command = { command: 'vscode.open', title: vscode.l10n.t('Open note'), arguments: [node.uri, { selection: node.ranges[0] }] };
    return item;
  }

  /** The notes citing a document under any of its aliases, each with the ranges of its citations. */
  private async notesCiting(node: Node & { type: 'document' }): Promise<Node[]> {
    const notes = new Map<string, Node & { type: 'note' }>();
    for (const place of await this.index.citing((id) => node.aliases.has(id))) {
      const key = place.uri.toString();
      let note = notes.get(key);
      if (!note) notes.set(key, (note = { type: 'note', id: node.id, uri: place.uri, ranges: [] }));
      note.ranges.push(place.range);
    }
    for (const n of notes.values()) n.ranges.sort((a, b) => a.start.compareTo(b.start));
    const rows = [...notes.values()].map((n) => ({ n, path: vscode.workspace.asRelativePath(n.uri) }));
    return rows.sort((a, b) => DUTCH.compare(a.path, b.path)).map((r) => r.n);
  }

  private async build(): Promise<Node[]> {
    const byId = new Map<string, Node & { type: 'document' }>();
    for (const [cited, count] of await this.index.citedIds()) {
      // One row per document, whatever alias a note cites it by.
      const id = this.metadata.canonicalId(cited);
      let doc = byId.get(id);
      if (!doc) byId.set(id, (doc = { type: 'document', id, aliases: new Set(), count: 0 }));
      doc.aliases.add(cited);
      doc.count += count;
    }
    const docs = [...byId.values()];
    // Titles: look up the first documents (waiting at most 300 ms each; lookups finish in the background and a
    // later refresh shows them); for the rest only what is already in memory, so a large workspace sends no burst.
    const resolver = this.metadata.resolver;
    await Promise.all(
      docs.map(async (d, i) => (d.title = (i < LOOKUPS_PER_REFRESH ? await resolver.get(d.id, { timeoutMs: 300 }) : resolver.peek(d.id))?.title)),
    );
    return docs.sort((a, b) => DUTCH.compare(a.id, b.id));
  }
}

export function registerCitedDocumentsTree(citations: WorkspaceCitationIndex, index: WorkspaceIndexService, metadata: MetadataService): vscode.Disposable {
  const tree = new CitedDocumentsTree(citations, index, metadata);
  return combine(
    tree,
    vscode.window.createTreeView(VIEWS.citedDocuments, { treeDataProvider: tree, showCollapseAll: true }),
    registerCommand(COMMANDS.refreshCitedDocuments, () => tree.refresh()),
  );
}
