// Keeps stored positions in step with the letter: when the letter is saved, moved passages whose stored selector
// no longer finds them surely get their new selectors (never orphans, never changed passages); when the letter file is replaced on disk (git pull, checkout, a new version), all its
// tags re-anchor and what moved, changed or was orphaned is reported in a notification and in the view.
import * as vscode from 'vscode';
import { type AnnotationStore, LetterSource, type LetterRevisionReport, reanchorLetter, selectorUpdates, versionToRecord } from '../../core/annotations';
import { Disposable } from '../common/disposable';
import { byCount } from '../common/plural';
import { baseName, openDocument } from '../common/documents';
import { log } from '../common/log';
import { VIEWS } from '../common/manifest-ids';
import type { Notifier } from '../common/notify';
import type { MarkdownFiles } from '../workspace/markdown-files';
import type { LetterAnchors } from './anchors';
import { BrokenAnnotationFileError, UnsavedAnnotationFileError } from './store/errors';
import type { AnnotationStores } from './store/stores';

export interface RevisionSummary {
  at: Date;
  moved: string[];
  changed: string[];
  orphaned: string[];
}

export class LetterRevisions extends Disposable {
  /** The text each letter had when the editor last saved it: a watcher event for it is our own save. */
  private readonly savedByEditor = new Map<string, string>();
  /** The text each letter had on disk when it was last re-anchored here (watchers may report a change twice). */
  private readonly handled = new Map<string, string>();
  private readonly reports = new Map<string, RevisionSummary>();
  private readonly emitter = this.register(new vscode.EventEmitter<vscode.Uri>());
  readonly onDidReport = this.emitter.event;

  constructor(
    private readonly stores: AnnotationStores,
    private readonly anchors: LetterAnchors,
    files: MarkdownFiles,
    private readonly notifier: Notifier,
  ) {
    super();
    this.register(files.onDidWrite((uri) => void this.replacedOnDisk(uri)));
    this.register(vscode.workspace.onWillSaveTextDocument((e) => this.savedByEditor.set(e.document.uri.toString(), e.document.getText())));
    this.register(vscode.workspace.onDidSaveTextDocument((d) => void this.saved(d)));
  }

  /** The last report of a letter replaced on disk. */
  report(letter: vscode.Uri): RevisionSummary | undefined {
    return this.reports.get(letter.toString());
  }

  /** Stores the positions of passages that moved in the saved letter. */
  private async saved(document: vscode.TextDocument): Promise<void> {
    this.savedByEditor.set(document.uri.toString(), document.getText());
    const state = this.stores.peek(document.uri);
    if (!state?.store || state.problems) return;
    const annotations = state.store.annotations();
    if (!annotations.length) return;
    const anchored = await this.anchors.ensure(document.uri);
    if (!anchored || anchored.version !== document.version) return;
    // Positions are hints: only selectors that no longer find their passage surely are rewritten.
    const updates = selectorUpdates(
      annotations,
      anchored.items.map((i) => i.result),
      { letter: anchored.letterText },
    );
    if (!updates.length) return;
    await this.store(
      document.uri,
      updates,
      versionToRecord(
        anchored.source.raw,
        anchored.items.map((i) => i.result),
      ),
    );
  }

  /** Re-anchors the tags of a letter whose file changed on disk other than by the editor's own save. */
  async replacedOnDisk(letter: vscode.Uri): Promise<LetterRevisionReport | undefined> {
    // The text the tags were found on before: taken now, before the anchors follow the new text.
    const before = this.anchors.get(letter);
    if (!openDocument(letter)) this.anchors.invalidate(letter);
    const state = this.stores.peek(letter);
    if (!state?.store || state.problems) return undefined;
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(letter));
    } catch {
      return undefined;
    }
    const key = letter.toString();
    if (this.savedByEditor.get(key) === text || this.handled.get(key) === text) return undefined;
    this.handled.set(key, text);
    const annotations = state.store.annotations();
    if (!annotations.length) return undefined;
    const source = new LetterSource(text);
    // Through the diff from the text the tags were found on (the anchors' base), else the version the file records.
    const previous = before?.base
      ? before.base.text !== source.text
        ? before.base
        : undefined
      : await this.anchors.history.recorded(letter, state.store.letter.hash, text);
    const report = reanchorLetter(annotations, source.text, previous ? { previous } : {});
    if (report.updates.length) await this.store(letter, report.updates, versionToRecord(text, report.results));
    if (report.moved.length + report.changed.length + report.orphaned.length === 0) return report;
    this.reports.set(key, { at: new Date(), moved: report.moved, changed: report.changed, orphaned: report.orphaned });
    this.emitter.fire(letter);
    const moved = report.moved.length;
    const changed = report.changed.length;
    const orphaned = report.orphaned.length;
    const what = [
      moved ? byCount(moved, vscode.l10n.t('{0} tag moved', moved), vscode.l10n.t('{0} tags moved', moved)) : undefined,
      changed ? byCount(changed, vscode.l10n.t('{0} passage changed', changed), vscode.l10n.t('{0} passages changed', changed)) : undefined,
      orphaned ? byCount(orphaned, vscode.l10n.t('{0} tag orphaned', orphaned), vscode.l10n.t('{0} tags orphaned', orphaned)) : undefined,
    ].filter((x): x is string => !!x);
    this.notifier.notify('info', vscode.l10n.t('{0} changed on disk: {1}.', baseName(letter), what.join(', ')), {
      [vscode.l10n.t('Show Annotations')]: () => vscode.commands.executeCommand(`${VIEWS.annotations}.focus`),
    });
    return report;
  }

  /** Stores selector updates, and the letter's version they were found on when every tag was (`versionToRecord`). */
  private async store(letter: vscode.Uri, updates: Parameters<AnnotationStore['updateSelectors']>[0], version: string | undefined): Promise<void> {
    try {
      await this.stores.edit(letter, (s) => {
        s.updateSelectors(updates);
        if (version) s.setLetter({ hash: version });
      });
    } catch (e) {
      // A broken file, or one with unsaved hand edits, is not written; the passages are re-anchored on the fly anyway.
      if (!(e instanceof BrokenAnnotationFileError || e instanceof UnsavedAnnotationFileError))
        log().error(`Storing positions for ${baseName(letter)}: ${String(e)}`);
    }
  }
}
