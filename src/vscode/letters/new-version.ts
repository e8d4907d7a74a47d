// A new version of a letter already in the workspace: its diff in VS Code's diff editor (the file on disk beside the
// publication's text as a read-only virtual document), every tag re-anchored through that diff, and, once the
// analyst accepts, the writes. Everything that can be checked is checked before anything is written (unsaved or
// broken files, tags or letter changed during the review, a read-only letter or annotation file); then the old text
// is kept at `.versions/<name>/<hash>.md`, the new letter text replaces the old one (only if the file is still the
// reviewed text), and the annotation file is written last (accepted selectors, removed tags, `document.hash` of the
// new text). Should the tags not be accepted after the letter was written, the letter's old text is put back.
import * as vscode from 'vscode';
import {
  type Annotation,
  type AnchorResult,
  keptVersionPath,
  LetterSource,
  letterHash,
  type LetterRevisionReport,
  type QuoteSelector,
  reanchorLetter,
} from '../../core/annotations';
import { Disposable } from '../common/disposable';
import { baseName, unsavedDocument } from '../common/documents';
import { log } from '../common/log';
import { platform } from '../common/platform';
import { readBytesOrEmpty, replaceAtomically } from '../common/workspace-files';
import { annotationFileFor } from '../annotations/store/paths';
import { assertEditable } from '../annotations/store/state';
import type { AnnotationStores } from '../annotations/store/stores';

/** The scheme of the publication's text shown in the diff editor. */
export const IMPORT_SCHEME = 'kamerstuk-import';
/** Virtual documents kept for diff editors still open. */
const MAX_TEXTS = 8;

/** Serves the publication's new text to the diff editor, read-only. */
export class PublicationTexts extends Disposable implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private next = 0;

  constructor() {
    super();
    this.register(vscode.workspace.registerTextDocumentContentProvider(IMPORT_SCHEME, this));
  }

  provideTextDocumentContent(uri: vscode.Uri): string | undefined {
    return this.texts.get(uri.toString());
  }

  /** A virtual document with `text`, named like the letter. */
  add(letter: vscode.Uri, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: IMPORT_SCHEME, path: `/${baseName(letter)}`, query: `v${++this.next}` });
    this.texts.set(uri.toString(), text);
    while (this.texts.size > MAX_TEXTS) this.texts.delete(this.texts.keys().next().value as string);
    return uri;
  }
}

/** Opens the diff editor: the letter on disk on the left, the publication's text on the right. */
export async function showVersionDiff(texts: PublicationTexts, letter: vscode.Uri, newText: string): Promise<vscode.Uri> {
  const right = texts.add(letter, newText);
  await vscode.commands.executeCommand('vscode.diff', letter, right, vscode.l10n.t('{0}: workspace ↔ new publication', baseName(letter)), { preview: false });
  return right;
}

export type ReviewStatus = 'moved' | 'fuzzy' | 'orphaned';

/** A tag the analyst reviews: found elsewhere, found with changed text, or not found. */
export interface ReviewItem {
  annotation: Annotation;
  result: AnchorResult;
  status: ReviewStatus;
}

export interface NewVersionPlan {
  letter: vscode.Uri;
  oldText: string;
  newText: string;
  /** The store's revision the plan was made on: a change meanwhile makes it stale. */
  revision: number;
  annotations: Annotation[];
  report: LetterRevisionReport;
  review: ReviewItem[];
}

/** Re-anchors every tag to the new text through the diff of the old one. */
export function planNewVersion(letter: vscode.Uri, oldText: string, newText: string, annotations: Annotation[], revision: number): NewVersionPlan {
  const report = reanchorLetter(annotations, new LetterSource(newText).text, { previous: { text: oldText } });
  const byId = new Map(annotations.map((a) => [a.id, a]));
  const review = report.results.flatMap((result): ReviewItem[] => {
    const annotation = byId.get(result.id);
    if (!annotation || result.status === 'exact') return [];
    return [{ annotation, result, status: result.status }];
  });
  return { letter, oldText, newText, revision, annotations, report, review };
}

/**
 * What the analyst decided for a reviewed tag: `accept` its new place (an orphan is kept as it is, listed for
 * review), `reattach` it to a selection in the new text afterwards (its stored selector stays until then), or
 * `remove` it.
 */
export type Decision = 'accept' | 'reattach' | 'remove';

/** The selector changes to store: every found tag that was not set aside, and accepted changed passages. */
export function acceptedUpdates(plan: NewVersionPlan, decisions: ReadonlyMap<string, Decision>): ({ id: string } & QuoteSelector)[] {
  const decided = (id: string) => decisions.get(id) ?? 'accept';
  const updates = plan.report.updates.filter((u) => decided(u.id) === 'accept');
  const have = new Set(updates.map((u) => u.id));
  for (const item of plan.review) {
    // A changed passage the analyst accepted: its new text is stored (core stores it on its own only with a sure context).
    if (item.status === 'fuzzy' && item.result.selector && decided(item.annotation.id) === 'accept' && !have.has(item.annotation.id)) {
      updates.push({ id: item.annotation.id, ...item.result.selector });
    }
  }
  return updates;
}

/**
 * The version the annotation file records after the accept: the new text when every tag left is on it as is or was
 * accepted on its new text; else the old text, which the tags were found on in the review (kept in .versions), so a
 * tag left orphaned or to re-attach is still mapped from the text it was made on at the next revision.
 */
function versionAfter(plan: NewVersionPlan, updates: readonly { id: string }[], removed: readonly string[]): string {
  const stored = new Set(updates.map((u) => u.id));
  const gone = new Set(removed);
  const settled = plan.report.results.every(
    (r) => gone.has(r.id) || r.status === 'exact' || r.status === 'moved' || (r.status === 'fuzzy' && stored.has(r.id)),
  );
  return letterHash(settled ? plan.newText : plan.oldText);
}

/** Why an accepted new version was not written: nothing was. */
export class NewVersionRefused extends Error {}

/**
 * Writes the accepted new version. Throws NewVersionRefused, with nothing written, when the letter or its annotation
 * file has unsaved changes, the annotation file has errors, the tags or the letter changed since the review, or a
 * file cannot be written.
 */
export async function applyNewVersion(stores: AnnotationStores, plan: NewVersionPlan, decisions: ReadonlyMap<string, Decision>): Promise<void> {
  const { letter } = plan;
  if (unsavedDocument(letter)) {
    throw new NewVersionRefused(vscode.l10n.t('{0} has unsaved changes; save or revert them, then import again.', baseName(letter)));
  }
  const state = await stores.get(letter);
  await state.queue;
  refuseUneditable(state);
  if (state.revision !== plan.revision) {
    throw new NewVersionRefused(vscode.l10n.t('The tags of {0} changed during the review; import again to review them.', baseName(letter)));
  }
  await refuseUnwritable(letter, plan.oldText, state.store ? [annotationFileFor(letter)] : []);
  const updates = acceptedUpdates(plan, decisions);
  const removed = [...decisions].filter(([, d]) => d === 'remove').map(([id]) => id);
  const hash = versionAfter(plan, updates, removed);
  await writeLetter(letter, plan.oldText, plan.newText);
  if (!state.store) return;
  try {
    await stores.edit(letter, (store) => {
      store.updateSelectors(updates);
      for (const id of removed) store.remove(id);
      store.setLetter({ hash });
    });
  } catch (e) {
    // The annotation file became unsaved or broken since the check: the letter goes back to the text its tags fit.
    await replaceAtomically(letter, plan.oldText);
    refuseUneditable(state);
    throw e;
  }
}

/** Replaces a letter without tags by its new version (after the diff and a confirmation). */
export async function replaceLetter(letter: vscode.Uri, oldText: string, newText: string): Promise<void> {
  if (unsavedDocument(letter)) {
    throw new NewVersionRefused(vscode.l10n.t('{0} has unsaved changes; save or revert them, then import again.', baseName(letter)));
  }
  await refuseUnwritable(letter, oldText, []);
  await writeLetter(letter, oldText, newText);
}

/** The letter's text on disk, as Import Letter… read it. */
async function diskText(letter: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await readBytesOrEmpty(letter));
}

function changedDuringReview(letter: vscode.Uri): NewVersionRefused {
  return new NewVersionRefused(vscode.l10n.t('{0} changed during the review; import again to review the new version. Nothing was written.', baseName(letter)));
}

/** Refuses before anything is written: the letter is no longer the reviewed text, or it or `others` is read-only. */
async function refuseUnwritable(letter: vscode.Uri, oldText: string, others: vscode.Uri[]): Promise<void> {
  if ((await diskText(letter)) !== oldText) throw changedDuringReview(letter);
  for (const file of [letter, ...others]) {
    if (await platform.isReadOnly(await platform.realTarget(file))) {
      throw new NewVersionRefused(vscode.l10n.t('{0} is read-only; make it writable, then import again. Nothing was written.', baseName(file)));
    }
  }
}

/** Keeps the old text, then replaces the letter if it is still the reviewed text; a failure is a NewVersionRefused. */
async function writeLetter(letter: vscode.Uri, oldText: string, newText: string): Promise<void> {
  let replaced: boolean;
  try {
    await keepVersion(letter, oldText);
    replaced = await replaceAtomically(letter, newText, async () => (await diskText(letter)) === oldText);
  } catch (e) {
    log().warn(`new version of ${letter.toString(true)}: could not be written: ${e instanceof Error ? e.message : String(e)}`);
    throw new NewVersionRefused(vscode.l10n.t('{0} could not be written (the details are in the log); nothing was changed.', baseName(letter)));
  }
  if (!replaced) throw changedDuringReview(letter);
}

/** The old text at `.versions/<name>/<hash>.md` beside the letter (written once: the hash names its content). */
async function keepVersion(letter: vscode.Uri, oldText: string): Promise<vscode.Uri> {
  const kept = vscode.Uri.joinPath(letter, '..', keptVersionPath(baseName(letter), letterHash(oldText)));
  try {
    await vscode.workspace.fs.stat(kept);
    return kept;
  } catch {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(kept, '..'));
    await replaceAtomically(kept, oldText);
    return kept;
  }
}

/** The annotation state's refusal as a NewVersionRefused with a message for people. */
export function refuseUneditable(state: Parameters<typeof assertEditable>[0]): void {
  try {
    assertEditable(state);
  } catch {
    if (state.problems) {
      throw new NewVersionRefused(vscode.l10n.t('{0} has errors; fix them, then import again. Nothing was written.', baseName(state.file)));
    }
    throw new NewVersionRefused(vscode.l10n.t('{0} has unsaved changes; save or revert them, then import again. Nothing was written.', baseName(state.file)));
  }
}
