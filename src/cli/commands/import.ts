// `kamerstuk import <id|citation|number>... [--out DIR] [--offline-from DIR] [--force]` and `kamerstuk import --check`:
// a kamerstuk, Aanhangsel or Handelingen item from officielebekendmakingen (KOOP XML and metadata.xml) as a
// markdown letter, its record added to the team catalog; a Tweede Kamer document number through the OData API
// (KOOP's XML when it publishes the kamerstuk, else the DOCX the Kamer received); --check tells whether a
// publication differs from the letter in the workspace. A thin shell over core/letters.
import { existsSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { annotationFileNameFor, keptVersionPath, letterHash } from '../../core/annotations';
import { convertDocx, convertPublication, DOCX_SOURCE, LetterError } from '../../core/letters';
import { mammothToHtml } from '../../core/letters/docx-mammoth';
import { DEFAULT_API_BASE_URL, saveToCatalog, type DocumentMetadata } from '../../core/metadata';
import { readIfExists, writeFileAtomic } from '../annotation-files';
import { CliError, defineCommand, UsageError, type CliIo } from '../io';
import { findCatalog } from '../node-storage';
import {
  comparable,
  findLetters,
  getPublication,
  getTkDocument,
  getTkResource,
  importTargetOf,
  isDocxLetter,
  isSafeBaseUrl,
  knownNumbers,
  knownRecords,
  publicationIdOf,
  readUtf8,
  relativeTo,
  type PublicationSource,
  type WorkspaceLetter,
} from '../letter-import';

const KOOP = 'https://zoek.officielebekendmakingen.nl/';

const HELP = `Fetches each publication from zoek.officielebekendmakingen.nl (<id>.xml, then <id>/metadata.xml) and
writes it as a markdown letter <DIR>/<id>.md: front matter (kamerstuk, documentnummer, zaak, soort, datum,
dossier, titel, vergaderjaar, dossiertitel, ondernummer, ondertekenaars, source), then the text with its
headings, lists, tables, links and footnotes. The record is added to .kamerstuk/catalog.yaml when the workspace
has one (from the current folder upwards). An input is an id (kst-29754-716, ah-tk-20232024-1234,
h-tk-20232024-4-26), a citation (Kamerstuk 29 754, nr. 716) or a Tweede Kamer document number (2024D25640).
A number is looked up in the Tweede Kamer API: a numbered kamerstuk comes from KOOP; one KOOP has not published
yet, and any other document, is converted from the DOCX the Kamer received (front matter source:
tweedekamer-docx; a later import of its kst- id replaces it, tags or not). PDF files are not imported.

  --out DIR           folder for the letters (default: the current folder)
  --offline-from DIR  no network: read <id>.xml and <id>.metadata.xml saved in DIR; for a document number
                      <number>.json (its OData Document) and <number>.docx
  --force             replace a letter that differs and has an annotation file (check its tags afterwards
                      with kamerstuk anchor <letter>.annotations.yaml)
  --check             write nothing: for each letter imported before (its front matter's source is
                      officielebekendmakingen) or each id given, tell whether the publication now differs
                      from the file. KOOP's files do not state versions, so "newer" is "differs". A letter
                      converted from the Tweede Kamer's DOCX (a kst- id) is checked for KOOP's publication
  --koop URL          the publication site (default ${KOOP}), for a mirror or a test server
  --api URL           the Tweede Kamer OData API (default ${DEFAULT_API_BASE_URL})
  --timeout MS        per request (default 30000)

Requests go through the proxy in HTTPS_PROXY or HTTP_PROXY, except for hosts in NO_PROXY.

Exit status: 0 on success (with --check: every letter is the same as its publication), 1 when a publication
could not be imported (with --check: one differs or could not be read), 2 on wrong usage.`;

export const importCommand = defineCommand({
  name: 'import',
  usage: '<id|citation|number>... [--out DIR] [--offline-from DIR] [--force] [--api URL] | --check [id...] [--out DIR] [--offline-from DIR]',
  summary: 'a kamerstuk from officielebekendmakingen (or a TK number as DOCX) as a markdown letter; --check: has its publication changed',
  options: {
    out: { type: 'string' },
    'offline-from': { type: 'string' },
    force: { type: 'boolean' },
    check: { type: 'boolean' },
    koop: { type: 'string' },
    api: { type: 'string' },
    timeout: { type: 'string' },
  },
  help: HELP,
  async run({ positionals, values }, io) {
    const koopUrl = values.koop;
    if (koopUrl !== undefined && !isSafeBaseUrl(koopUrl))
      throw new UsageError(`--koop must be an https URL (plain http only to this machine), not '${koopUrl}'`);
    const apiUrl = values.api;
    if (apiUrl !== undefined && !isSafeBaseUrl(apiUrl)) throw new UsageError(`--api must be an https URL (plain http only to this machine), not '${apiUrl}'`);
    const timeoutMs = values.timeout !== undefined ? Number(values.timeout) : 30_000;
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new UsageError('--timeout needs a positive number of milliseconds');
    if (values.check && values.force) throw new UsageError('--check writes nothing; --force has no use with it');
    if (!values.check && positionals.length === 0) throw new UsageError('give at least one id, citation or document number (or --check)');
    const cwd = io.cwd();
    const outDir = resolve(cwd, values.out ?? '.');
    const offlineFrom = values['offline-from'] === undefined ? undefined : resolve(cwd, values['offline-from']);
    if (offlineFrom && !existsSync(offlineFrom)) throw new CliError(`--offline-from: ${relativeTo(cwd, offlineFrom)} does not exist`, 1);
    const source: PublicationSource = { offlineFrom, koopUrl, apiUrl, timeoutMs };
    const catalog = await findCatalog(cwd, (p) => io.readFile(p));
    const records = knownRecords(catalog?.text);
    const context: Context = { io, cwd, outDir, source, records, catalog };
    return values.check ? check(positionals, context) : importAll(positionals, values.force === true, context);
  },
});

interface Context {
  io: CliIo;
  cwd: string;
  outDir: string;
  source: PublicationSource;
  records: ReturnType<typeof knownRecords>;
  catalog: { path: string; text: string } | undefined;
}

async function importAll(inputs: string[], force: boolean, ctx: Context): Promise<number> {
  let failed = 0;
  await fs.mkdir(ctx.outDir, { recursive: true });
  for (const input of inputs) {
    try {
      const target = importTargetOf(input, ctx.records);
      if ('tk' in target) await importTk(target.tk, force, ctx);
      else if (!target.number) await importKoop(target.koop, force, ctx);
      else {
        try {
          await importKoop(target.koop, force, ctx);
        } catch (e) {
          if (!unpublished(e)) throw e;
          ctx.io.err(
            `kamerstuk import: ${target.number}: KOOP has no publication of ${target.koop} yet (${(e as Error).message}); asking the Tweede Kamer API`,
          );
          await importTk(target.number, force, ctx, false);
        }
      }
    } catch (e) {
      if (!(e instanceof LetterError || e instanceof CliError)) throw e;
      failed++;
      ctx.io.err(`kamerstuk import: ${input}: ${e.message}`);
    }
  }
  return failed ? 1 : 0;
}

/** A publication from KOOP (or its saved files); `known`: TK numbers the API gave, before the workspace's. */
async function importKoop(id: string, force: boolean, ctx: Context, known?: Pick<DocumentMetadata, 'documentnummer' | 'zaaknummer'>): Promise<void> {
  const current = await readIfExists(join(ctx.outDir, `${id}.md`));
  const publication = await getPublication(id, ctx.source);
  const fromWorkspace = knownNumbers(current, ctx.records.get(id));
  const result = convertPublication(publication.xml, {
    id,
    metadataXml: publication.metadataXml,
    known: { documentnummer: known?.documentnummer ?? fromWorkspace.documentnummer, zaaknummer: known?.zaaknummer ?? fromWorkspace.zaaknummer },
  });
  for (const w of [...publication.warnings, ...result.warnings]) ctx.io.err(`kamerstuk import: ${id}: warning: ${w}`);
  await writeLetter(id, result.markdown, 'koop', current, force, ctx);
  await saveRecord(result.metadata, ctx);
}

/**
 * A Tweede Kamer document number: a numbered kamerstuk from KOOP when KOOP has it; else (and for any other
 * document) the DOCX the Kamer received. A PDF is refused: it has no structure to keep.
 */
async function importTk(number: string, force: boolean, ctx: Context, tryKoop = true): Promise<void> {
  const info = await getTkDocument(number, ctx.source);
  if (info.kamerstukId && tryKoop) {
    try {
      await importKoop(info.kamerstukId, force, ctx, info.metadata);
      return;
    } catch (e) {
      if (!unpublished(e)) throw e;
      ctx.io.err(
        `kamerstuk import: ${number}: KOOP has no publication of ${info.kamerstukId} yet (${(e as Error).message}); the Tweede Kamer's DOCX is imported instead`,
      );
    }
  }
  const resource = await getTkResource(info, ctx.source);
  if (resource.format === 'pdf') {
    throw new LetterError(
      'unsupported',
      `the Tweede Kamer has ${number} as a PDF only; PDF files are not imported (wait for KOOP's publication, or add the text by hand)`,
    );
  }
  const result = await convertDocx(resource.bytes, info.metadata, { toHtml: mammothToHtml });
  for (const w of result.warnings) ctx.io.err(`kamerstuk import: ${result.id}: warning: ${w}`);
  const current = await readIfExists(join(ctx.outDir, `${result.id}.md`));
  await writeLetter(result.id, result.markdown, 'docx', current, force, ctx);
  await saveRecord(result.metadata, ctx);
}

/**
 * Writes `<out>/<id>.md` unless it is already this text. A letter with tags that differs is replaced only with
 * --force, except a letter converted from the Tweede Kamer's DOCX, which the KOOP publication replaces (that is
 * said, with how to check the tags). A DOCX conversion never replaces another kind of letter without --force.
 */
async function writeLetter(id: string, markdown: string, via: 'koop' | 'docx', current: string | undefined, force: boolean, ctx: Context): Promise<void> {
  const { io, cwd } = ctx;
  const path = join(ctx.outDir, `${id}.md`);
  const shown = relativeTo(cwd, path);
  if (current !== undefined && comparable(current) === markdown) {
    io.out(`${id}: ${shown} is up to date`);
    return;
  }
  const annotations = join(ctx.outDir, annotationFileNameFor(`${id}.md`));
  const tagged = current !== undefined && existsSync(annotations);
  const wasDocx = isDocxLetter(current);
  if (via === 'docx' && current !== undefined && !wasDocx && !force) {
    throw new CliError(
      `${shown} was not converted from the Tweede Kamer's DOCX (it is the KOOP publication or written by hand); nothing was written. Run again with --force to replace it`,
      1,
    );
  }
  const replacesDocx = via === 'koop' && wasDocx;
  if (tagged && !force && !replacesDocx) {
    throw new CliError(
      `${shown} differs from the publication and has tags; nothing was written. Run again with --force, then check the tags with kamerstuk anchor ${relativeTo(cwd, annotations)}`,
      1,
    );
  }
  // The old text is kept where the editor keeps it, so anchoring through history (`kamerstuk anchor`) maps the tags.
  if (current !== undefined) await keepVersion(path, current);
  await writeFileAtomic(path, markdown);
  const what = current === undefined ? 'wrote' : 'replaced';
  const why = replacesDocx ? " (it was converted from the Tweede Kamer's DOCX; this is KOOP's publication)" : '';
  const check = tagged ? ' (it has tags: check them with kamerstuk anchor)' : '';
  io.out(`${id}: ${what} ${shown}${via === 'docx' ? " from the Tweede Kamer's DOCX" : ''}${why}${check}`);
}

/** The replaced text at `.versions/<name>/<hash>.md` beside the letter (written once: the hash names its content). */
async function keepVersion(letterPath: string, text: string): Promise<void> {
  const kept = join(dirname(letterPath), keptVersionPath(basename(letterPath), letterHash(text)));
  if (existsSync(kept)) return;
  await fs.mkdir(dirname(kept), { recursive: true });
  await writeFileAtomic(kept, text);
}

/**
 * Adds the record to the team catalog, when the workspace has one; a catalog that does not parse, or whose bytes
 * are not UTF-8, is left alone.
 */
async function saveRecord(meta: Parameters<typeof saveToCatalog>[1], ctx: Context): Promise<void> {
  if (!ctx.catalog) return;
  const shown = relativeTo(ctx.cwd, ctx.catalog.path);
  if ((await readUtf8(ctx.catalog.path).catch(() => '')) === undefined) {
    ctx.io.err(`kamerstuk import: warning: ${shown} was not changed: it is not UTF-8 text (save it as UTF-8, then import again to add the record)`);
    return;
  }
  let text: string;
  try {
    text = saveToCatalog(ctx.catalog.text, meta);
  } catch (e) {
    ctx.io.err(`kamerstuk import: warning: ${shown} was not changed: ${(e as Error).message}`);
    return;
  }
  if (text === ctx.catalog.text) return;
  await writeFileAtomic(ctx.catalog.path, text);
  ctx.catalog = { path: ctx.catalog.path, text };
}

function idOrFail(input: string, ctx: Context): string {
  try {
    return publicationIdOf(input, ctx.records);
  } catch (e) {
    if (e instanceof LetterError) throw new CliError(e.message, 1);
    throw e;
  }
}

async function check(ids: string[], ctx: Context): Promise<number> {
  const { io, cwd } = ctx;
  const letters = await findLetters(ctx.outDir);
  let targets: WorkspaceLetter[];
  if (ids.length) {
    targets = [];
    for (const input of ids) {
      const id = idOrFail(input, ctx);
      const letter = letters.find((l) => l.id === id);
      if (!letter) throw new CliError(`no letter ${id} under ${relativeTo(cwd, ctx.outDir) || '.'}`, 1);
      targets.push(letter);
    }
  } else {
    // A letter converted from the Tweede Kamer's DOCX is checked for KOOP's publication of its kamerstuk.
    targets = letters.filter((l) => l.source?.startsWith(KOOP) || (l.source === DOCX_SOURCE && l.id.startsWith('kst-')));
    if (targets.length === 0) io.err('kamerstuk import --check: no imported letters found (front matter source on officielebekendmakingen)');
  }
  let changed = 0;
  for (const letter of targets) {
    const shown = relativeTo(cwd, letter.path);
    try {
      if (letter.source === DOCX_SOURCE) {
        if (await koopPublishes(letter.id, ctx)) {
          changed++;
          io.out(`${letter.id}: KOOP now publishes it; ${shown} was converted from the Tweede Kamer's DOCX: import it again to replace it`);
        } else io.out(`${letter.id}: KOOP does not publish it yet; ${shown} stays the Tweede Kamer's DOCX`);
        continue;
      }
      const publication = await getPublication(letter.id, ctx.source);
      const result = convertPublication(publication.xml, {
        id: letter.id,
        metadataXml: publication.metadataXml,
        known: knownNumbers(letter.text, ctx.records.get(letter.id)),
      });
      if (comparable(letter.text) === result.markdown) io.out(`${letter.id}: ${shown} is the same as the publication`);
      else {
        changed++;
        io.out(`${letter.id}: the publication differs from ${shown}; import it again to see the change`);
      }
    } catch (e) {
      if (!(e instanceof LetterError || e instanceof CliError)) throw e;
      changed++;
      io.err(`kamerstuk import --check: ${letter.id}: ${e.message}`);
    }
  }
  return changed ? 1 : 0;
}

/** KOOP's answer for a kamerstuk it has not published (yet): not found, or its web page instead of the XML. */
function unpublished(e: unknown): boolean {
  return e instanceof LetterError && (e.code === 'not-found' || e.code === 'not-xml');
}

/** Whether KOOP (or the saved files) has the publication of `id`; other failures are errors. */
async function koopPublishes(id: string, ctx: Context): Promise<boolean> {
  if (!id.startsWith('kst-')) return false;
  try {
    await getPublication(id, ctx.source);
    return true;
  } catch (e) {
    if (unpublished(e)) return false;
    throw e;
  }
}
