// `kamerstuk report [dir] [--format md|csv|json]`: every tagged passage under dir, to stdout.

import { resolve } from 'node:path';
import { collectPassages, type LetterAnnotations, renderReport, type ReportFormat } from '../../core/report';
import { displayPath, formatDiagnostic, letterPathOf, loadAnnotationFile, loadTaxonomy, readIfExists } from '../annotation-files';
import { reportCommitments } from '../commitments';
import { defineCommand, UsageError } from '../io';
import { annotationFilesUnder } from '../workspace-scan';

const FORMATS: readonly ReportFormat[] = ['md', 'csv', 'json'];

export const reportCommand = defineCommand({
  name: 'report',
  // The commitments form is in the help text (the first usage line stays as scripts and tests know it).
  usage: '[dir] [--format md|csv|json]',
  summary: 'all tagged passages across letters (csv opens in Dutch Excel); --commitments: the register',
  options: { format: { type: 'string' }, commitments: { type: 'boolean' }, today: { type: 'string' }, lang: { type: 'string' } },
  help: [
    'Every tagged passage of the annotation files under dir (default: the current folder), to stdout, with the',
    'tag labels of the team taxonomy (kamerstuk.tags in dir/.vscode/settings.json).',
    '',
    '  --format md    markdown grouped by letter and tag (default)',
    '  --format csv   semicolons, CRLF and a BOM, so Dutch Excel opens it',
    '  --format json  one object per passage',
    '',
    '  --commitments  the register of commitments (toezeggingen) instead: deadline, state, overdue, fulfilled by',
    '                 (--format md|csv|json|ics; ics is a calendar of the deadlines, one all-day event each)',
    '  --today D      the day overdue is measured against (YYYY-MM-DD; default: today)',
    '  --lang nl|en   language of the commitments report (default: from LC_ALL, LC_MESSAGES or LANG)',
    '',
    'Exit status: 0 on success, 1 when an annotation file does not parse, 2 on wrong usage.',
  ].join('\n'),
  async run({ positionals, values }, io) {
    if (values.commitments) {
      if (positionals.length > 1) throw new UsageError('expected at most one directory');
      return reportCommitments(resolve(io.cwd(), positionals[0] ?? '.'), values, io);
    }
    if (values.today !== undefined || values.lang !== undefined) throw new UsageError('--today and --lang go with --commitments');
    const format = values.format ?? 'md';
    if (!isFormat(format)) throw new UsageError(`unknown format '${format}'; use md, csv or json`);
    if (positionals.length > 1) throw new UsageError('expected at most one directory');
    const dir = resolve(io.cwd(), positionals[0] ?? '.');
    const { taxonomy, problems } = await loadTaxonomy(dir, io.cwd());
    for (const p of problems) io.err(`warning: ${p}`);
    const letters: LetterAnnotations[] = [];
    let failed = 0;
    for (const file of await annotationFilesUnder(dir)) {
      const shown = displayPath(io.cwd(), file);
      // A file that cannot be read (or fails unexpectedly) is reported on one line; the others are still reported.
      const read = await readLetter(dir, file, io.cwd()).catch((e: unknown) => [`${shown}:1:1: error: cannot read the file: ${firstLine(e)} [report-failed]`]);
      if (Array.isArray(read)) {
        failed++;
        for (const line of read) io.err(line);
      } else letters.push(read);
    }
    io.out(renderReport(collectPassages(letters, taxonomy), format));
    return failed ? 1 : 0;
  },
});

/** The annotations of one file with its letter, or the diagnostics (as lines) when it does not parse. */
async function readLetter(dir: string, file: string, cwd: string): Promise<LetterAnnotations | string[]> {
  const { result } = await loadAnnotationFile(file);
  if (!result.ok) return result.diagnostics.map((d) => formatDiagnostic(displayPath(cwd, file), d));
  const letterPath = letterPathOf(file, result.store);
  return {
    annotationFile: displayPath(dir, file),
    letterPath: displayPath(dir, letterPath),
    letterText: await readIfExists(letterPath),
    data: result.store.data(),
  };
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0];
}

function isFormat(format: string): format is ReportFormat {
  return (FORMATS as readonly string[]).includes(format);
}
