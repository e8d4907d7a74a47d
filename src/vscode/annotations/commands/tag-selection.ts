// "Tag selection": tags every non-empty selection of a letter with the chosen tag, and says why when it cannot
// (no letter, not a workspace file, nothing selected, already tagged).
import * as vscode from 'vscode';
import { type Annotation, captureSelector, createdTimestamp, letterHash, newTagStatus, selectionRanges, versionToRecord } from '../../../core/annotations';
import { settings } from '../../common/settings';
import { baseName, isWorkspaceDocument } from '../../common/documents';
import { letterVerdictFor } from '../letters';
import { assertEditable } from '../store/state';
import type { AnnotationCommandDeps } from './deps';
import { tagFromArgument } from './pick-tag';

export async function tagSelection(deps: AnnotationCommandDeps, arg: unknown): Promise<Annotation[] | undefined> {
  const { notifier } = deps;
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    notifier.notify('info', vscode.l10n.t('Open a letter and select the passage to tag.'));
    return undefined;
  }
  const document = editor.document;
  if (!isWorkspaceDocument(document.uri)) {
    notifier.notify(
      'warning',
      vscode.l10n.t(
        '{0} is not a file in the workspace (for example a version in a diff view), so it cannot be tagged. Open the letter itself.',
        baseName(document.uri),
      ),
    );
    return undefined;
  }
  const verdict = await letterVerdictFor(document);
  if (!verdict.letter) {
    notifier.notify(
      'warning',
      vscode.l10n.t(
        '{0} is not a letter, so it cannot be tagged. Letters have "kamerstuk:" in their front matter or a name like kst-29754-716.md.',
        baseName(document.uri),
      ),
    );
    return undefined;
  }
  const capture = () => {
    // Offsets count the letter's text without BOM and with LF line endings (LetterSource), whatever the file has.
    const { source } = deps.anchors.textsOf(document);
    const text = source.text;
    // The editor the analyst is in now if it shows this letter (the first one may have been closed meanwhile).
    const active = vscode.window.activeTextEditor;
    const live = active?.document === document ? active : (vscode.window.visibleTextEditors.find((e) => e.document === document) ?? editor);
    const offsets = live.selections.map((s) => ({ start: source.fromRaw(document.offsetAt(s.start)), end: source.fromRaw(document.offsetAt(s.end)) }));
    return { version: document.version, text, ranges: selectionRanges(text, offsets) };
  };
  let captured = capture();
  if (!captured.ranges.length) {
    notifier.notify('info', vscode.l10n.t('Select the passage to tag first.'));
    return undefined;
  }
  assertEditable(await deps.stores.get(document.uri));
  const tag = await tagFromArgument(deps, arg);
  if (!tag) return undefined;
  const author = await deps.author.for(document.uri);

  // The letter may have been edited while the tag was picked: tag the selection as it is now, not stale offsets.
  if (document.version !== captured.version) {
    captured = document.isClosed ? { version: -1, text: '', ranges: [] } : capture();
    if (!captured.ranges.length) {
      notifier.notify('info', vscode.l10n.t('The letter changed while the tag was being chosen and nothing is selected any more. Select the passage again.'));
      return undefined;
    }
  }
  const { text, ranges } = captured;
  const anchored = await deps.anchors.ensure(document.uri);
  const fresh = ranges.filter(
    (r) => !anchored?.items.some((i) => i.annotation.tag === tag && i.result.status !== 'orphaned' && i.result.start === r.start && i.result.end === r.end),
  );
  if (!fresh.length) {
    notifier.notify('info', vscode.l10n.t('This passage is already tagged as {0}.', deps.taxonomy.label(tag)));
    return undefined;
  }
  const created = createdTimestamp(new Date());
  const status = newTagStatus(settings.newTagStatus(document.uri));
  const added = await deps.stores.edit(
    document.uri,
    (store) => {
      const added = fresh.map((r) =>
        store.add({ tag, ...captureSelector(text, r.start, r.end), ...(author ? { author } : {}), created, ...(status ? { status } : {}) }),
      );
      // The version the tags were made on, when it is the file on disk and every other tag was found in it as is.
      const version = document.isDirty
        ? undefined
        : anchored?.version === document.version
          ? versionToRecord(
              anchored.source.raw,
              anchored.items.map((i) => i.result),
            )
          : !anchored?.items.length && store.annotations().length === added.length
            ? letterHash(document.getText())
            : undefined;
      if (version) store.setLetter({ hash: version });
      return added;
    },
    () => ({ ...(verdict.id ? { id: verdict.id } : {}), path: baseName(document.uri) }),
  );
  vscode.window.setStatusBarMessage(vscode.l10n.t('Tagged as {0}', deps.taxonomy.label(tag)), 3000);
  return added;
}
