// The commitments area: the register of commitments across the workspace's letters — the Commitments view, the
// status-bar hint for the current letter, follow-up commands (fulfilled, partly, dropped, reopen, due date), the
// export, and the due date stored when a commitment is tagged. The hover's lines come from due-hover.ts.
import * as vscode from 'vscode';
import type { Services } from '../../services';
import { annotationFailureReporter } from '../annotations/commands/failure';
import { COMMANDS, registerCommand } from '../common/commands';
import { combine } from '../common/disposable';
import type { CommitmentCommandDeps } from './commitment-target';
import { CommitmentContextKey } from './context-key';
import { CommitmentsModel } from './commitments-model';
import { type CommitmentNode, CommitmentsTree, createCommitmentsView, groupingLabel } from './commitments-tree';
import { DueOnTag } from './due-on-tag';
import { editDue } from './edit-due';
import { exportCommitments } from './export-commitments';
import { markDropped, markFulfilled, markPartlyFulfilled, reopenCommitment } from './mark-fulfilled';
import { commitmentSettings, GROUPINGS } from './settings';
import { CommitmentStatusBar } from './status-bar';

/** What the area shows, for the test API. */
export interface CommitmentsArea extends vscode.Disposable {
  readonly model: CommitmentsModel;
  readonly tree: CommitmentsTree;
  readonly statusBar: CommitmentStatusBar;
  readonly view: vscode.TreeView<CommitmentNode>;
}

export function register(services: Services): CommitmentsArea {
  const model = new CommitmentsModel(services);
  const tree = new CommitmentsTree(model, services.anchors);
  const shown = createCommitmentsView(tree, model);
  const view = shown.view;
  const statusBar = new CommitmentStatusBar(model);
  // Which was used last, the view's selection or an editor's cursor: a palette command acts on that one.
  let selectionIsNewer = false;
  const recency = combine(
    view.onDidChangeSelection((e) => (selectionIsNewer = e.selection.length > 0)),
    vscode.window.onDidChangeTextEditorSelection(() => (selectionIsNewer = false)),
    vscode.window.onDidChangeActiveTextEditor(() => (selectionIsNewer = false)),
  );
  const deps: CommitmentCommandDeps = {
    ...services,
    model,
    selected: () => (view.visible ? view.selection.find((n) => n.kind === 'commitment') : undefined),
    selectionIsNewer: () => selectionIsNewer,
  };
  const report = annotationFailureReporter(services.notifier);
  const command = (id: Parameters<typeof registerCommand>[0], run: (deps: CommitmentCommandDeps, arg: unknown) => Promise<unknown>) =>
    registerCommand(id, (arg?: unknown) => run(deps, arg), report);
  const all = combine(
    model,
    tree,
    shown,
    statusBar,
    recency,
    new DueOnTag(services.stores, model, services.taxonomy),
    new CommitmentContextKey(services.anchors, model),
    command(COMMANDS.markCommitmentFulfilled, markFulfilled),
    command(COMMANDS.markCommitmentPartlyFulfilled, markPartlyFulfilled),
    command(COMMANDS.markCommitmentDropped, markDropped),
    command(COMMANDS.reopenCommitment, reopenCommitment),
    command(COMMANDS.editCommitmentDue, editDue),
    registerCommand(COMMANDS.exportCommitments, (arg?: unknown) => exportCommitments(model, services.notifier, arg)),
    registerCommand(COMMANDS.groupCommitments, async (by?: unknown) => {
      const grouping =
        typeof by === 'string' && (GROUPINGS as readonly string[]).includes(by)
          ? (by as (typeof GROUPINGS)[number])
          : (
              await vscode.window.showQuickPick(
                GROUPINGS.map((g) => ({ label: groupingLabel(g), by: g, description: g === tree.grouping ? vscode.l10n.t('current') : undefined })),
                { placeHolder: vscode.l10n.t('Group the commitments by…') },
              )
            )?.by;
      if (grouping && grouping !== tree.grouping) await commitmentSettings.setGroupBy(grouping);
    }),
    registerCommand(COMMANDS.refreshCommitments, async () => {
      await services.stores.refresh();
      model.invalidate();
      await model.current();
    }),
  );
  return { model, tree, statusBar, view, dispose: () => all.dispose() };
}
