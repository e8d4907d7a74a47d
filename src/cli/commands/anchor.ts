// `kamerstuk anchor <annotations.yaml> [--json] [--write [--accept]] [--previous FILE|REV]`: where each
// annotation's passage is in its letter now, through the diff from the version the anchors were made on when that
// is known (`document.hash`, or `--previous`), else by search. Statuses follow the confidence rule in src/core/annotations/anchor-score.ts. `--write` stores what
// `selectorUpdates` allows: new positions of exact and moved passages whose stored selector no longer finds them
// surely (positions are hints); never orphans, never the text of a fuzzy
// (changed) match unless `--accept` says the analyst accepted it (left as stored, offsets included, so `check`
// keeps flagging it). `--json` keeps the shape {id, status, start, end, score} plus `reason` (diff, context,
// search) and the `alternatives` of a near-tie; for an orphan start/end are the stored (stale) hint, not a location
// in the current letter. Writing records the letter's version the anchors now refer to (`document.hash`) when every
// tag was found there as is.

import { resolve } from 'node:path';
import { anchorAnnotations, formatMessage, LetterText, message, MESSAGES, selectorUpdates, versionToRecord } from '../../core/annotations';
import { displayPath, formatDiagnostic, letterPathOf, loadAnnotationFile, readIfExists, writeFileAtomic } from '../annotation-files';
import { CliError, count, defineCommand, UsageError } from '../io';
import { previousVersionOf } from '../previous-version';

export const anchorCommand = defineCommand({
  name: 'anchor',
  usage: '<annotations.yaml> [--json] [--write [--accept]] [--previous FILE|REV]',
  summary: 'status of each annotation (exact|moved|fuzzy|orphaned)',
  options: { json: { type: 'boolean' }, write: { type: 'boolean' }, accept: { type: 'boolean' }, previous: { type: 'string' } },
  help: [
    "Where each annotation's passage is in its letter now:",
    '  exact     same passage, same place',
    '  moved     same words elsewhere, with (most of) their context: safe to store',
    '  fuzzy     accepted with weaker evidence (edited words or little context): review it',
    '  orphaned  not found; start-end are the stored (stale) hint and may point at unrelated text now',
    '',
    '  --json    [{id, status, start, end, score, reason, alternatives?}]; reason: diff (mapped through the diff',
    '            from the previous version), context (found with its context), search; for orphans start/end',
    '            are the stored hint',
    '  --write   store the new positions of exact and moved passages; orphans and fuzzy (changed) passages',
    '            keep their stored selector for review',
    '  --accept  with --write: also store the new text of fuzzy passages whose context agreed (you reviewed',
    '            them: `kamerstuk anchor FILE` lists them first)',
    '  --previous the letter as the anchors were made on it: a file, or a git revision of the letter',
    '            (default: the version recorded in document.hash, from .versions/ or git, when it differs)',
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
    const previous = await previousVersionOf(letterPath, letter, store.letter.hash, values.previous, io.cwd());
    if (previous) io.err(`anchoring through the changes since ${previous.source}`);
    const results = anchorAnnotations(text, annotations, previous ? { previous: { text: previous.text } } : {});
    if (values.json) {
      io.out(
        JSON.stringify(
          results.map(({ id, status, start, end, score, reason, alternatives }) => ({
            id,
            status,
            start,
            end,
            score: round(score),
            ...(reason ? { reason } : {}),
            ...(alternatives?.length ? { alternatives } : {}),
          })),
          null,
          2,
        ),
      );
    } else {
      for (const r of results)
        io.out(
          `${r.id}  ${r.status.padEnd(8)}  ${String(r.start).padStart(7)}-${String(r.end).padEnd(7)}  ${round(r.score).toFixed(3)}  ${r.reason ?? ''}`.trimEnd(),
        );
    }
    if (values.write) {
      const updates = selectorUpdates(annotations, results, { acceptChanged: values.accept === true, letter: text });
      if (updates.length) {
        store.updateSelectors(updates);
        // The version, only when every tag was found there as is: a changed tag is best mapped from its own text.
        const version = versionToRecord(letter, results);
        if (version) store.setLetter({ hash: version });
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
