// A status-bar hint for the letter in the active editor: "3 commitments, 1 overdue"; choosing it shows the
// Commitments view. Hidden for other documents and for letters without commitments.
import * as vscode from 'vscode';
import { Disposable } from '../common/disposable';
import { VIEWS } from '../common/manifest-ids';
import { byCount } from '../common/plural';
import type { CommitmentRegister, CommitmentsModel } from './commitments-model';

export class CommitmentStatusBar extends Disposable {
  private readonly item = this.register(vscode.window.createStatusBarItem('kamerstuk.commitments', vscode.StatusBarAlignment.Left, 50));

  constructor(model: CommitmentsModel) {
    super();
    this.item.name = vscode.l10n.t('Kamerstuk commitments');
    this.item.command = { command: `${VIEWS.commitments}.focus`, title: vscode.l10n.t('Show the Commitments view') };
    this.register(model.onDidChange((r) => this.update(r)));
    this.register(vscode.window.onDidChangeActiveTextEditor(() => this.update(model.peek())));
    void model.latest().then(
      (r) => this.update(r),
      () => undefined,
    );
  }

  /** What the hint says now (undefined when hidden): for the test API. */
  get text(): string | undefined {
    return this.shown ? this.item.text : undefined;
  }

  private shown = false;

  private update(register: CommitmentRegister | undefined): void {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const mine = uri && register ? register.commitments.filter((c) => register.uriOf(c).toString() === uri) : [];
    if (!mine.length) {
      this.shown = false;
      this.item.hide();
      return;
    }
    const total = mine.length;
    const overdue = mine.filter((c) => c.overdue).length;
    const open = mine.filter((c) => c.state === 'open' || c.state === 'partly').length;
    const count = byCount(total, vscode.l10n.t('{0} commitment', total), vscode.l10n.t('{0} commitments', total));
    const text = overdue ? vscode.l10n.t('{0}, {1} overdue', count, overdue) : count;
    this.item.text = `$(${overdue ? 'warning' : 'checklist'}) ${text}`;
    this.item.tooltip = [
      vscode.l10n.t('This letter: {0}', text),
      vscode.l10n.t('{0} open, {1} done', open, total - open),
      vscode.l10n.t('Overdue is measured against {0}.', register!.today),
      vscode.l10n.t('Show the Commitments view'),
    ].join('\n');
    this.item.backgroundColor = overdue ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.accessibilityInformation = { label: vscode.l10n.t('This letter: {0}', text) };
    this.shown = true;
    this.item.show();
  }
}
