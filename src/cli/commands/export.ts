// `kamerstuk export <letter.md> --html [--out FILE] [--lang nl|en]`: the tagged letter as one self-contained HTML
// page, for readers without VS Code. A thin shell over core/export: files in, the page out.
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import MarkdownIt from 'markdown-it';
import { annotationFileNameFor, type Annotation } from '../../core/annotations';
import { exportTaggedLetter } from '../../core/export';
import { letterIdOf } from '../../core/letters';
import { bundledSource, CatalogSource, type DocumentMetadata } from '../../core/metadata';
import { readingLanguageOf, type ReadingLanguage } from '../../core/preview';
import { displayPath, formatDiagnostic, loadAnnotationFile, loadTaxonomy, readIfExists, writeFileAtomic } from '../annotation-files';
import { CliError, defineCommand, UsageError } from '../io';
import { findCatalog } from '../node-storage';

const LANGUAGES: readonly ReadingLanguage[] = ['nl', 'en'];

export const exportCommand = defineCommand({
  name: 'export',
  usage: '<letter.md> --html [--out FILE] [--lang nl|en]',
  summary: 'the tagged letter as one self-contained HTML page (print it to PDF from a browser)',
  options: { html: { type: 'boolean' }, out: { type: 'string' }, lang: { type: 'string' } },
  help: [
    'Writes the letter with its tagged passages marked, a summary of the tags, the legend, the notes and the',
    "letter's metadata as one HTML file: no scripts and nothing loaded from the network, with print styles, so a",
    'browser prints it to PDF. Tags come from the annotation file beside the letter (<letter>.annotations.yaml),',
    "tag labels and colours from kamerstuk.tags in .vscode/settings.json (from the letter's folder upwards),",
    'metadata from the front matter and .kamerstuk/catalog.yaml. Nothing is looked up online.',
    '',
    '  --html         the format (the only one for now)',
    '  --out FILE     write FILE instead of printing the page',
    '  --lang nl|en   language of the labels (default: from LC_ALL, LC_MESSAGES or LANG; English unless Dutch)',
    '',
    'Exit status: 0 on success, 1 when the letter cannot be read or its annotation file has errors, 2 on wrong usage.',
  ].join('\n'),
  async run({ positionals, values }, io) {
    if (positionals.length !== 1) throw new UsageError('expected one letter');
    if (values.html !== true) throw new UsageError('choose the format: --html');
    const language = values.lang ?? readingLanguageOf(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG);
    if (!isLanguage(language)) throw new UsageError(`unknown language '${language}'; use nl or en`);
    const letterPath = resolve(io.cwd(), positionals[0]);
    const letterText = await readIfExists(letterPath).catch((e: NodeJS.ErrnoException) => {
      throw new CliError(`cannot read ${displayPath(io.cwd(), letterPath)}: ${e.code ?? e.message}`, 1);
    });
    if (letterText === undefined) throw new CliError(`${displayPath(io.cwd(), letterPath)} does not exist`, 1);

    const annotations = await readAnnotations(letterPath, io.cwd(), (line) => io.err(line));
    const { taxonomy, problems } = await loadTaxonomy(settingsFolder(dirname(letterPath)), io.cwd());
    for (const p of problems) io.err(`warning: ${p}`);
    const records = await metadataRecords(dirname(letterPath), io.readFile);
    const id = letterIdOf(basename(letterPath), letterText);
    // The export sets markdown-it's options itself (exportMarkdownOptions), as it does for VS Code's instance.
    const html = exportTaggedLetter(() => new MarkdownIt(), {
      letterText,
      fileName: basename(letterPath),
      annotations,
      taxonomy,
      language,
      metadata: id ? records.get(id) : undefined,
      citationTitle: (cited) => records.get(cited)?.title,
    });
    if (values.out) await writeFileAtomic(resolve(io.cwd(), values.out), html);
    else io.out(html);
    return 0;
  },
});

/** The letter's tags: the annotation file beside it; none when there is none (said on stderr). */
async function readAnnotations(letterPath: string, cwd: string, warn: (line: string) => void): Promise<readonly Annotation[]> {
  const file = join(dirname(letterPath), annotationFileNameFor(basename(letterPath)));
  if (!existsSync(file)) {
    warn(`warning: ${displayPath(cwd, file)} does not exist; the letter is exported without tags`);
    return [];
  }
  const { result } = await loadAnnotationFile(file);
  if (!result.ok) {
    for (const d of result.diagnostics) warn(formatDiagnostic(displayPath(cwd, file), d));
    throw new CliError(`${displayPath(cwd, file)} has errors; nothing was exported`, 1);
  }
  return result.store.annotations();
}

/** The nearest folder (from `dir` upwards) with .vscode/settings.json, where the team's taxonomy is; else `dir`. */
function settingsFolder(dir: string): string {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, '.vscode', 'settings.json'))) return d;
    if (dirname(d) === d) return dir;
  }
}

/** Every record of the team catalog (found upwards from `dir`) and the bundled catalog, by id and alias. */
async function metadataRecords(dir: string, readFile: (path: string) => Promise<string>): Promise<Map<string, DocumentMetadata>> {
  const catalog = await findCatalog(dir, readFile);
  const byId = new Map<string, DocumentMetadata>();
  for (const r of [...new CatalogSource(catalog?.text ?? '').records(), ...bundledSource().records()]) {
    for (const id of [r.id, ...(r.aliases ?? [])]) if (!byId.has(id)) byId.set(id, r);
  }
  return byId;
}

function isLanguage(language: string): language is ReadingLanguage {
  return (LANGUAGES as readonly string[]).includes(language);
}
