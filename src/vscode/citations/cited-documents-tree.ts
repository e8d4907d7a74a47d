// The "Cited documents" view: per cited document (with its title when known, one row for all its aliases), the
// notes that cite it.
import * as vscode from 'vscode';
import { COMMANDS, registerCommand } from '../common/commands';
import { rangeIn } from '../common/convert';
import { Delayer } from '../common/delay';
import { combine, Disposable } from '../common/disposable';
import { VIEWS } from '../common/manifest-ids';
import { byCount } from '../common/plural';
import type { MetadataService } from '../metadata/metadata-service';
import type { WorkspaceCitationIndex } from '../workspace/citation-index';

const LOOKUPS_PER_REFRESH = 50;

type Node =
  | { type: 'document'; id: string; title?: string; notes: Map<string, { uri: vscode.Uri; ranges: vscode.Range[] }> }
  | { type: 'note'; id: string; uri: vscode.Uri; ranges: vscode.Range[] };

class CitedDocumentsTree extends Disposable implements vscode.TreeDataProvider<Node> {
  private readonly emitter = this.register(new vscode.EventEmitter<Node | undefined>());
  readonly onDidChangeTreeData = this.emitter.event;
  private roots: Promise<Node[]> | undefined;
  private readonly delayer = this.register(new Delayer(700));

  constructor(
    private readonly citations: WorkspaceCitationIndex,
    private readonly metadata: MetadataService,
  ) {
    super();
    const soon = () => this.delayer.schedule(() => this.refresh());
    this.register(citations.onDidChange(soon));
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
    if (node.type === 'document') return [...node.notes.values()].map((n) => ({ type: 'note' as const, id: node.id, uri: n.uri, ranges: n.ranges }));
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

  private async build(): Promise<Node[]> {
    const byId = new Map<string, Node & { type: 'document' }>();
    for (const file of await this.citations.workspace()) {
      for (const r of file.refs) {
        if (!r.id) continue;
        // One row per document, whatever alias a note cites it by.
        const id = this.metadata.canonicalId(r.id);
        let doc = byId.get(id);
        if (!doc) byId.set(id, (doc = { type: 'document', id, notes: new Map() }));
        const key = file.uri.toString();
        let note = doc.notes.get(key);
        if (!note) doc.notes.set(key, (note = { uri: file.uri, ranges: [] }));
        note.ranges.push(rangeIn(file.lines, r.start, r.end));
      }
    }
    const docs = [...byId.values()];
    // Titles: look up the first documents (waiting at most 300 ms each; lookups finish in the background and a
    // later refresh shows them); for the rest only what is already in memory, so a large workspace sends no burst.
    const resolver = this.metadata.resolver;
    await Promise.all(
      docs.map(async (d, i) => (d.title = (i < LOOKUPS_PER_REFRESH ? await resolver.get(d.id, { timeoutMs: 300 }) : resolver.peek(d.id))?.title)),
    );
    return docs.sort((a, b) => a.id.localeCompare(b.id, 'nl', { numeric: true }));
  }
}

export function registerCitedDocumentsTree(citations: WorkspaceCitationIndex, metadata: MetadataService): vscode.Disposable {
  const tree = new CitedDocumentsTree(citations, metadata);
  return combine(
    tree,
    vscode.window.createTreeView(VIEWS.citedDocuments, { treeDataProvider: tree, showCollapseAll: true }),
    registerCommand(COMMANDS.refreshCitedDocuments, () => tree.refresh()),
  );
}
