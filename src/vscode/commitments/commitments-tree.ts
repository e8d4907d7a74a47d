// The "Commitments" view: every commitment of the workspace's letters, grouped by due month, ministry, dossier or
// state; overdue ones marked; the counts in the view's description and badge. An item opens its passage.
import * as vscode from 'vscode';
import type { LetterText } from '../../core/annotations';
import { type Commitment, type CommitmentGrouping, groupCommitments } from '../../core/commitments';
import { LineIndex } from '../../core/text/line-index';
import { Disposable } from '../common/disposable';
import { baseName } from '../common/documents';
import { VIEWS } from '../common/manifest-ids';
import { byCount } from '../common/plural';
import { isDutch } from '../common/settings';
import type { LetterAnchors } from '../annotations/anchors';
import { commitmentItem, commitmentItemId, passageRangeOf } from './commitment-items';
import { formatMonth, stateLabel } from './commitment-labels';
import type { CommitmentRegister, CommitmentsModel } from './commitments-model';
import { commitmentSettings } from './settings';

export type CommitmentNode =
  | { kind: 'group'; by: CommitmentGrouping; key: string; label: string; items: Commitment[] }
  | { kind: 'commitment'; commitment: Commitment; letter: vscode.Uri; id: string; range?: vscode.Range }
  | { kind: 'broken'; letter: vscode.Uri; file: vscode.Uri };

export class CommitmentsTree extends Disposable implements vscode.TreeDataProvider<CommitmentNode> {
  private readonly emitter = this.register(new vscode.EventEmitter<CommitmentNode | undefined>());
  readonly onDidChangeTreeData = this.emitter.event;
  private shown: CommitmentRegister | undefined;
  /** The group each commitment was last listed under (by its item id), so the view can reveal a commitment. */
  private readonly parents = new Map<string, CommitmentNode & { kind: 'group' }>();
  /** Line starts of each anchored letter text, built once. */
  private readonly lineIndexes = new WeakMap<LetterText, LineIndex>();

  constructor(
    private readonly model: CommitmentsModel,
    private readonly anchors: LetterAnchors,
  ) {
    super();
    this.register(model.onDidChange(() => this.emitter.fire(undefined)));
  }

  get grouping(): CommitmentGrouping {
    return commitmentSettings.groupBy();
  }

  refresh(): void {
    this.model.invalidate();
  }

  async getChildren(node?: CommitmentNode): Promise<CommitmentNode[]> {
    if (!node) {
      const register = (this.shown = await this.model.latest());
      this.parents.clear();
      const by = this.grouping;
      const groups = groupCommitments(register.commitments, by, { lang: isDutch() ? 'nl' : 'en' }).map((g) => ({
        kind: 'group' as const,
        by,
        key: g.key,
        label: g.label,
        items: g.items,
      }));
      const broken = register.letters.filter((l) => l.brokenFile).map((l) => ({ kind: 'broken' as const, letter: l.uri, file: l.brokenFile! }));
      return [...groups, ...broken];
    }
    if (node.kind !== 'group') return [];
    const register = this.shown ?? (await this.model.latest());
    const letters = new Map(node.items.map((c) => [c.letter.path, register.uriOf(c)]));
    // Where each passage is now (the letter may have been edited since the tag was stored).
    const anchored = new Map(await Promise.all([...letters].map(async ([path, uri]) => [path, await this.anchors.ensure(uri)] as const)));
    return node.items.map((c) => {
      const letter = letters.get(c.letter.path)!;
      const range = passageRangeOf(anchored.get(c.letter.path), c.annotation, (a) => this.lineIndexOf(a.letterText));
      this.parents.set(commitmentItemId(letter, c.annotation.id), node);
      return { kind: 'commitment' as const, commitment: c, letter, id: c.annotation.id, ...(range ? { range } : {}) };
    });
  }

  getParent(node: CommitmentNode): CommitmentNode | undefined {
    return node.kind === 'commitment' ? this.parents.get(commitmentItemId(node.letter, node.id)) : undefined;
  }

  private lineIndexOf(text: LetterText): LineIndex {
    let index = this.lineIndexes.get(text);
    if (!index) this.lineIndexes.set(text, (index = new LineIndex(text.text)));
    return index;
  }

  getTreeItem(node: CommitmentNode): vscode.TreeItem {
    switch (node.kind) {
      case 'group':
        return this.groupItem(node);
      case 'commitment':
        return commitmentItem(node.commitment, node.letter, node.range);
      case 'broken': {
        const item = new vscode.TreeItem(baseName(node.letter));
        item.id = `broken:${node.file.toString()}`;
        item.description = vscode.l10n.t('annotation file has errors: its commitments are not shown');
        item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
        item.command = { command: 'vscode.open', title: vscode.l10n.t('Open annotation file'), arguments: [node.file] };
        return item;
      }
    }
  }

  private groupItem(node: CommitmentNode & { kind: 'group' }): vscode.TreeItem {
    const overdue = node.items.filter((c) => c.overdue).length;
    const item = new vscode.TreeItem(groupLabel(node), vscode.TreeItemCollapsibleState.Expanded);
    item.id = `group:${node.by}:${node.key}`;
    item.description = overdue ? vscode.l10n.t('{0} · {1} overdue', node.items.length, overdue) : String(node.items.length);
    item.iconPath = overdue ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsErrorIcon.foreground')) : groupIcon(node.by);
    item.contextValue = 'commitmentGroup';
    return item;
  }

  /** The view's description: how many, how many overdue, and the grouping when it is not by month. */
  describe(register: CommitmentRegister | undefined): { description?: string; badge?: vscode.ViewBadge; message?: string } {
    if (!register) return {};
    const total = register.commitments.length;
    const overdue = register.commitments.filter((c) => c.overdue).length;
    const parts = [byCount(total, vscode.l10n.t('{0} commitment', total), vscode.l10n.t('{0} commitments', total))];
    if (overdue) parts.push(vscode.l10n.t('{0} overdue', overdue));
    if (this.grouping !== 'month') parts.push(groupedBy(this.grouping));
    const invalid = commitmentSettings.invalidReferenceDate();
    const messages = [
      ...(invalid
        ? [vscode.l10n.t('The reference date "{0}" is not a date (yyyy-mm-dd): overdue is measured against today, {1}.', invalid, register.today)]
        : []),
    ];
    return {
      description: parts.join(' · '),
      ...(overdue
        ? {
            badge: {
              value: overdue,
              tooltip: byCount(overdue, vscode.l10n.t('{0} commitment overdue', overdue), vscode.l10n.t('{0} commitments overdue', overdue)),
            },
          }
        : {}),
      ...(messages.length ? { message: messages.join(' ') } : {}),
    };
  }
}

/** The view's description part for a grouping other than by month: one whole phrase per grouping. */
function groupedBy(by: CommitmentGrouping): string {
  switch (by) {
    case 'month':
      return vscode.l10n.t('by due month');
    case 'ministry':
      return vscode.l10n.t('by ministry');
    case 'dossier':
      return vscode.l10n.t('by dossier');
    case 'status':
      return vscode.l10n.t('by state');
  }
}

export function groupingLabel(by: CommitmentGrouping): string {
  switch (by) {
    case 'month':
      return vscode.l10n.t('Due month');
    case 'ministry':
      return vscode.l10n.t('Ministry');
    case 'dossier':
      return vscode.l10n.t('Dossier');
    case 'status':
      return vscode.l10n.t('State');
  }
}

function groupLabel(node: { by: CommitmentGrouping; key: string; label: string; items: Commitment[] }): string {
  // Months in the display language's own words (core's labels are Dutch or English only).
  if (node.by === 'month' && /^\d{4}-\d{2}$/.test(node.key)) return formatMonth(node.key);
  if (node.by === 'status' && node.items[0]) return stateLabel(node.items[0].state);
  return node.label;
}

function groupIcon(by: CommitmentGrouping): vscode.ThemeIcon {
  return new vscode.ThemeIcon(by === 'month' ? 'calendar' : by === 'ministry' ? 'organization' : by === 'dossier' ? 'folder-library' : 'checklist');
}

/** The Commitments view over `tree`, its description and badge kept up to date. */
export function createCommitmentsView(tree: CommitmentsTree, model: CommitmentsModel): vscode.Disposable & { view: vscode.TreeView<CommitmentNode> } {
  const view = vscode.window.createTreeView(VIEWS.commitments, { treeDataProvider: tree, showCollapseAll: true });
  const update = (register = model.peek()) => {
    const { description, badge, message } = tree.describe(register);
    view.description = description;
    view.badge = badge;
    view.message = message;
  };
  const listening = model.onDidChange((r) => update(r));
  update();
  return { view, dispose: () => (listening.dispose(), view.dispose()) };
}
