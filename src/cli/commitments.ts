// The commitments register in the CLI (issue 16): `report --commitments` and `check --overdue`. A thin shell over
// core/commitments: reads the annotation files under a folder with their letters, and prints.

import { join } from 'node:path';
import { type Taxonomy } from '../core/annotations';
import {
  collectCommitments,
  COMMITMENT_FORMATS,
  commitmentLetter,
  commitmentsAs,
  commitmentTags,
  type CommitmentFormat,
  type CommitmentLetter,
} from '../core/commitments';
import { readingLanguageOf } from '../core/preview/labels';
import { displayPath, findAnnotationFiles, formatDiagnostic, letterPathOf, loadAnnotationFile, loadTaxonomy, readIfExists } from './annotation-files';
import { type CliIo, UsageError } from './io';

export interface CommitmentOptions {
  format?: string;
  today?: string;
  lang?: string;
}

/** `--today`: a real date as YYYY-MM-DD; default the local date of this machine (the CLI may read the clock; core never does). */
export function todayOption(value: string | undefined, now: () => Date = () => new Date()): string {
  if (value === undefined) {
    const d = now();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : undefined;
  if (!m || !d || d.getDate() !== Number(m[3]) || d.getMonth() !== Number(m[2]) - 1)
    throw new UsageError(`--today must be a date as YYYY-MM-DD, not '${value}'`);
  return value;
}

function languageOption(value: string | undefined): 'en' | 'nl' {
  const lang = value ?? readingLanguageOf(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG);
  if (lang !== 'en' && lang !== 'nl') throw new UsageError(`unknown language '${lang}'; use nl or en`);
  return lang;
}

/**
 * The taxonomy's commitment tags: by key, or by a label that says commitment or toezegging; with their labels,
 * since a file written by hand may name a tag by its label (`tag: toezegging`).
 */
export function commitmentTagsOf(taxonomy: Taxonomy): string[] {
  const byLabel = [...taxonomy.values()].filter((d) => /^(?:commitments?|toezegging(?:en)?)$/i.test(d.label ?? '') || /^commitments?$/i.test(d.labelEn ?? ''));
  const keys = new Set([...commitmentTags([...taxonomy.keys()]), ...byLabel.map((d) => d.id)]);
  const labels = [...keys].flatMap((k) => [taxonomy.get(k)?.label, taxonomy.get(k)?.labelEn]).filter((x): x is string => !!x);
  return [...new Set([...keys, ...labels])];
}

/** Every letter with an annotation file under `dir`; files that do not parse are reported on stderr and counted. */
export async function readCommitmentLetters(dir: string, io: CliIo): Promise<{ letters: CommitmentLetter[]; failed: number }> {
  const letters: CommitmentLetter[] = [];
  let failed = 0;
  for (const file of await findAnnotationFiles(dir)) {
    const shown = displayPath(io.cwd(), file);
    try {
      const { result } = await loadAnnotationFile(file);
      if (!result.ok) {
        failed++;
        for (const d of result.diagnostics) io.err(formatDiagnostic(shown, d));
        continue;
      }
      const letterPath = letterPathOf(file, result.store);
      const text = (await readIfExists(letterPath)) ?? '';
      const letter = commitmentLetter(displayPath(dir, letterPath), text, result.store.annotations());
      if (!letter.id && result.store.letter.id) letter.id = result.store.letter.id;
      letters.push(letter);
    } catch (e) {
      failed++;
      io.err(`${shown}:1:1: error: cannot read the file: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]} [report-failed]`);
    }
  }
  return { letters, failed };
}

/** `kamerstuk report [dir] --commitments [--format md|csv|json|ics] [--today D] [--lang nl|en]`. */
export async function reportCommitments(dir: string, options: CommitmentOptions, io: CliIo): Promise<number> {
  const format = options.format ?? 'md';
  if (!(COMMITMENT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format '${format}'; use md, csv, json or ics`);
  const today = todayOption(options.today);
  const lang = languageOption(options.lang);
  const { taxonomy, problems } = await loadTaxonomy(dir, io.cwd());
  for (const p of problems) io.err(`warning: ${p}`);
  const { letters, failed } = await readCommitmentLetters(dir, io);
  const list = collectCommitments(letters, { today, tags: commitmentTagsOf(taxonomy) });
  io.out(commitmentsAs(list, format as CommitmentFormat, { lang, today }));
  return failed ? 1 : 0;
}

/** `kamerstuk check [dir] --overdue [--today D]`: one line per open commitment past its deadline; exit 1 if any. */
export async function checkOverdue(dir: string, options: CommitmentOptions, io: CliIo): Promise<number> {
  const today = todayOption(options.today);
  const { taxonomy, problems } = await loadTaxonomy(dir, io.cwd());
  for (const p of problems) io.err(`warning: ${p}`);
  const { letters, failed } = await readCommitmentLetters(dir, io);
  const list = collectCommitments(letters, { today, tags: commitmentTagsOf(taxonomy) });
  const overdue = list.filter((c) => c.overdue);
  for (const c of overdue) {
    const line = c.letter.text ? lineOf(c.letter.text, c.annotation.start) : 1;
    const quote = c.annotation.quote.replace(/\s+/g, ' ');
    const shown = quote.length > 100 ? `${quote.slice(0, 99)}…` : quote;
    const where = displayPath(io.cwd(), join(dir, c.letter.path));
    io.out(`${where}:${line}: overdue since ${c.due!.to} (${c.due!.text}, ${c.state}): ${c.annotation.id} "${shown}" [commitment-overdue]`);
  }
  const open = list.filter((c) => c.state === 'open' || c.state === 'partly').length;
  io.out(`checked ${list.length} commitment${list.length === 1 ? '' : 's'} on ${today}: ${open} open, ${overdue.length} overdue`);
  return overdue.length || failed ? 1 : 0;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < Math.min(offset, text.length); i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
