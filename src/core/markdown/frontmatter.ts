// Front matter of a letter: its own canonical id from the `kamerstuk:` key.
import { parse } from 'yaml';
import { parseIdentifier } from '../citations/identifiers';

export interface FrontMatter {
  start: number;
  end: number;
  data: Record<string, unknown>;
  /** The document's own id (`kst-29754-716`), when `kamerstuk:` holds one. */
  selfId?: string;
}

/** Reads the YAML of a front matter node; broken YAML gives empty data (other features report it). */
export function readFrontMatter(yamlText: string, start: number, end: number): FrontMatter {
  let data: Record<string, unknown> = {};
  try {
    const v = parse(yamlText, { logLevel: 'error' }) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v)) data = v as Record<string, unknown>;
  } catch {
    data = {};
  }
  const fm: FrontMatter = { start, end, data };
  const k = data.kamerstuk;
  if (typeof k === 'string') {
    const id = k.trim();
    const ref = parseIdentifier(id, 0, id.length);
    if (ref && ref.end === id.length && ref.id) fm.selfId = ref.id;
  }
  return fm;
}
