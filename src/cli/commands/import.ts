// `kamerstuk import <id|citation>... [--out DIR] [--offline-from DIR] [--force]` and `kamerstuk import --check`:
// a kamerstuk, Aanhangsel or Handelingen item from officielebekendmakingen (KOOP XML and metadata.xml) as a
// markdown letter, its record added to the team catalog; --check tells whether a publication differs from the
// letter in the workspace. A thin shell over core/letters.
import { existsSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import { join, resolve } from 'node:path';
import { annotationFileNameFor } from '../../core/annotations';
import { convertPublication, LetterError } from '../../core/letters';
import { saveToCatalog } from '../../core/metadata';
import { readIfExists, writeFileAtomic } from '../annotation-files';
import { CliError, defineCommand, UsageError, type CliIo } from '../io';
import { findCatalog } from '../node-storage';
import {
  comparable,
  findLetters,
  getPublication,
  knownNumbers,
  knownRecords,
  publicationIdOf,
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
h-tk-20232024-4-26), a citation (Kamerstuk 29 754, nr. 716) or a TK number the catalog knows.

  --out DIR           folder for the letters (default: the current folder)
  --offline-from DIR  no network: read <id>.xml and <id>.metadata.xml saved in DIR
  --force             replace a letter that differs and has an annotation file (check its tags afterwards
                      with kamerstuk anchor <letter>.annotations.yaml)
  --check             write nothing: for each letter imported before (its front matter's source is
                      officielebekendmakingen) or each id given, tell whether the publication now differs
                      from the file. KOOP's files do not state versions, so "newer" is "differs"
  --koop URL          the publication site (default ${KOOP}), for a mirror or a test server
  --timeout MS        per request (default 30000)

Requests go through the proxy in HTTPS_PROXY or HTTP_PROXY, except for hosts in NO_PROXY.

Exit status: 0 on success (with --check: every letter is the same as its publication), 1 when a publication
could not be imported (with --check: one differs or could not be read), 2 on wrong usage.`;

export const importCommand = defineCommand({
  name: 'import',
  usage: '<id|citation>... [--out DIR] [--offline-from DIR] [--force] | --check [id...] [--out DIR] [--offline-from DIR]',
  summary: 'a kamerstuk from officielebekendmakingen as a markdown letter; --check: has its publication changed',
  options: {
    out: { type: 'string' },
    'offline-from': { type: 'string' },
    force: { type: 'boolean' },
    check: { type: 'boolean' },
    koop: { type: 'string' },
    timeout: { type: 'string' },
  },
  help: HELP,
  async run({ positionals, values }, io) {
    const koopUrl = values.koop;
    if (koopUrl !== undefined && !/^https?:\/\/[^\s]+$/i.test(koopUrl)) throw new UsageError(`--koop must be an http(s) URL, not '${koopUrl}'`);
    const timeoutMs = values.timeout !== undefined ? Number(values.timeout) : 30_000;
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new UsageError('--timeout needs a positive number of milliseconds');
    if (values.check && values.force) throw new UsageError('--check writes nothing; --force has no use with it');
    if (!values.check && positionals.length === 0) throw new UsageError('give at least one id or citation (or --check)');
    const cwd = io.cwd();
    const outDir = resolve(cwd, values.out ?? '.');
    const offlineFrom = values['offline-from'] === undefined ? undefined : resolve(cwd, values['offline-from']);
    if (offlineFrom && !existsSync(offlineFrom)) throw new CliError(`--offline-from: ${relativeTo(cwd, offlineFrom)} does not exist`, 1);
    const source: PublicationSource = { offlineFrom, koopUrl, timeoutMs };
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
  const { io, cwd } = ctx;
  let failed = 0;
  await fs.mkdir(ctx.outDir, { recursive: true });
  for (const input of inputs) {
    try {
      const id = publicationIdOf(input, ctx.records);
      const path = join(ctx.outDir, `${id}.md`);
      const shown = relativeTo(cwd, path);
      const current = await readIfExists(path);
      const publication = await getPublication(id, ctx.source);
      const result = convertPublication(publication.xml, {
        id,
        metadataXml: publication.metadataXml,
        known: knownNumbers(current, ctx.records.get(id)),
      });
      for (const w of [...publication.warnings, ...result.warnings]) io.err(`kamerstuk import: ${id}: warning: ${w}`);
      if (current !== undefined && comparable(current) === result.markdown) {
        io.out(`${id}: ${shown} is up to date`);
      } else {
        const tagged = current !== undefined && existsSync(join(ctx.outDir, annotationFileNameFor(`${id}.md`)));
        if (tagged && !force) {
          throw new CliError(
            `${shown} differs from the publication and has tags; nothing was written. Run again with --force, then check the tags with kamerstuk anchor ${relativeTo(cwd, join(ctx.outDir, annotationFileNameFor(`${id}.md`)))}`,
            1,
          );
        }
        await writeFileAtomic(path, result.markdown);
        io.out(`${id}: ${current === undefined ? 'wrote' : 'replaced'} ${shown}${tagged ? ' (it has tags: check them with kamerstuk anchor)' : ''}`);
      }
      await saveRecord(result.metadata, ctx);
    } catch (e) {
      if (!(e instanceof LetterError || e instanceof CliError)) throw e;
      failed++;
      io.err(`kamerstuk import: ${input}: ${e.message}`);
    }
  }
  return failed ? 1 : 0;
}

/** Adds the record to the team catalog, when the workspace has one; a catalog that does not parse is left alone. */
async function saveRecord(meta: Parameters<typeof saveToCatalog>[1], ctx: Context): Promise<void> {
  if (!ctx.catalog) return;
  let text: string;
  try {
    text = saveToCatalog(ctx.catalog.text, meta);
  } catch (e) {
    ctx.io.err(`kamerstuk import: warning: ${relativeTo(ctx.cwd, ctx.catalog.path)} was not changed: ${(e as Error).message}`);
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
    targets = letters.filter((l) => l.source?.startsWith(KOOP));
    if (targets.length === 0) io.err('kamerstuk import --check: no imported letters found (front matter source on officielebekendmakingen)');
  }
  let changed = 0;
  for (const letter of targets) {
    const shown = relativeTo(cwd, letter.path);
    try {
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
