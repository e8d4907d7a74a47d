// `kamerstuk anchor <annotations.yaml> [--json] [--write [--accept]]`: where each annotation's passage is in its
// letter now. Statuses follow the confidence rule in src/core/annotations/anchor-score.ts. `--write` stores what
// `selectorUpdates` allows: new positions of exact and moved passages whose stored selector no longer finds them
// surely (positions are hints); never orphans, never the text of a fuzzy
// (changed) match unless `--accept` says the analyst accepted it (left as stored, offsets included, so `check`
// keeps flagging it). `--json` keeps the shape {id, status, start, end, score}; for an orphan
// start/end are the stored (stale) hint, not a location in the current letter.

import { resolve } from 'node:path';
import { anchorAnnotations, formatMessage, LetterText, message, MESSAGES, selectorUpdates } from '../../core/annotations';
import { displayPath, formatDiagnostic, letterPathOf, loadAnnotationFile, readIfExists, writeFileAtomic } from '../annotation-files';
import { CliError, count, defineCommand, UsageError } from '../io';

export const anchorCommand = defineCommand({
  name: 'anchor',
  usage: '<annotations.yaml> [--json] [--write [--accept]]',
  summary: 'status of each annotation (exact|moved|fuzzy|orphaned)',
  options: { json: { type: 'boolean' }, write: { type: 'boolean' }, accept: { type: 'boolean' } },
  help: [
    "Where each annotation's passage is in its letter now:",
    '  exact     same passage, same place',
    '  moved     same words elsewhere, with (most of) their context: safe to store',
    '  fuzzy     accepted with weaker evidence (edited words or little context): review it',
    '  orphaned  not found; start-end are the stored (stale) hint and may point at unrelated text now',
    '',
    '  --json    [{id, status, start, end, score}]; for orphans start/end are the stored hint',
    '  --write   store the new positions of exact and moved passages; orphans and fuzzy (changed) passages',
    '            keep their stored selector for review',
    '  --accept  with --write: also store the new text of fuzzy passages whose context agreed (you reviewed',
    '            them: `kamerstuk anchor FILE` lists them first)',
    '',
    'Exit status: 0 on success, 1 when the file or its letter cannot be read or does not parse, 2 on wrong usage.',
  ].join('\n'),
  async run({ positionals, values }, io) {
    if (positionals.length !== 1) throw new UsageError('expected one annotation file');
    if (values.accept && !values.write) throw new UsageError('--accept needs --write');
    const file = resolve(io.cwd(), positionals[0]);
    const shown = displayPath(io.cwd(), file);
    const { result } = await loadAnnotationFile(file).catch((e: NodeJS.ErrnoException) => {
      throw new CliError(`cannot read ${shown}: ${e.code ?? e.message}`, 1);
    });
    if (!result.ok) {
      for (const d of result.diagnostics) io.err(formatDiagnostic(shown, d));
      return 1;
    }
    const store = result.store;
    const letterPath = letterPathOf(file, store);
    const letter = await readIfExists(letterPath);
    if (letter === undefined) throw new CliError(formatMessage(message(MESSAGES.letterMissing, displayPath(io.cwd(), letterPath))), 1);
    const annotations = store.annotations();
    const text = new LetterText(letter);
    const results = anchorAnnotations(text, annotations);
    if (values.json) {
      io.out(
        JSON.stringify(
          results.map(({ id, status, start, end, score }) => ({ id, status, start, end, score: round(score) })),
          null,
          2,
        ),
      );
    } else {
      for (const r of results)
        io.out(`${r.id}  ${r.status.padEnd(8)}  ${String(r.start).padStart(7)}-${String(r.end).padEnd(7)}  ${round(r.score).toFixed(3)}`);
    }
    if (values.write) {
      const updates = selectorUpdates(annotations, results, { acceptChanged: values.accept === true, letter: text });
      if (updates.length) {
        store.updateSelectors(updates);
        await writeFileAtomic(file, store.toString());
        io.err(`updated ${count(updates.length, 'annotation')} in ${shown}`);
      }
    }
    return 0;
  },
});

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}
