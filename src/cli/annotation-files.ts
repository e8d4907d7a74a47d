// File-system side of the annotation commands: finding annotation files and their letters, the team taxonomy,
// atomic writes, and printing diagnostics.

import { promises as fs } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { AnnotationStore, formatMessage, isAnnotationFileName, letterFileNameFor, taxonomyFromSetting, type AnnotationDiagnostic, type Taxonomy } from '../core/annotations';

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

/** The team's taxonomy: `kamerstuk.tags` in `<dir>/.vscode/settings.json` (JSON with comments), else the defaults. */
export async function loadTaxonomy(dir: string): Promise<{ taxonomy: Taxonomy; problems: string[] }> {
  const text = await readIfExists(join(dir, '.vscode', 'settings.json'));
  let setting: unknown;
  const problems: string[] = [];
  if (text !== undefined) {
    try {
      setting = (parseJsonc(text) as Record<string, unknown> | null)?.['kamerstuk.tags'];
    } catch (e) {
      problems.push(`.vscode/settings.json: ${(e as Error).message}`);
    }
  }
  const r = taxonomyFromSetting(setting);
  return { taxonomy: r.taxonomy, problems: [...problems, ...r.problems.map(formatMessage)] };
}

/** Parses JSON with comments and trailing commas, as VS Code's settings files allow. */
export function parseJsonc(text: string): unknown {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      out += text.slice(start, i + 1);
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
      out += ' ';
    } else out += c;
  }
  return JSON.parse(out.replace(/,(\s*[}\]])/g, '$1').replace(/^\uFEFF/, '') || 'null');
}

/** Writes via a temporary file in the same folder and a rename, so readers never see half a file. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    await fs.writeFile(temp, text, 'utf8');
    const mode = await fs.stat(path).then((s) => s.mode, () => undefined);
    if (mode !== undefined) await fs.chmod(temp, mode);
    await fs.rename(temp, path);
  } catch (e) {
    await fs.rm(temp, { force: true });
    throw e;
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

export async function loadAnnotationFile(path: string): Promise<{ text: string; result: ReturnType<typeof AnnotationStore.parse> }> {
  const text = await fs.readFile(path, 'utf8');
  return { text, result: AnnotationStore.parse(text) };
}
