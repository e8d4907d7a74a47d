// "Export commitments…": the register as markdown, CSV (for Dutch Excel), JSON or an ICS calendar of due dates
// (core's commitmentsAs), in the display language, to a file chosen in a save dialog. `{ format, path }` in the
// argument skips the questions (tests, tasks).
import * as vscode from 'vscode';
import { commitmentsAs } from '../../core/commitments';
import { log } from '../common/log';
import type { Notifier } from '../common/notify';
import { byCount } from '../common/plural';
import { isDutch } from '../common/settings';
import { replaceAtomically } from '../common/workspace-files';
import { targetFolder } from '../common/workspace-folder';
import type { CommitmentsModel } from './commitments-model';

export type ExportFormat = 'md' | 'csv' | 'json' | 'ics';
const FORMATS: readonly ExportFormat[] = ['md', 'csv', 'json', 'ics'];

function formatLabel(f: ExportFormat): { label: string; detail: string } {
  switch (f) {
    case 'md':
      return { label: vscode.l10n.t('Markdown report'), detail: vscode.l10n.t('A table per group, for a brief or a wiki') };
    case 'csv':
      return { label: vscode.l10n.t('CSV'), detail: vscode.l10n.t('Opens in Excel with Dutch settings (semicolons)') };
    case 'json':
      return { label: vscode.l10n.t('JSON'), detail: vscode.l10n.t('For scripts and other tools') };
    case 'ics':
      return { label: vscode.l10n.t('Calendar (ICS)'), detail: vscode.l10n.t('The due dates of open commitments, for Outlook or another calendar') };
  }
}

export async function exportCommitments(model: CommitmentsModel, notifier: Notifier, arg: unknown): Promise<vscode.Uri | undefined> {
  const a = (arg && typeof arg === 'object' ? arg : {}) as { format?: unknown; path?: unknown };
  const format =
    typeof a.format === 'string' && (FORMATS as readonly string[]).includes(a.format)
      ? (a.format as ExportFormat)
      : (
          await vscode.window.showQuickPick(
            FORMATS.map((f) => ({ ...formatLabel(f), format: f })),
            { title: vscode.l10n.t('Export commitments as…') },
          )
        )?.format;
  if (!format) return undefined;
  // Reading every letter may take a while in a large workspace (and the index's first build first): the status bar
  // says so meanwhile.
  const register = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading the commitments…') }, () =>
    model.complete(),
  );
  const given = typeof a.path === 'string' && a.path ? vscode.Uri.file(a.path) : undefined;
  // The save dialog starts in the active editor's workspace folder (or the one picked when several could be meant).
  const chosen = given ? undefined : await targetFolder(vscode.l10n.t('Which workspace folder should the export go to?'));
  if (chosen && 'cancelled' in chosen) return undefined;
  const folder = chosen && 'folder' in chosen ? chosen.folder.uri : undefined;
  const target =
    given ??
    (await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Export commitments'),
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, `${isDutch() ? 'toezeggingen' : 'commitments'}.${format}`) } : {}),
      filters: { [formatLabel(format).label]: [format] },
    }));
  if (!target) return undefined;
  const text = commitmentsAs(register.commitments, format, { lang: isDutch() ? 'nl' : 'en', today: register.today });
  const shown = vscode.workspace.asRelativePath(target, false);
  try {
    // A temp file renamed over the target: a failed export leaves an earlier export whole.
    await replaceAtomically(target, text);
  } catch (e) {
    log().warn(`export commitments: ${target.toString(true)} could not be written: ${e instanceof Error ? e.message : String(e)}`);
    notifier.notify('error', vscode.l10n.t('{0} could not be written (the details are in the log); nothing was exported.', shown));
    return undefined;
  }
  const n = register.commitments.length;
  notifier.notify('info', byCount(n, vscode.l10n.t('Exported {0} commitment to {1}.', n, shown), vscode.l10n.t('Exported {0} commitments to {1}.', n, shown)), {
    [vscode.l10n.t('Open the export')]: () => vscode.commands.executeCommand('vscode.open', target),
  });
  return target;
}
