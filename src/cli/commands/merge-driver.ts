// `kamerstuk merge-driver %O %A %B`: git merge driver for annotation files. Merges by annotation id and writes
// the result to %A. Exit 0: clean; 1: conflicts (written with markers); 2: a version does not parse (%A is
// left untouched, git then reports a conflict).

import { promises as fs } from 'node:fs';
import { resolve } from 'node:path';
import { formatMessage, mergeAnnotationTexts } from '../../core/annotations';
import { formatDiagnostic, writeFileAtomic } from '../annotation-files';
import { CliError, defineCommand, UsageError } from '../io';

export const mergeDriverCommand = defineCommand({
  name: 'merge-driver',
  usage: '%O %A %B',
  summary: 'git merge driver for *.annotations.yaml (merge by id)',
  options: {},
  help: [
    'Merges the base (%O), our (%A) and their (%B) version of an annotation file by annotation id and writes',
    'the result to %A. Set it up with the VS Code command "Kamerstuk: Set up team repository", or by hand with',
    'the path of this file (never through npx: no registry package of that name is ours):',
    '  git config merge.kamerstuk.driver "node \'/path/to/kamerstuk.js\' merge-driver %O %A %B"',
    '  echo "*.annotations.yaml merge=kamerstuk" >> .gitattributes',
    '',
    'Exit status: 0 merged cleanly, 1 conflicts (written with markers), 2 a version does not parse (%A is left',
    'untouched) or wrong usage.',
  ].join('\n'),
  async run({ positionals }, io) {
    if (positionals.length < 3) throw new UsageError('expected the files %O %A %B');
    const [base, ours, theirs] = positionals.slice(0, 3).map((p) => resolve(io.cwd(), p));
    const texts = await Promise.all(
      [base, ours, theirs].map((p) =>
        fs.readFile(p, 'utf8').catch((e: NodeJS.ErrnoException) => {
          if (e.code === 'ENOENT' && p === base) return '';
          throw new CliError(`cannot read ${p}: ${e.code ?? e.message}`);
        }),
      ),
    );
    const outcome = mergeAnnotationTexts(texts[0], texts[1], texts[2], 'markers');
    if (!outcome.ok) {
      io.err(`kamerstuk merge-driver: the ${outcome.side} version does not parse; not merged`);
      for (const d of outcome.diagnostics) io.err(formatDiagnostic(outcome.side, d));
      return 2;
    }
    if (outcome.text !== texts[1]) await writeFileAtomic(ours, outcome.text);
    for (const c of outcome.conflicts) io.err(`kamerstuk merge-driver: conflict: ${formatMessage(c.message)}`);
    return outcome.conflicts.length ? 1 : 0;
  },
});
