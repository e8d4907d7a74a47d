// The saved form of the workspace index: versioned JSON, one compact record per file (references as arrays, so
// 10,000 notes stay a few megabytes). Reading it checks every field: corrupt, old or foreign data gives undefined,
// and the caller builds the index again; nothing read from disk is trusted as it is.
import type { FileKind, IndexedFile, IndexedRef } from './types';

export const INDEX_FORMAT = 'kamerstuk-index';
/** Bump when the record layout or what a scan finds changes: an older saved index is then discarded. */
export const INDEX_VERSION = 1;

type RefRecord = [id: string, kind: string, start: number, end: number, line: number, column: number, text: string];

interface FileRecord {
  p: string;
  s: number;
  m: number;
  h: string;
  k: FileKind;
  r: RefRecord[];
  l?: string;
  t?: number;
  x?: string;
}

export function serializeFiles(files: Iterable<IndexedFile>): string {
  const records: FileRecord[] = [];
  for (const f of files) {
    const rec: FileRecord = {
      p: f.path,
      s: f.size,
      m: f.mtime,
      h: f.hash,
      k: f.kind,
      r: f.refs.map((r) => [r.id, r.kind, r.start, r.end, r.line, r.column, r.text]),
    };
    if (f.letterId !== undefined) rec.l = f.letterId;
    if (f.tagCount !== undefined) rec.t = f.tagCount;
    if (f.problem !== undefined) rec.x = f.problem;
    records.push(rec);
  }
  return JSON.stringify({ format: INDEX_FORMAT, version: INDEX_VERSION, files: records });
}

const KINDS: ReadonlySet<string> = new Set(['note', 'letter', 'annotations']);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export function deserializeFiles(text: string): IndexedFile[] | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!data || typeof data !== 'object') return undefined;
  const d = data as { format?: unknown; version?: unknown; files?: unknown };
  if (d.format !== INDEX_FORMAT || d.version !== INDEX_VERSION || !Array.isArray(d.files)) return undefined;
  const out: IndexedFile[] = [];
  for (const rec of d.files as unknown[]) {
    const file = readFile(rec);
    if (!file) return undefined;
    out.push(file);
  }
  return out;
}

function readFile(rec: unknown): IndexedFile | undefined {
  if (!rec || typeof rec !== 'object') return undefined;
  const r = rec as Partial<Record<keyof FileRecord, unknown>>;
  if (typeof r.p !== 'string' || !r.p || !isCount(r.s) || !isTime(r.m) || typeof r.h !== 'string' || typeof r.k !== 'string' || !KINDS.has(r.k))
    return undefined;
  if (!Array.isArray(r.r)) return undefined;
  const refs: IndexedRef[] = [];
  for (const x of r.r as unknown[]) {
    const ref = readRef(x);
    if (!ref) return undefined;
    refs.push(ref);
  }
  const file: IndexedFile = { path: r.p, size: r.s, mtime: r.m, hash: r.h, kind: r.k as FileKind, refs };
  if (r.l !== undefined) {
    if (typeof r.l !== 'string') return undefined;
    file.letterId = r.l;
  }
  if (r.t !== undefined) {
    if (!isCount(r.t)) return undefined;
    file.tagCount = r.t;
  }
  if (r.x !== undefined) {
    if (typeof r.x !== 'string') return undefined;
    file.problem = r.x;
  }
  return file;
}

function readRef(x: unknown): IndexedRef | undefined {
  if (!Array.isArray(x) || x.length !== 7) return undefined;
  const [id, kind, start, end, line, column, text] = x as unknown[];
  if (typeof id !== 'string' || !id || typeof kind !== 'string' || typeof text !== 'string') return undefined;
  if (!isCount(start) || !isCount(end) || end < start || !isCount(line) || !isCount(column)) return undefined;
  return { id, kind, start, end, line, column, text };
}
