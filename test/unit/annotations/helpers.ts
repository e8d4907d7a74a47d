// Shared by the annotation, report and CLI tests: the sample letter, its annotation fixture, temp folders.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';
import { AnnotationStore } from '../../../src/core/annotations/store';

export const FIXTURES = join(__dirname, '../../fixtures/annotations');
export const LETTER = readFileSync(join(FIXTURES, 'kst-29754-716.md'), 'utf8');
export const ANNOTATIONS_YAML = readFileSync(join(FIXTURES, 'kst-29754-716.annotations.yaml'), 'utf8');
export const BROKEN = ['bad-indentation', 'duplicate-key', 'wrong-types', 'unknown-version', 'truncated', 'duplicate-id'].map((name) => ({
  name,
  path: join(FIXTURES, 'broken', `${name}.annotations.yaml`),
}));

export function loadFixture(): AnnotationStore {
  const r = AnnotationStore.parse(ANNOTATIONS_YAML);
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r.store;
}

export function tempDir(name: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `kamerstuk-${name}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function captureIo(cwd: string): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (t) => stdout.push(t),
    err: (t) => stderr.push(t),
    readFile: (p) => Promise.resolve(readFileSync(p, 'utf8')),
    cwd: () => cwd,
  };
}

/** The offset of the n-th (0-based) occurrence of `needle`; throws when there is none. */
export function offsetOf(text: string, needle: string, occurrence = 0): number {
  let at = -1;
  for (let n = 0; n <= occurrence; n++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`not found: ${needle}`);
  }
  return at;
}

/** A temporary workspace with the sample letter and its annotation file under letters/. */
export function sampleWorkspace(name: string): { dir: string; cleanup: () => void } {
  const t = tempDir(name);
  mkdirSync(join(t.dir, 'letters'));
  writeFileSync(join(t.dir, 'letters/kst-29754-716.md'), LETTER);
  writeFileSync(join(t.dir, 'letters/kst-29754-716.annotations.yaml'), ANNOTATIONS_YAML);
  return t;
}

/** Runs a `kamerstuk` command in-process in `dir`, capturing its output. */
export async function runCli(dir: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo(dir);
  const code = await main(args, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

/** The fixture's annotation file saved as Latin-1 by an old tool: its NBSPs and a note with ö, ë, é are not UTF-8. */
export const LATIN1 = join(FIXTURES, 'latin1', 'kst-29754-716.annotations.yaml');

/** The fixture (or `from`) with `fn` applied, as the text the store writes. */
export function editedText(fn: (s: AnnotationStore) => void, from = ANNOTATIONS_YAML): string {
  const r = AnnotationStore.parse(from);
  if (!r.ok) throw new Error('fixture does not parse');
  fn(r.store);
  return r.store.toString();
}

/** A text that must parse, as a store. */
export function parseStore(text: string): AnnotationStore {
  const r = AnnotationStore.parse(text);
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r.store;
}
