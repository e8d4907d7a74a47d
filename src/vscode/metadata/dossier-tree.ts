// The "Dossier" view: every document of the dossier of the letter or note in the editor, newest first, those in
// the workspace and those cited by the note marked. Local first: what the team catalog, the cache and the bundled
// catalog know shows at once; the API's full list is asked in the background and replaces it when it comes (an
// expired list stays while the new one loads). Follows the active editor; a build started before a refresh never
// overwrites what a later one shows. Items open the workspace letter when there is one, else the official
// publication.
import * as vscode from 'vscode';
import type { DossierEntry, DossierListing } from '../../core/metadata';
import { COMMANDS, registerCommand } from '../common/commands';
import { Delayer } from '../common/delay';
import { combine, Disposable } from '../common/disposable';
import { VIEWS } from '../common/manifest-ids';
import type { WorkspaceCitationIndex } from '../workspace/citation-index';
import type { LetterIndex } from '../workspace/letter-index';
import { dossierOfDocument, type DossierRef } from './dossier-of-editor';
import type { MetadataService } from './metadata-service';
import type { RelatedService } from './related-service';

export type DossierNode = { type: 'document'; entry: DossierEntry; letter?: vscode.Uri; cited: boolean } | { type: 'message'; text: string };

/** What the view shows now: for tests and the view's title. */
export interface DossierState {
  dossier?: DossierRef & { titel?: string };
  status?: DossierListing['status'] | 'loading';
  /** The API's list had more pages than were read. */
  truncated?: boolean;
  /** The view's message: where the list comes from when not (all) from the API. */
  message?: string;
  nodes: DossierNode[];
}

/** The dossier's key in `lastFromApi`. */
const keyOf = (d: DossierRef) => `${d.nummer}-${d.toevoeging ?? ''}`;

export class DossierTree extends Disposable implements vscode.TreeDataProvider<DossierNode> {
  private readonly emitter = this.register(new vscode.EventEmitter<DossierNode | undefined>());
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly delayer = this.register(new Delayer(300));
  private state: Promise<DossierState> | undefined;
  /** Raised by refresh: a build of an older generation does not touch the view. */
  private generation = 0;
  /** The API's last list per dossier shown, kept on screen while a newer one loads. */
  private lastFromApi: { key: string; listing: DossierListing } | undefined;
  /** The markdown document last active: the view keeps its dossier while another kind of editor has the focus. */
  private document: vscode.TextDocument | undefined;
  view: vscode.TreeView<DossierNode> | undefined;

  constructor(
    private readonly citations: WorkspaceCitationIndex,
    private readonly letters: LetterIndex,
    private readonly metadata: MetadataService,
    private readonly related: RelatedService,
  ) {
    super();
    const soon = () => this.delayer.schedule(() => this.refresh());
    const follow = (e: vscode.TextEditor | undefined) => {
      if (e?.document.languageId !== 'markdown' || e.document === this.document) return false;
      this.document = e.document;
      return true;
    };
    follow(vscode.window.activeTextEditor);
    this.register(vscode.window.onDidChangeActiveTextEditor((e) => follow(e) && this.refresh()));
    this.register(vscode.workspace.onDidCloseTextDocument((d) => d === this.document && ((this.document = undefined), this.refresh())));
    // Only the note shown counts: what it cites marks the rows and may decide the dossier.
    this.register(citations.onDidChange((uri) => uri.toString() === this.document?.uri.toString() && soon()));
    this.register(related.onDidLearn(soon));
    this.register(metadata.onDidChange(soon));
    this.register(metadata.onDidChangeStatus(soon));
  }

  refresh(): void {
    this.delayer.cancel();
    this.generation++;
    this.state = undefined;
    this.emitter.fire(undefined);
  }

  /** The dossier shown and its rows, as the view would show them now. A failed build is not kept. */
  current(): Promise<DossierState> {
    if (!this.state) {
      const generation = this.generation;
      const state = this.build().then((s) => {
        if (generation === this.generation) this.describe(s);
        return s;
      });
      state.catch(() => {
        if (this.state === state) this.state = undefined;
      });
      this.state = state;
    }
    return this.state;
  }

  async getChildren(node?: DossierNode): Promise<DossierNode[]> {
    return node ? [] : (await this.current()).nodes;
  }

  getTreeItem(node: DossierNode): vscode.TreeItem {
    if (node.type === 'message') {
      const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
      item.id = `message:${node.text}`;
      item.iconPath = new vscode.ThemeIcon('info');
      item.contextValue = 'kamerstuk.dossierMessage';
      return item;
    }
    const { entry, letter, cited } = node;
    const item = new vscode.TreeItem(entry.title ?? entry.id, vscode.TreeItemCollapsibleState.None);
    // A stable id: focus and selection stay on the same document when the list is rebuilt.
    item.id = entry.id;
    const marks = [letter ? vscode.l10n.t('in workspace') : undefined, cited ? vscode.l10n.t('cited here') : undefined].filter(Boolean);
    item.description = [entry.date, entry.soort, ...marks].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon(cited ? 'bookmark' : letter ? 'file-text' : 'globe');
    item.contextValue = 'kamerstuk.dossierDocument';
    const tooltip = [entry.id, entry.title, [entry.soort, entry.date].filter(Boolean).join(', '), ...marks].filter(Boolean).join('\n');
    item.tooltip = tooltip;
    item.accessibilityInformation = { label: tooltip.replace(/\n/g, ', ') };
    item.command = letter
      ? { command: 'vscode.open', title: vscode.l10n.t('Open letter in workspace'), arguments: [letter] }
      : { command: COMMANDS.openCitedDocument, title: vscode.l10n.t('Open official publication'), arguments: [entry.id] };
    return item;
  }

  private async build(): Promise<DossierState> {
    const document = this.document;
    const refs = document ? this.citations.get(document).refs : [];
    const dossier = document ? dossierOfDocument(document, refs, this.metadata) : undefined;
    if (!dossier) return { nodes: [] };
    const { nummer, toevoeging } = dossier;
    const key = keyOf(dossier);
    const remembered = this.related.peekDossier(nummer, toevoeging);
    if (remembered?.status === 'ok') this.lastFromApi = { key, listing: remembered };
    if (!remembered) this.related.lookUpDossierSoon(nummer, toevoeging);
    const loading = !remembered && this.related.isLookingUpDossier(nummer, toevoeging);
    // While a new list loads, the API's previous one stays (no flicker back to the local records).
    const previous = loading && this.lastFromApi?.key === key ? this.lastFromApi.listing : undefined;
    const listing = remembered ?? previous ?? (await this.related.localDossier(nummer, toevoeging));
    const canonical = (id: string) => this.metadata.canonicalId(id);
    const citedIds = new Set(refs.flatMap((r) => (r.id ? [canonical(r.id)] : [])));
    const lettersById = new Map<string, vscode.Uri>();
    for (const [id, uri] of await this.letters.all()) if (!lettersById.has(canonical(id))) lettersById.set(canonical(id), uri);
    const idsOf = (e: DossierEntry) => [e.id, ...(e.aliases ?? []), ...(e.documentnummer ? [e.documentnummer] : [])].map(canonical);
    const seen = new Set<string>();
    const nodes: DossierNode[] = listing.documents.flatMap((entry): DossierNode[] => {
      // Tree item ids must be unique.
      if (seen.has(entry.id)) return [];
      seen.add(entry.id);
      const ids = idsOf(entry);
      const letter = ids.map((x) => lettersById.get(x)).find(Boolean);
      return [{ type: 'document', entry, ...(letter ? { letter } : {}), cited: ids.some((x) => citedIds.has(x)) }];
    });
    if (nodes.length === 0) nodes.push({ type: 'message', text: vscode.l10n.t('No documents of this dossier are known.') });
    const status = loading ? 'loading' : listing.status;
    const truncated = listing.truncated === true;
    const message =
      status === 'loading'
        ? previous
          ? vscode.l10n.t('Looking up the dossier at the Tweede Kamer API again; showing the list it gave before.')
          : vscode.l10n.t('Looking up the dossier at the Tweede Kamer API; showing what is known locally.')
        : status === 'offline'
          ? vscode.l10n.t('Offline: only the documents the team catalog, the cache and the bundled catalog know.')
          : status === 'error'
            ? vscode.l10n.t('The Tweede Kamer API did not answer; showing what is known locally.')
            : truncated
              ? vscode.l10n.t('Showing the newest {0} documents; the dossier has more.', listing.documents.length)
              : undefined;
    return {
      dossier: { ...dossier, ...(listing.titel ? { titel: listing.titel } : {}) },
      status,
      ...(truncated ? { truncated } : {}),
      ...(message ? { message } : {}),
      nodes,
    };
  }

  /** The view's description (the dossier) and message. */
  private describe(state: DossierState): void {
    if (!this.view) return;
    const d = state.dossier;
    const nr = d ? [d.nummer, d.toevoeging].filter(Boolean).join(' ') : undefined;
    this.view.description = d ? (d.titel ? vscode.l10n.t('Dossier {0}: {1}', nr!, d.titel) : vscode.l10n.t('Dossier {0}', nr!)) : undefined;
    this.view.message = state.message;
  }
}

export function registerDossierTree(citations: WorkspaceCitationIndex, letters: LetterIndex, metadata: MetadataService, related: RelatedService) {
  const tree = new DossierTree(citations, letters, metadata, related);
  const view = vscode.window.createTreeView(VIEWS.dossier, { treeDataProvider: tree });
  tree.view = view;
  const disposable = combine(
    tree,
    view,
    registerCommand(COMMANDS.refreshDossier, () => {
      related.forget();
      tree.refresh();
    }),
  );
  return { tree, dispose: () => disposable.dispose() };
}
