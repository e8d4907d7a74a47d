// Arranging the Annotations view: "Group by…" (tag, review status, author) and "Filter…" (some tags, some
// statuses), from the view's title bar; the view's description says what is shown when it is not everything.
import * as vscode from 'vscode';
import { type AnnotationGrouping, isFiltering, NO_STATUS, REVIEW_STATUSES, type StatusKey } from '../../../core/annotations';
import { COMMANDS, registerCommand } from '../../common/commands';
import { combine } from '../../common/disposable';
import { CONTEXT_KEYS } from '../../common/manifest-ids';
import { statusLabel } from '../status-labels';
import type { AnnotationTaxonomy } from '../taxonomy';
import type { AnnotationNode, AnnotationsTree } from './annotations-tree';

export function registerViewArrangement(tree: AnnotationsTree, view: vscode.TreeView<AnnotationNode>, taxonomy: AnnotationTaxonomy): vscode.Disposable {
  const describe = () => {
    view.description = description(tree, taxonomy);
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.annotationsFiltered, isFiltering(tree.filter));
  };
  describe();
  return combine(
    tree.onDidChangeArrangement(describe),
    registerCommand(COMMANDS.groupAnnotations, async (by?: unknown) => {
      const grouping = isGrouping(by) ? by : await pickGrouping(tree.grouping);
      if (grouping) tree.setGrouping(grouping);
    }),
    registerCommand(COMMANDS.filterAnnotations, async (filter?: unknown) => {
      const chosen = isFilterArgument(filter) ? filter : await pickFilter(tree, taxonomy);
      if (chosen) tree.setFilter(chosen);
    }),
    registerCommand(COMMANDS.clearAnnotationFilter, () => tree.setFilter({})),
  );
}

const groupingLabel = (by: AnnotationGrouping): string =>
  by === 'tag' ? vscode.l10n.t('Tag') : by === 'status' ? vscode.l10n.t('Review status') : vscode.l10n.t('Author');

const statusKeyLabel = (key: StatusKey): string => (key === NO_STATUS ? vscode.l10n.t('no status') : statusLabel(key));

function description(tree: AnnotationsTree, taxonomy: AnnotationTaxonomy): string | undefined {
  const parts: string[] = [];
  if (tree.grouping !== 'tag') parts.push(vscode.l10n.t('by {0}', groupingLabel(tree.grouping).toLowerCase()));
  const shown = [...(tree.filter.tags ?? []).map((t) => taxonomy.label(t)), ...(tree.filter.statuses ?? []).map(statusKeyLabel)];
  if (shown.length) parts.push(vscode.l10n.t('only {0}', shown.join(', ')));
  return parts.length ? parts.join(' · ') : undefined;
}

const isGrouping = (v: unknown): v is AnnotationGrouping => v === 'tag' || v === 'status' || v === 'author';

function isFilterArgument(v: unknown): v is { tags?: string[]; statuses?: StatusKey[] } {
  return !!v && typeof v === 'object' && ('tags' in v || 'statuses' in v);
}

async function pickGrouping(current: AnnotationGrouping): Promise<AnnotationGrouping | undefined> {
  const items = (['tag', 'status', 'author'] as const).map((by) => ({ label: groupingLabel(by), by, picked: by === current }));
  const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Group the tags of each letter by…') });
  return picked?.by;
}

async function pickFilter(tree: AnnotationsTree, taxonomy: AnnotationTaxonomy): Promise<{ tags: string[]; statuses: StatusKey[] } | undefined> {
  type Item = vscode.QuickPickItem & ({ tag: string } | { status: StatusKey });
  const { tags = [], statuses = [] } = tree.filter;
  const items: (Item | vscode.QuickPickItem)[] = [
    { label: vscode.l10n.t('Tags'), kind: vscode.QuickPickItemKind.Separator },
    ...[...taxonomy.taxonomy.keys()].map((tag) => ({ label: taxonomy.label(tag), tag, picked: tags.includes(tag) })),
    { label: vscode.l10n.t('Review status'), kind: vscode.QuickPickItemKind.Separator },
    ...([...REVIEW_STATUSES, NO_STATUS] as StatusKey[]).map((status) => ({ label: statusKeyLabel(status), status, picked: statuses.includes(status) })),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    placeHolder: vscode.l10n.t('Show only tags with these tags and statuses (none picked: all)'),
  });
  if (!picked) return undefined;
  return {
    tags: picked.flatMap((i) => ('tag' in i ? [i.tag] : [])),
    statuses: picked.flatMap((i) => ('status' in i ? [i.status] : [])),
  };
}
