// The tagging commands: tag the selection, change the tag, edit the note, link cited documents, set the review
// status, remove, re-attach an orphan, refresh. They act on the annotation at the cursor or on the view item /
// `{ id, letter }` argument they are given, and say clearly why when they cannot.
import * as vscode from 'vscode';
import { type Annotation, AnnotationEditError, captureSelector, REVIEW_STATUSES, type ReviewStatus } from '../core/annotations';
import type { LetterAnchors } from './annotation-anchors';
import type { AnnotationAuthor } from './annotation-author';
import { letterVerdictFor } from './annotation-letters';
import { notify } from './annotation-messages';
import { referenceItems } from './annotation-references';
import { createdTimestamp, excerpt, selectionRanges, trimSelection } from './annotation-rules';
import { statusLabel } from './annotation-status';
import { assertEditable, type AnnotationStores, baseName, BrokenAnnotationFileError, isWorkspaceDocument, UnsavedAnnotationFileError } from './annotation-stores';
import { type AnnotationTarget, targetAtCursor, targetFromArgument } from './annotation-targets';
import type { AnnotationTaxonomy } from './annotation-taxonomy';
import type { AnnotationsView } from './annotation-view';
import type { WorkspaceLetters } from './workspace-letters';

export interface AnnotationCommandDeps {
  stores: AnnotationStores;
  anchors: LetterAnchors;
  taxonomy: AnnotationTaxonomy;
  author: AnnotationAuthor;
  letters: WorkspaceLetters;
  view: AnnotationsView;
}

export function registerAnnotationCommands(context: vscode.ExtensionContext, deps: AnnotationCommandDeps): void {
  const commands = new AnnotationCommands(deps);
  const register = (id: string, run: (arg?: unknown) => Promise<unknown>) =>
    vscode.commands.registerCommand(id, async (arg?: unknown) => {
      try {
        return await run(arg);
      } catch (e) {
        reportFailure(e);
        return undefined;
      }
    });
  context.subscriptions.push(
    register('kamerstuk.tagSelection', (arg) => commands.tagSelection(arg)),
    register('kamerstuk.changeTag', (arg) => commands.changeTag(arg)),
    register('kamerstuk.editNote', (arg) => commands.editNote(arg)),
    register('kamerstuk.linkReferences', (arg) => commands.linkReferences(arg)),
    register('kamerstuk.setStatus', (arg) => commands.setStatus(arg)),
    register('kamerstuk.removeAnnotation', (arg) => commands.remove(arg)),
    register('kamerstuk.reattachOrphan', (arg) => commands.reattach(arg)),
    register('kamerstuk.refreshAnnotations', async () => {
      await deps.stores.refresh();
      deps.view.refresh();
    }),
  );
}

class AnnotationCommands {
  constructor(private readonly deps: AnnotationCommandDeps) {}

  /** Tags every non-empty selection; `{ index }` is the nth tag of the taxonomy, `{ tag }` a tag key, else a pick. */
  async tagSelection(arg: unknown): Promise<Annotation[] | undefined> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'markdown') {
      notify('info', vscode.l10n.t('Open a letter and select the passage to tag.'));
      return undefined;
    }
    const document = editor.document;
    if (!isWorkspaceDocument(document.uri)) {
      notify('warning', vscode.l10n.t('{0} is not a file in the workspace (for example a version in a diff view), so it cannot be tagged. Open the letter itself.', baseName(document.uri)));
      return undefined;
    }
    const verdict = await letterVerdictFor(document);
    if (!verdict.letter) {
      notify(
        'warning',
        vscode.l10n.t(
          '{0} is not a letter, so it cannot be tagged. Letters have "kamerstuk:" in their front matter or a name like kst-29754-716.md.',
          baseName(document.uri),
        ),
      );
      return undefined;
    }
    const capture = () => {
      const text = document.getText();
      // The editor the analyst is in now if it shows this letter (the first one may have been closed meanwhile).
      const active = vscode.window.activeTextEditor;
      const live = active?.document === document ? active : (vscode.window.visibleTextEditors.find((e) => e.document === document) ?? editor);
      const offsets = live.selections.map((s) => ({ start: document.offsetAt(s.start), end: document.offsetAt(s.end) }));
      return { version: document.version, text, ranges: selectionRanges(text, offsets) };
    };
    let captured = capture();
    if (!captured.ranges.length) {
      notify('info', vscode.l10n.t('Select the passage to tag first.'));
      return undefined;
    }
    const state = await this.deps.stores.get(document.uri);
    assertEditable(state);
    const tag = await this.tagFromArgument(arg);
    if (!tag) return undefined;
    const author = await this.deps.author.for(document.uri);

    // The letter may have been edited while the tag was picked: tag the selection as it is now, not stale offsets.
    if (document.version !== captured.version) {
      captured = document.isClosed ? { version: -1, text: '', ranges: [] } : capture();
      if (!captured.ranges.length) {
        notify('info', vscode.l10n.t('The letter changed while the tag was being chosen and nothing is selected any more. Select the passage again.'));
        return undefined;
      }
    }
    const { text, ranges } = captured;
    const anchored = await this.deps.anchors.ensure(document.uri);
    const fresh = ranges.filter(
      (r) => !anchored?.items.some((i) => i.annotation.tag === tag && i.result.status !== 'orphaned' && i.result.start === r.start && i.result.end === r.end),
    );
    if (!fresh.length) {
      notify('info', vscode.l10n.t('This passage is already tagged as {0}.', this.deps.taxonomy.label(tag)));
      return undefined;
    }
    const created = createdTimestamp(new Date());
    const added = await this.deps.stores.edit(
      document.uri,
      (store) => fresh.map((r) => store.add({ tag, ...captureSelector(text, r.start, r.end), ...(author ? { author } : {}), created })),
      () => ({ ...(verdict.id ? { id: verdict.id } : {}), path: baseName(document.uri) }),
    );
    vscode.window.setStatusBarMessage(vscode.l10n.t('Tagged as {0}', this.deps.taxonomy.label(tag)), 3000);
    return added;
  }

  async changeTag(arg: unknown): Promise<void> {
    const found = await this.target(arg);
    if (!found) return;
    const picked = await this.pickTag(found.annotation.tag);
    if (!picked || picked === found.annotation.tag) return;
    await this.deps.stores.edit(found.letter, (s) => s.update(found.id, { tag: picked }));
  }

  async editNote(arg: unknown): Promise<void> {
    const found = await this.target(arg);
    if (!found) return;
    const note = await vscode.window.showInputBox({
      title: vscode.l10n.t('Note on the {0} tag', this.deps.taxonomy.label(found.annotation.tag)),
      prompt: excerpt(found.annotation.quote, 80),
      value: found.annotation.note ?? '',
      placeHolder: vscode.l10n.t('Free text; leave empty to remove the note'),
    });
    if (note === undefined) return;
    const trimmed = note.trim();
    if ((found.annotation.note ?? '') === trimmed) return;
    await this.deps.stores.edit(found.letter, (s) => s.update(found.id, { note: trimmed ? trimmed : null }));
  }

  async linkReferences(arg: unknown): Promise<void> {
    const found = await this.target(arg);
    if (!found) return;
    const anchored = await this.deps.anchors.ensure(found.letter);
    const result = anchored?.byId.get(found.id)?.result;
    const text = anchored?.letterText.text ?? '';
    const current = found.annotation.refs ?? [];
    const self = (await this.deps.stores.get(found.letter)).store?.letter.id;
    const items = await referenceItems(text, result ?? found.annotation, current, this.deps.letters, self);
    if (!items.length) {
      notify('info', vscode.l10n.t('The letter cites no documents and the workspace has no other letters to link.'));
      return;
    }
    const picked = await vscode.window.showQuickPick(items, {
      canPickMany: true,
      title: vscode.l10n.t('Documents linked to this passage'),
      placeHolder: excerpt(found.annotation.quote, 80),
    });
    if (!picked) return;
    const refs = picked.map((p) => p.id);
    if (refs.length === current.length && refs.every((r) => current.includes(r))) return;
    await this.deps.stores.edit(found.letter, (s) => s.update(found.id, { refs: refs.length ? refs : null }));
  }

  async setStatus(arg: unknown): Promise<void> {
    const found = await this.target(arg);
    if (!found) return;
    const explicit = arg && typeof arg === 'object' ? (arg as { status?: unknown }).status : undefined;
    let status: ReviewStatus | null | undefined;
    if (explicit === null || (typeof explicit === 'string' && (REVIEW_STATUSES as readonly string[]).includes(explicit))) status = explicit as ReviewStatus | null;
    else {
      const items: (vscode.QuickPickItem & { status: ReviewStatus | null })[] = [
        ...REVIEW_STATUSES.map((s) => ({ label: statusLabel(s), description: s === found.annotation.status ? vscode.l10n.t('current') : undefined, status: s })),
        { label: vscode.l10n.t('No status'), status: null },
      ];
      status = (await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Review status of this tag') }))?.status;
    }
    if (status === undefined || status === (found.annotation.status ?? null)) return;
    await this.deps.stores.edit(found.letter, (s) => s.update(found.id, { status }));
  }

  async remove(arg: unknown): Promise<void> {
    const found = await this.target(arg);
    if (!found) return;
    const removed = found.annotation;
    await this.deps.stores.edit(found.letter, (s) => s.remove(found.id));
    notify('info', vscode.l10n.t('Removed the {0} tag from "{1}".', this.deps.taxonomy.label(removed.tag), excerpt(removed.quote, 50)), {
      [vscode.l10n.t('Undo')]: () => this.deps.stores.edit(found.letter, (s) => s.has(removed.id) || s.add(removed)),
    });
  }

  /** Re-attaches an orphan (or any tag) to the selection in its letter. */
  async reattach(arg: unknown): Promise<void> {
    let target = targetFromArgument(arg);
    if (!target) target = await this.pickOrphan();
    if (!target) return;
    const found = await this.load(target);
    if (!found) return;
    const editor =
      (vscode.window.activeTextEditor?.document.uri.toString() === target.letter.toString() ? vscode.window.activeTextEditor : undefined) ??
      vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === target.letter.toString());
    const document = editor?.document;
    const range = editor && document ? trimSelection(document.getText(), document.offsetAt(editor.selection.start), document.offsetAt(editor.selection.end)) : undefined;
    if (!editor || !document || !range || range.end <= range.start) {
      await vscode.window.showTextDocument(target.letter, { preview: false });
      notify('info', vscode.l10n.t('Select the new text of the passage in {0}, then run "Re-attach orphaned tag to selection" again.', baseName(target.letter)));
      return;
    }
    const selector = captureSelector(document.getText(), range.start, range.end);
    await this.deps.stores.edit(target.letter, (s) => s.update(found.id, selector));
  }

  private async pickOrphan(): Promise<AnnotationTarget | undefined> {
    const editor = vscode.window.activeTextEditor;
    const anchored = editor && (await this.deps.anchors.ensure(editor.document.uri));
    const orphans = anchored?.items.filter((i) => i.result.status === 'orphaned') ?? [];
    if (!editor || !orphans.length) {
      notify('info', vscode.l10n.t('This letter has no orphaned tags. Orphans are listed in the Annotations view.'));
      return undefined;
    }
    if (orphans.length === 1) return { letter: editor.document.uri, id: orphans[0].annotation.id };
    const picked = await vscode.window.showQuickPick(
      orphans.map((o) => ({ label: this.deps.taxonomy.label(o.annotation.tag), description: excerpt(o.annotation.quote), id: o.annotation.id })),
      { placeHolder: vscode.l10n.t('Which orphaned tag belongs to the selection?') },
    );
    return picked && { letter: editor.document.uri, id: picked.id };
  }

  private async tagFromArgument(arg: unknown): Promise<string | undefined> {
    const tags = this.deps.taxonomy.tags();
    const a = (arg && typeof arg === 'object' ? arg : {}) as { index?: unknown; tag?: unknown };
    if (typeof a.index === 'number') {
      const def = tags[a.index];
      if (!def) {
        notify('warning', vscode.l10n.t('There is no tag number {0}: the kamerstuk.tags setting has {1} tag(s).', a.index + 1, tags.length));
        return undefined;
      }
      return def.id;
    }
    if (typeof a.tag === 'string') {
      if (!this.deps.taxonomy.taxonomy.has(a.tag)) {
        notify('warning', vscode.l10n.t('Unknown tag "{0}"; known tags: {1}', a.tag, tags.map((t) => t.id).join(', ')));
        return undefined;
      }
      return a.tag;
    }
    return this.pickTag();
  }

  private async pickTag(current?: string): Promise<string | undefined> {
    const items = this.deps.taxonomy.tags().map((t, i) => ({
      label: this.deps.taxonomy.label(t.id),
      description: [t.id, i < 5 ? `Ctrl+K ${i + 1}` : '', t.id === current ? vscode.l10n.t('current') : ''].filter(Boolean).join(' · '),
      detail: t.description,
      id: t.id,
    }));
    const picked = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('Tag for the selected passage'),
      placeHolder: vscode.l10n.t('Keys: Ctrl+K 1–5 (⌘K 1–5 on macOS)'),
    });
    return picked?.id;
  }

  /** The annotation to act on, with a message when there is none. */
  private async target(arg: unknown): Promise<(AnnotationTarget & { annotation: Annotation }) | undefined> {
    const target = targetFromArgument(arg) ?? (await targetAtCursor(this.deps.anchors, this.deps.taxonomy));
    if (!target) {
      notify('info', vscode.l10n.t('Place the cursor in a tagged passage of a letter, or choose a tag in the Annotations view.'));
      return undefined;
    }
    return this.load(target);
  }

  private async load(target: AnnotationTarget): Promise<(AnnotationTarget & { annotation: Annotation }) | undefined> {
    const state = await this.deps.stores.get(target.letter);
    assertEditable(state);
    const annotation = state.store?.get(target.id);
    if (!annotation) {
      notify('warning', vscode.l10n.t('The tag {0} no longer exists in {1}.', target.id, baseName(state.file)));
      return undefined;
    }
    return { ...target, annotation };
  }
}

function reportFailure(e: unknown): void {
  if (e instanceof BrokenAnnotationFileError) {
    const first = e.problems[0];
    const reason = first ? `${vscode.l10n.t('line {0}', first.line)}: ${vscode.l10n.t(first.message.template, ...first.message.args)}` : '';
    notify('error', vscode.l10n.t('The tags of this letter cannot be changed: its annotation file {0} has errors ({1}). Fix the file first; it was not changed.', baseName(e.file), reason), {
      [vscode.l10n.t('Open annotation file')]: () =>
        vscode.window.showTextDocument(e.file, first ? { selection: new vscode.Range(first.line - 1, first.column - 1, first.line - 1, first.column - 1) } : {}),
      [vscode.l10n.t('Show Problems')]: () => vscode.commands.executeCommand('workbench.actions.view.problems'),
    });
    return;
  }
  if (e instanceof UnsavedAnnotationFileError) {
    notify('warning', vscode.l10n.t('Save or revert your changes to {0} first.', vscode.workspace.asRelativePath(e.file, false)), {
      [vscode.l10n.t('Open annotation file')]: () => vscode.window.showTextDocument(e.file),
    });
    return;
  }
  if (e instanceof AnnotationEditError) {
    notify('error', vscode.l10n.t(e.template, ...e.args));
    return;
  }
  notify('error', vscode.l10n.t('The annotation file could not be written: {0}', e instanceof Error ? e.message : String(e)));
}
