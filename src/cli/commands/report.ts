// `kamerstuk report [dir] [--format md|csv|json]`: every tagged passage under dir, to stdout.

import { resolve } from 'node:path';
import { collectPassages, type LetterAnnotations, renderReport, type ReportFormat } from '../../core/report';
import { displayPath, findAnnotationFiles, formatDiagnostic, letterPathOf, loadAnnotationFile, loadTaxonomy, readIfExists } from '../annotation-files';
import { type CliCommand, CliError, parseArgs } from '../io';

const FORMATS: readonly ReportFormat[] = ['md', 'csv', 'json'];

export const reportCommand: CliCommand = {
  synopsis: '[dir] [--format md|csv|json]  all tagged passages across letters (csv opens in Dutch Excel)',
  async run(args, io) {
    const { positional, flags } = parseArgs(args, ['format']);
    if (flags.has('help')) {
      io.out(`kamerstuk report ${this.synopsis}`);
      return 0;
    }
    const format = (flags.get('format') ?? 'md') as ReportFormat;
    if (!FORMATS.includes(format)) throw new CliError(`unknown format '${String(format)}'; use md, csv or json`);
    const dir = resolve(io.cwd(), positional[0] ?? '.');
    const { taxonomy } = await loadTaxonomy(dir);
    const letters: LetterAnnotations[] = [];
    let failed = 0;
    for (const file of await findAnnotationFiles(dir)) {
      const { result } = await loadAnnotationFile(file);
      if (!result.ok) {
        failed++;
        for (const d of result.diagnostics) io.err(formatDiagnostic(displayPath(io.cwd(), file), d));
        continue;
      }
      const letterPath = letterPathOf(file, result.store);
      letters.push({
        annotationFile: displayPath(dir, file),
        letterPath: displayPath(dir, letterPath),
        letterText: await readIfExists(letterPath),
        data: result.store.data(),
      });
    }
    io.out(renderReport(collectPassages(letters, taxonomy), format));
    return failed ? 1 : 0;
  },
};
