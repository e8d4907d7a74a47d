// `kamerstuk check [dir] [--strict]`: schema, unknown tags, duplicate ids, missing letters and orphans of every
// annotation file under dir. Exit 1 on errors (with --strict also on warnings); for CI and pre-commit hooks.

import { resolve } from 'node:path';
import { type AnnotationDiagnostic, checkAnnotations, message, MESSAGES } from '../../core/annotations';
import { displayPath, findAnnotationFiles, formatDiagnostic, letterPathOf, loadAnnotationFile, loadTaxonomy, readIfExists } from '../annotation-files';
import { type CliCommand, parseArgs } from '../io';

export const checkCommand: CliCommand = {
  synopsis: '[dir] [--strict]               schema, unknown tags, duplicate ids, missing letters, orphans',
  async run(args, io) {
    const { positional, flags } = parseArgs(args);
    if (flags.has('help')) {
      io.out(`kamerstuk check ${this.synopsis}\n  --strict  warnings (moved passages, fuzzy matches that need review) fail too`);
      return 0;
    }
    const dir = resolve(io.cwd(), positional[0] ?? '.');
    const { taxonomy, problems } = await loadTaxonomy(dir);
    for (const p of problems) io.err(`warning: ${p}`);
    const files = await findAnnotationFiles(dir);
    let errors = 0;
    let warnings = 0;
    const firstUse = new Map<string, string>();
    for (const file of files) {
      const shown = displayPath(io.cwd(), file);
      const report = (d: AnnotationDiagnostic) => {
        if (d.severity === 'error') errors++;
        else warnings++;
        io.out(formatDiagnostic(shown, d));
      };
      const { result } = await loadAnnotationFile(file);
      if (!result.ok) {
        result.diagnostics.forEach(report);
        continue;
      }
      const store = result.store;
      const letterPath = letterPathOf(file, store);
      const letterText = await readIfExists(letterPath);
      if (letterText === undefined) report(fileLevel('letter-missing', message(MESSAGES.letterMissing, displayPath(io.cwd(), letterPath))));
      checkAnnotations(store, { taxonomy, letterText }).diagnostics.forEach(report);
      for (const a of store.annotations()) {
        const other = firstUse.get(a.id);
        if (other) report(store.locate(a.id, 'id', 'duplicate-id', message(MESSAGES.duplicateIdAcrossFiles, a.id, other), 'warning')!);
        else firstUse.set(a.id, shown);
      }
    }
    io.out(`checked ${files.length} annotation file(s): ${errors} error(s), ${warnings} warning(s)`);
    return errors > 0 || (flags.has('strict') && warnings > 0) ? 1 : 0;
  },
};

function fileLevel(code: string, msg: AnnotationDiagnostic['message']): AnnotationDiagnostic {
  return { severity: 'error', code, message: msg, line: 1, column: 1, endLine: 1, endColumn: 1, offset: 0, endOffset: 0 };
}
