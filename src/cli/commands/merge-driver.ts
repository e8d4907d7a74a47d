// `kamerstuk merge-driver %O %A %B`: git merge driver for annotation files. Merges by annotation id and writes
// the result to %A. Exit 0: clean; 1: conflicts (written with markers); 2: a version does not parse (%A is
// left untouched, git then reports a conflict).

import { resolve } from 'node:path';
import { formatMessage, mergeAnnotationTexts } from '../../core/annotations';
import { formatDiagnostic, readAnnotationText, writeFileAtomic } from '../annotation-files';
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
    'Exit status: 0 merged cleanly, 1 conflicts (written with markers), 2 a version does not parse or is not',
    'UTF-8 text (%A is left untouched) or wrong usage.',
  ].join('\n'),
  async run({ positionals }, io) {
    if (positionals.length < 3) throw new UsageError('expected the files %O %A %B');
    const [base, ours, theirs] = positionals.slice(0, 3).map((p) => resolve(io.cwd(), p));
    const read = await Promise.all(
      [base, ours, theirs].map((p) =>
        readAnnotationText(p).catch((e: NodeJS.ErrnoException) => {
          if (e.code === 'ENOENT' && p === base) return { ok: true as const, text: '' };
          throw new CliError(`cannot read ${p}: ${e.code ?? e.message}`);
        }),
      ),
    );
    const sides = ['base', 'ours', 'theirs'] as const;
    const undecodable = read.findIndex((r) => !r.ok);
    if (undecodable >= 0) {
      // Like a version that does not parse: %A stays untouched and git reports the conflict.
      io.err(`kamerstuk merge-driver: the ${sides[undecodable]} version is not UTF-8 text; not merged`);
      const r = read[undecodable];
      if (!r.ok) for (const d of r.diagnostics) io.err(formatDiagnostic(sides[undecodable], d));
      return 2;
    }
    const texts = read.map((r) => (r.ok ? r.text : ''));
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
