// File-system side of the annotation commands: finding annotation files and their letters, the team taxonomy,
// atomic writes, and printing diagnostics.

import { promises as fs } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
// The ESM build: the package's "main" is a UMD wrapper whose inner require() calls esbuild cannot follow, so a
// bundled dist/cli.js would fail to load with "Cannot find module './impl/format'".
import { parse as parseJsonc, type ParseError, printParseErrorCode } from 'jsonc-parser/lib/esm/main.js';
import {
  AnnotationStore,
  encodingDiagnostics,
  formatMessage,
  isAnnotationFileName,
  letterFileNameFor,
  taxonomyFromSetting,
  type AnnotationDiagnostic,
  type Taxonomy,
} from '../core/annotations';
import { LineIndex } from '../core/text/line-index';
import { CliError } from './io';

const SKIPPED_DIRS = new Set(['node_modules', 'out', 'dist']);

/** Every `*.annotations.yaml` under `dir` (skipping hidden folders and build output), sorted. */
export async function findAnnotationFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string) => {
    const entries = await fs.readdir(d, { withFileTypes: true });
    for (const e of entries) {
      if (e.isDirectory()) {
        if (!e.name.startsWith('.') && !SKIPPED_DIRS.has(e.name)) await walk(join(d, e.name));
      } else if (isAnnotationFileName(e.name)) out.push(join(d, e.name));
    }
  };
  await walk(dir);
  return out.sort();
}

/** The letter of an annotation file: `document.path` relative to the file, else the `.md` beside it. */
export function letterPathOf(annotationFile: string, store?: AnnotationStore): string {
  const path = store?.letter.path;
  return path ? resolve(dirname(annotationFile), path) : join(dirname(annotationFile), letterFileNameFor(basename(annotationFile)));
}

export async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await fs.readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'EISDIR') return undefined;
    throw e;
  }
}

/**
 * The team's taxonomy: `kamerstuk.tags` in `<dir>/.vscode/settings.json` (JSON with comments), else the defaults.
 * Problems (an unreadable file, syntax errors, bad tag definitions) come back as text naming the file, shown
 * relative to `cwd`; callers print them as warnings and carry on.
 */
export async function loadTaxonomy(dir: string, cwd = dir): Promise<{ taxonomy: Taxonomy; problems: string[] }> {
  const file = join(dir, '.vscode', 'settings.json');
  const shown = displayPath(cwd, file);
  const problems: string[] = [];
  const text = await readIfExists(file).catch((e: NodeJS.ErrnoException) => {
    problems.push(`cannot read ${shown} (${e.code ?? e.message}); using the default tags`);
    return undefined;
  });
  const parsed = text === undefined ? { settings: {} } : parseSettings(text);
  if (parsed.error) problems.push(`${shown}:${parsed.error}`);
  const r = taxonomyFromSetting(parsed.settings['kamerstuk.tags']);
  return { taxonomy: r.taxonomy, problems: [...problems, ...r.problems.map((p) => `${shown}: ${formatMessage(p)}`)] };
}

/**
 * A VS Code settings file: JSON with comments and trailing commas. With syntax errors the file is not rejected:
 * like VS Code, which reads a broken settings file as far as it parses, the settings jsonc-parser recovers are
 * used, so the CLI sees the tags the editor shows; `error` then describes the first error ("line:column: ...").
 * An empty file (or only comments) and anything but an object at the top are read as no settings.
 */
export function parseSettings(text: string): { settings: Record<string, unknown>; error?: string } {
  const body = text.replace(/^\uFEFF/, '');
  const errors: ParseError[] = [];
  const value: unknown = parseJsonc(body, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  const settings = isRecord(value) ? value : {};
  if (!errors.length) return { settings };
  const at = new LineIndex(body).position(errors[0].offset);
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return { settings, error: `${at.line + 1}:${at.character + 1}: syntax error: ${printParseErrorCode(errors[0].error)}${more}; using what could be read` };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Writes via a temporary file next to the real file and a rename, so readers never see half a file. A symbolic
 * link is written through (its shared target is updated, the link stays a link); a read-only file is refused; a
 * failure is one line naming the file (exit 1), never a stack trace.
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const target = await fs.realpath(path).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return path;
    throw new CliError(`cannot write ${path}: ${e.code ?? e.message}`, 1);
  });
  const mode = await fs.stat(target).then(
    (s) => s.mode,
    () => undefined,
  );
  if (mode !== undefined && (mode & 0o222) === 0) throw new CliError(`${path} is read-only; it was not changed`, 1);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    await fs.writeFile(temp, text, 'utf8');
    if (mode !== undefined) await fs.chmod(temp, mode);
    await fs.rename(temp, target);
  } catch (e) {
    await fs.rm(temp, { force: true });
    throw new CliError(`cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 1);
  }
}

/** `file:line:column: severity: message [code]`, the format editors and CI logs link. */
export function formatDiagnostic(file: string, d: AnnotationDiagnostic): string {
  return `${file}:${d.line}:${d.column}: ${d.severity}: ${formatMessage(d.message)} [${d.code}]`;
}

export function displayPath(cwd: string, path: string): string {
  const r = relative(cwd, path);
  return r && !r.startsWith('..') ? r : path;
}

/** Reads and parses an annotation file; one that is not UTF-8 fails like one that does not parse. */
export async function loadAnnotationFile(path: string): Promise<{ text: string; result: ReturnType<typeof AnnotationStore.parse> }> {
  const decoded = await readAnnotationText(path);
  if (!decoded.ok) return { text: '', result: decoded };
  return { text: decoded.text, result: AnnotationStore.parse(decoded.text) };
}

/** An annotation file's text, or the diagnostic when its bytes are not UTF-8 (then it must never be rewritten). */
export async function readAnnotationText(path: string): Promise<{ ok: true; text: string } | { ok: false; diagnostics: AnnotationDiagnostic[] }> {
  const bytes = await fs.readFile(path);
  const diagnostics = encodingDiagnostics(bytes);
  return diagnostics.length ? { ok: false, diagnostics } : { ok: true, text: bytes.toString('utf8') };
}
