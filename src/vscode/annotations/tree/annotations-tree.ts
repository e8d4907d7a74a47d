// The "Annotations" view: letters → tags → passages (quote excerpt, review status), orphans flagged for review
// with an inline "re-attach to selection" action; a letter replaced on disk shows what moved, changed or orphaned.
// The letters are those of the workspace index's annotation files (and of tags loaded in the stores); while the
// index's first build runs the view shows the files read so far and refreshes as more come in.
import * as vscode from 'vscode';
import {
  type Annotation,
  type AnnotationDiagnostic,
  type AnnotationFilter,
  type AnnotationGrouping,
  excerpt,
  groupKey,
  gutterIconDataUri,
  type LetterText,
  matchesFilter,
  NO_STATUS,
  orderedGroups,
  orderedTags,
  reviewOf,
  reviewProgress,
  type ReviewStatus,
} from '../../../core/annotations';
import { mapConcurrently } from '../../../core/async/map-concurrently';
import { isPendingSuggestion } from '../../../core/suggestions/marker';
import { LineIndex } from '../../../core/text/line-index';
import { Delayer } from '../../common/delay';
import { Disposable } from '../../common/disposable';
import { byCount } from '../../common/plural';
import { VIEWS } from '../../common/manifest-ids';
import { baseName } from '../../common/documents';
import type { WorkspaceIndexService } from '../../workspace/workspace-index';
import type { AnchoredLetter, LetterAnchors } from '../anchors';
import type { LetterRevisions } from '../revisions';
import { statusIcon, statusLabel } from '../status-labels';
import { letterForAnnotationFile } from '../store/paths';
import type { AnnotationStores } from '../store/stores';
import type { AnnotationTaxonomy } from '../taxonomy';

/** Annotation files read and letters anchored at a time. */
const PARALLEL_READS = 8;

export type AnnotationNode =
  | { kind: 'letter'; letter: vscode.Uri }
  | { kind: 'problem'; letter: vscode.Uri; problem: AnnotationDiagnostic; file: vscode.Uri }
  | { kind: 'tag'; letter: vscode.Uri; tag: string; count: number }
  | { kind: 'group'; letter: vscode.Uri; by: 'status' | 'author'; key: string; count: number }
  | {
      kind: 'passage';
      letter: vscode.Uri;
      id: string;
      annotation: Annotation;
      status: 'exact' | 'moved' | 'fuzzy' | 'orphaned';
      start: number;
      end: number;
      letterText: LetterText;
    };

const GROUPING_KEY = 'kamerstuk.annotations.grouping';
const FILTER_KEY = 'kamerstuk.annotations.filter';
/** The tooltip shows the whole passage up to this many characters. */
const FULL_PASSAGE = 3000;

export class AnnotationsTree extends Disposable implements vscode.TreeDataProvider<AnnotationNode> {
  private readonly emitter = this.register(new vscode.EventEmitter<AnnotationNode | undefined>());
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly delayer = this.register(new Delayer(150));
  /** Line starts of each anchored letter text, built once (for passages of letters that are not open). */
  private readonly lineIndexes = new WeakMap<LetterText, LineIndex>();

  private readonly arrangementEmitter = this.register(new vscode.EventEmitter<void>());
  /** The grouping or the filter changed (the view's description and context keys follow). */
  readonly onDidChangeArrangement = this.arrangementEmitter.event;
  private arrangement: { grouping: AnnotationGrouping; filter: AnnotationFilter };

  constructor(
    private readonly stores: AnnotationStores,
    private readonly anchors: LetterAnchors,
    private readonly taxonomy: AnnotationTaxonomy,
    private readonly revisions: LetterRevisions,
    /** Which annotation files the workspace has. */
    private readonly index: WorkspaceIndexService,
    /** Where the grouping and filter are kept between sessions (the workspace's state). */
    private readonly memory?: vscode.Memento,
  ) {
    super();
    this.arrangement = {
      grouping: memory?.get<AnnotationGrouping>(GROUPING_KEY) ?? 'tag',
      filter: memory?.get<AnnotationFilter>(FILTER_KEY) ?? {},
    };
    const soon = () => this.delayer.schedule(() => this.refresh());
    for (const event of [
      stores.onDidChange,
      stores.onDidChangeFiles,
      index.onDidChangeAnnotationFiles,
      anchors.onDidChange,
      revisions.onDidReport,
      taxonomy.onDidChange,
    ])
      this.register(event(soon));
  }

  refresh(): void {
    this.delayer.cancel();
    this.emitter.fire(undefined);
  }

  get grouping(): AnnotationGrouping {
    return this.arrangement.grouping;
  }

  get filter(): AnnotationFilter {
    return this.arrangement.filter;
  }

  /** Groups every letter's tags by tag, review status or author. */
  setGrouping(grouping: AnnotationGrouping): void {
    this.arrangement = { ...this.arrangement, grouping };
    void this.memory?.update(GROUPING_KEY, grouping);
    this.arrangementEmitter.fire();
    this.refresh();
  }

  /** Shows only tags with these tags and statuses (an empty filter shows all). */
  setFilter(filter: AnnotationFilter): void {
    this.arrangement = { ...this.arrangement, filter };
    void this.memory?.update(FILTER_KEY, filter);
    this.arrangementEmitter.fire();
    this.refresh();
  }

  async getChildren(node?: AnnotationNode): Promise<AnnotationNode[]> {
    if (!node) return this.letters();
    if (node.kind === 'letter') {
      const state = await this.stores.get(node.letter);
      if (state.problems) return state.problems.map((problem) => ({ kind: 'problem' as const, letter: node.letter, problem, file: state.file }));
      const { grouping: by, filter } = this.arrangement;
      const annotations = (state.store?.annotations() ?? []).filter((a) => matchesFilter(a, filter));
      const counts = new Map<string, number>();
      for (const a of annotations) counts.set(groupKey(a, by), (counts.get(groupKey(a, by)) ?? 0) + 1);
      if (by !== 'tag')
        return orderedGroups(by, counts.keys()).map((key) => ({ kind: 'group' as const, letter: node.letter, by, key, count: counts.get(key)! }));
      return orderedTags(this.taxonomy.taxonomy, counts.keys())
        .filter((tag) => counts.has(tag))
        .map((tag) => ({ kind: 'tag' as const, letter: node.letter, tag, count: counts.get(tag)! }));
    }
    if (node.kind === 'tag' || node.kind === 'group') {
      const anchored = await this.anchors.ensure(node.letter);
      const inGroup = (a: Annotation) => (node.kind === 'tag' ? a.tag === node.tag : groupKey(a, node.by) === node.key);
      return (anchored?.items ?? [])
        .filter((i) => inGroup(i.annotation) && matchesFilter(i.annotation, this.arrangement.filter))
        .map((i) => ({
          kind: 'passage' as const,
          letter: node.letter,
          id: i.annotation.id,
          annotation: i.annotation,
          status: i.result.status,
          start: i.result.start,
          end: i.result.end,
          letterText: anchored!.letterText,
        }));
    }
    return [];
  }

  getTreeItem(node: AnnotationNode): vscode.TreeItem {
    switch (node.kind) {
      case 'letter':
        return this.letterItem(node.letter);
      case 'problem': {
        const item = new vscode.TreeItem(vscode.l10n.t(node.problem.message.template, ...node.problem.message.args));
        item.description = vscode.l10n.t('line {0}', node.problem.line);
        item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
        const at = new vscode.Position(node.problem.line - 1, node.problem.column - 1);
        item.command = {
          command: 'vscode.open',
          title: vscode.l10n.t('Open annotation file'),
          arguments: [node.file, { selection: new vscode.Range(at, at) }],
        };
        return item;
      }
      case 'tag': {
        const item = new vscode.TreeItem(this.taxonomy.label(node.tag), vscode.TreeItemCollapsibleState.Expanded);
        item.id = `${node.letter.toString()}#tag:${node.tag}`;
        item.description = String(node.count);
        // The tag's gutter icon (colour and initial): the view is the legend of the letter's decorations.
        item.iconPath = vscode.Uri.parse(gutterIconDataUri(this.taxonomy.color(node.tag), this.taxonomy.label(node.tag)));
        item.contextValue = 'kamerstuk.tag';
        return item;
      }
      case 'group':
        return this.groupItem(node);
      case 'passage':
        return this.passageItem(node);
    }
  }

  private groupItem(node: AnnotationNode & { kind: 'group' }): vscode.TreeItem {
    const status = node.by === 'status' && node.key !== NO_STATUS ? (node.key as ReviewStatus) : undefined;
    const label = node.by === 'status' ? (status ? statusLabel(status) : vscode.l10n.t('no status')) : node.key || vscode.l10n.t('no author');
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
    item.id = `${node.letter.toString()}#${node.by}:${node.key}`;
    item.description = String(node.count);
    item.iconPath = node.by === 'status' ? statusIcon(status) : new vscode.ThemeIcon('person');
    item.contextValue = 'kamerstuk.group';
    return item;
  }

  private letterItem(letter: vscode.Uri): vscode.TreeItem {
    const item = new vscode.TreeItem(baseName(letter), vscode.TreeItemCollapsibleState.Expanded);
    item.id = letter.toString();
    item.resourceUri = letter;
    item.contextValue = 'kamerstuk.letter';
    const state = this.stores.peek(letter);
    const anchored = this.anchors.get(letter);
    const parts: string[] = [];
    if (state?.problems) {
      parts.push(vscode.l10n.t('annotation file has errors'));
      item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
    } else {
      const { reviewed, total } = reviewProgress(state?.store?.annotations() ?? []);
      parts.push(byCount(total, vscode.l10n.t('{0} tag', total), vscode.l10n.t('{0} tags', total)));
      if (total) parts.push(vscode.l10n.t('{0} of {1} reviewed', reviewed, total));
      const orphans = anchored ? orphanCount(anchored) : 0;
      if (orphans) parts.push(vscode.l10n.t('{0} orphaned', orphans));
      item.iconPath = orphans ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')) : vscode.ThemeIcon.File;
    }
    const report = this.revisions.report(letter);
    if (report) {
      parts.push(vscode.l10n.t('changed on disk: {0} moved, {1} changed, {2} orphaned', report.moved.length, report.changed.length, report.orphaned.length));
    }
    item.description = parts.join(' · ');
    item.tooltip = `${vscode.workspace.asRelativePath(letter)}\n${parts.join('\n')}`;
    item.command = { command: 'vscode.open', title: vscode.l10n.t('Open letter'), arguments: [letter] };
    return item;
  }

  private passageItem(node: AnnotationNode & { kind: 'passage' }): vscode.TreeItem {
    const a = node.annotation;
    const item = new vscode.TreeItem(excerpt(a.quote), vscode.TreeItemCollapsibleState.None);
    item.id = `${node.letter.toString()}#${a.id}`;
    const orphan = node.status === 'orphaned';
    const review = reviewOf(a, node);
    const description: string[] = [];
    if (orphan) description.push(vscode.l10n.t('orphaned — review'));
    else if (review.changed) description.push(vscode.l10n.t('passage changed — review'));
    if (a.status) description.push(review.suspended ? vscode.l10n.t('{0} (suspended)', statusLabel(a.status)) : statusLabel(a.status));
    if (a.note) description.push(excerpt(a.note, 40));
    item.description = description.join(' · ');
    item.iconPath = orphan || review.changed ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')) : statusIcon(a.status);
    item.contextValue = orphan
      ? 'kamerstuk.orphan'
      : review.changed
        ? 'kamerstuk.changed'
        : isPendingSuggestion(a)
          ? 'kamerstuk.suggestion'
          : 'kamerstuk.annotation';
    const tooltip = new vscode.MarkdownString(undefined, false);
    tooltip.supportHtml = false;
    tooltip.appendText(`${this.taxonomy.label(a.tag)}${a.status ? ` · ${statusLabel(a.status)}` : ''}\n\n`);
    tooltip.appendText(`“${a.quote.length > FULL_PASSAGE ? `${a.quote.slice(0, FULL_PASSAGE)}…` : a.quote}”`);
    if (a.note) tooltip.appendText(`\n\n${a.note}`);
    if (orphan) tooltip.appendText(`\n\n${vscode.l10n.t('This passage is no longer in the letter. Select its new text and re-attach the tag, or remove it.')}`);
    else if (review.changed) {
      const now = node.letterText.text.slice(node.start, node.end);
      tooltip.appendText(
        `\n\n${vscode.l10n.t('Text now:')} “${excerpt(now, 400)}”\n\n${vscode.l10n.t('Accept the new text to keep the tag on it, or re-attach the tag to other words.')}`,
      );
    }
    item.tooltip = tooltip;
    // Lines and characters of the canonical text (no BOM, LF) are the document's positions: VS Code counts neither.
    const lines = this.lineIndexOf(node.letterText);
    const pos = (offset: number) => {
      const { line, character } = lines.position(Math.max(0, Math.min(node.letterText.text.length, offset)));
      return new vscode.Position(line, character);
    };
    const range = new vscode.Range(pos(node.start), pos(orphan ? node.start : node.end));
    item.command = { command: 'vscode.open', title: vscode.l10n.t('Show passage'), arguments: [node.letter, { selection: range, preserveFocus: false }] };
    return item;
  }

  private lineIndexOf(letterText: LetterText): LineIndex {
    let index = this.lineIndexes.get(letterText);
    if (!index) this.lineIndexes.set(letterText, (index = new LineIndex(letterText.text)));
    return index;
  }

  private async letters(): Promise<AnnotationNode[]> {
    const letters = new Map<string, vscode.Uri>();
    for (const f of this.index.annotationFilesNow()) {
      const letter = letterForAnnotationFile(f);
      letters.set(letter.toString(), letter);
    }
    for (const s of this.stores.loaded()) if (s.store || s.problems) letters.set(s.letter.toString(), s.letter);
    const states = await mapConcurrently([...letters.values()], PARALLEL_READS, (l) => this.stores.get(l));
    await mapConcurrently(
      states.filter((s) => s.store && !s.problems),
      PARALLEL_READS,
      (s) => this.anchors.ensure(s.letter),
    );
    return states
      .filter((s) => s.store || s.problems)
      .map((s) => ({ kind: 'letter' as const, letter: s.letter }))
      .sort((a, b) => vscode.workspace.asRelativePath(a.letter).localeCompare(vscode.workspace.asRelativePath(b.letter), 'nl', { numeric: true }));
  }
}

function orphanCount(anchored: AnchoredLetter): number {
  return anchored.items.filter((i) => i.result.status === 'orphaned').length;
}

/** The Annotations view over `tree` (the tree is owned by the caller). */
export function createAnnotationsView(tree: AnnotationsTree): vscode.TreeView<AnnotationNode> {
  return vscode.window.createTreeView(VIEWS.annotations, { treeDataProvider: tree, showCollapseAll: true });
}
