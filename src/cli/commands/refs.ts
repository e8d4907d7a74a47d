// `kamerstuk refs <file|dir>... [--json]`: one row per referenced document in markdown notes, with 1-based line and
// column and UTF-16 offsets. Directories are walked for *.md, skipping node_modules and dot-folders.
import { promises as fs } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { CliError, count, defineCommand, UsageError } from '../io';
import { refRowsInWorkers, refsWorkerPlan, type RefsFile } from '../parallel-refs';
import { refRows, type FileRows, type RefRow } from '../ref-rows';
import { readInOrder, walkWorkspace } from '../workspace-scan';

export { refRows, type RefRow } from '../ref-rows';

const HELP = `Lists every document cited in markdown notes: kamerstukken, dossiers, motions, Handelingen, Aanhangsel,
Staatsblad and Staatscourant, TK document and zaak numbers, and links to them. Code is skipped.
Directories are searched for *.md files (node_modules and folders starting with '.' are skipped).

  --json   print an array of {file, line, column, start, end, text, kind, id, parts, form}
           (line and column 1-based, start and end UTF-16 offsets into the file)

Many files are read and scanned on worker threads, one per processor (KAMERSTUK_CLI_WORKERS=<n> sets how many;
0 keeps the work on one thread); the output is the same and in the same order.

Exit status: 0 on success, 2 on wrong usage or an unreadable path.`;

async function markdownFiles(path: string, shown = path): Promise<string[]> {
  const stat = await fs.stat(path).catch(() => null);
  if (!stat) throw new CliError(`no such file or directory: ${shown}`);
  if (stat.isFile()) return [path];
  return (await walkWorkspace(path, { skip: SKIPPED, skipHiddenFiles: true })).markdown;
}

const SKIPPED: ReadonlySet<string> = new Set(['node_modules']);

function table(rows: RefRow[]): string {
  const oneLine = (t: string) => {
    const flat = t.replace(/\s+/g, ' ');
    return flat.length > 70 ? flat.slice(0, 69) + '…' : flat;
  };
  const cells = rows.map((r) => [`${r.file}:${r.line}:${r.column}`, r.kind, r.id ?? '(unresolved)', oneLine(r.text)]);
  const head = ['LOCATION', 'KIND', 'ID', 'TEXT'];
  // A loop, not Math.max(...cells): a spread of 100,000s of rows overflows the call stack.
  const widths = head.map((h) => h.length);
  for (const c of cells) for (let i = 0; i < c.length; i++) if (c[i].length > widths[i]) widths[i] = c[i].length;
  const fmt = (c: string[]) => c.map((x, i) => (i === c.length - 1 ? x : x.padEnd(widths[i]))).join('  ');
  return [fmt(head), ...cells.map(fmt)].join('\n');
}

export const refsCommand = defineCommand({
  name: 'refs',
  usage: '<file|dir>... [--json]',
  summary: 'documents cited in markdown notes, one row each',
  options: { json: { type: 'boolean' } },
  help: HELP,
  async run({ positionals, values }, io) {
    if (positionals.length === 0) throw new UsageError('give at least one file or directory');
    const cwd = io.cwd();
    const rows: RefRow[] = [];
    let files = 0;
    const take = (shown: string, scanned: FileRows) => {
      if (scanned.error !== undefined) throw new CliError(`cannot read ${shown}: ${scanned.error}`);
      for (const row of scanned.rows) rows.push(row);
      for (const w of scanned.warnings) io.err(w);
    };
    for (const arg of positionals) {
      const abs = isAbsolute(arg) ? arg : resolve(cwd, arg);
      const found = await markdownFiles(abs, arg);
      files += found.length;
      const shownOf = (f: string) => (isAbsolute(arg) ? f : relative(cwd, f) || f);
      const plan = refsWorkerPlan(found.length);
      if (plan) {
        // Many files: read and scanned on worker threads, handed back in the same order.
        const list: RefsFile[] = found.map((f) => ({ path: f, shown: shownOf(f).split('\\').join('/') }));
        await refRowsInWorkers(list, plan, (f, scanned) => take(shownOf(f.path), scanned));
        continue;
      }
      const read = (f: string) =>
        io.readFile(f).catch((e: unknown) => {
          throw new CliError(`cannot read ${shownOf(f)}: ${e instanceof Error ? e.message : String(e)}`);
        });
      await readInOrder(found, read, (f, text) => take(shownOf(f), refRows(shownOf(f).split('\\').join('/'), text)));
    }
    if (values.json) io.out(JSON.stringify(rows, null, 2));
    else if (rows.length) io.out(`${table(rows)}\n\n${count(rows.length, 'reference')} in ${count(files, 'file')}`);
    else io.out(`no references in ${count(files, 'file')}`);
    return 0;
  },
});
