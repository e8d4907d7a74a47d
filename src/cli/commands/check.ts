// `kamerstuk check [dir] [--strict]`: schema, unknown tags, duplicate ids, missing letters and orphans of every
// annotation file under dir. Exit 1 on errors (with --strict also on warnings); for CI and pre-commit hooks.

import { resolve } from 'node:path';
import { type AnnotationDiagnostic, checkAnnotations, message, MESSAGES, type Taxonomy, unknownTagsOfBrokenFile } from '../../core/annotations';
import { previousVersionOf } from '../previous-version';
import { displayPath, formatDiagnostic, letterPathOf, loadAnnotationFile, loadTaxonomy, readIfExists } from '../annotation-files';
import { checkOverdue } from '../commitments';
import { count, defineCommand, UsageError } from '../io';
import { annotationFilesUnder } from '../workspace-scan';

export const checkCommand = defineCommand({
  name: 'check',
  // --overdue and --today are in the help text (the usage line stays as scripts and tests know it).
  usage: '[dir] [--strict]',
  summary: 'schema, unknown tags, duplicate ids, missing letters, orphans; --overdue: late commitments',
  options: { strict: { type: 'boolean' }, overdue: { type: 'boolean' }, today: { type: 'string' } },
  help: [
    'Checks every *.annotations.yaml under dir (default: the current folder) against its letter and the team',
    'taxonomy (kamerstuk.tags in dir/.vscode/settings.json).',
    '',
    '  --strict  warnings (moved passages, fuzzy matches that need review) fail too',
    '  --overdue  instead, the commitments: exit 1 when one is open (or partly fulfilled) past its deadline',
    '  --today D  with --overdue, the day to measure against (YYYY-MM-DD; default: today)',
    '',
    'Exit status: 0 when clean, 1 on errors (with --strict also on warnings; with --overdue when a commitment is',
    'overdue or a file does not parse), 2 on wrong usage.',
  ].join('\n'),
  async run({ positionals, values }, io) {
    if (positionals.length > 1) throw new UsageError('expected at most one directory');
    const dir = resolve(io.cwd(), positionals[0] ?? '.');
    if (values.overdue) return checkOverdue(dir, values, io);
    if (values.today !== undefined) throw new UsageError('--today goes with --overdue');
    const { taxonomy, problems } = await loadTaxonomy(dir, io.cwd());
    for (const p of problems) io.err(`warning: ${p}`);
    const files = await annotationFilesUnder(dir);
    const tally = { errors: 0, warnings: 0 };
    const firstUse = new Map<string, string>();
    for (const file of files) {
      const shown = displayPath(io.cwd(), file);
      const report = (d: AnnotationDiagnostic) => {
        if (d.severity === 'error') tally.errors++;
        else tally.warnings++;
        io.out(formatDiagnostic(shown, d));
      };
      // One file that cannot be checked (unreadable, or an unexpected failure) is that file's error, on one
      // line; the later files are still checked.
      await checkFile(file, { cwd: io.cwd(), taxonomy, firstUse, report }).catch((e: unknown) =>
        report(fileLevel('check-failed', message(MESSAGES.fileCheckFailed, failureText(e)))),
      );
    }
    io.out(`checked ${count(files.length, 'annotation file')}: ${count(tally.errors, 'error')}, ${count(tally.warnings, 'warning')}`);
    return tally.errors > 0 || (values.strict && tally.warnings > 0) ? 1 : 0;
  },
});

interface CheckContext {
  cwd: string;
  taxonomy: Taxonomy;
  /** The file (as shown) that first used each annotation id. */
  firstUse: Map<string, string>;
  report: (d: AnnotationDiagnostic) => void;
}

async function checkFile(file: string, { cwd, taxonomy, firstUse, report }: CheckContext): Promise<void> {
  const { text, result } = await loadAnnotationFile(file);
  if (!result.ok) {
    // Every problem at once: the schema errors and the unknown tags (a broken file has no store to check).
    [...result.diagnostics, ...unknownTagsOfBrokenFile(text, taxonomy)].sort((x, y) => x.offset - y.offset).forEach(report);
    return;
  }
  const store = result.store;
  const letterPath = letterPathOf(file, store);
  const letterText = await readIfExists(letterPath);
  if (letterText === undefined) report(fileLevel('letter-missing', message(MESSAGES.letterMissing, displayPath(cwd, letterPath))));
  const previous = letterText === undefined ? undefined : await previousVersionOf(letterPath, letterText, store.letter.hash).catch(() => undefined);
  checkAnnotations(store, { taxonomy, letterText, previous }).diagnostics.forEach(report);
  const shown = displayPath(cwd, file);
  for (const a of store.annotations()) {
    const other = firstUse.get(a.id);
    if (other) report(store.locate(a.id, 'id', 'duplicate-id', message(MESSAGES.duplicateIdAcrossFiles, a.id, other), 'warning')!);
    else firstUse.set(a.id, shown);
  }
}

/** The first line of an error's message (never its stack), e.g. `EACCES: permission denied, open '…'`. */
function failureText(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split('\n')[0] || (e instanceof Error ? e.name : 'unknown error');
}

function fileLevel(code: string, msg: AnnotationDiagnostic['message']): AnnotationDiagnostic {
  return { severity: 'error', code, message: msg, line: 1, column: 1, endLine: 1, endColumn: 1, offset: 0, endOffset: 0 };
}
