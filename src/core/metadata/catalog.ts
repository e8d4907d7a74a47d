// The team catalog `.kamerstuk/catalog.yaml`: committed metadata that every team member (and github.dev) sees
// offline. Parsed from a string; written back through yaml's Document API so comments and order survive.
import { isCollection, isMap, isScalar, isSeq, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import { sameValue } from '../text/same-value';
import { keyOutOfOrder, loadPlainCatalog } from './catalog-plain';
import { CATALOG_STRINGIFY, entrySpan, spliceCatalogEntry } from './catalog-splice';
import { parseCatalogYaml } from './catalog-yaml';
import type { DocumentMetadata } from './model';
import { parseCanonicalId } from './ids';
import { CATALOG_MESSAGES as M, formatCatalogMessage, type CatalogTemplate } from './catalog-messages';
import { metadataFromPlain, plainFromMetadata } from './record';
import { MetadataError, StaticSource } from './source';

export { CATALOG_MESSAGES, formatCatalogMessage, type CatalogTemplate } from './catalog-messages';

export const CATALOG_PATH = '.kamerstuk/catalog.yaml';

export interface CatalogIssue {
  /** The English text: `template` with `args` filled in. */
  message: string;
  /** A template of CATALOG_MESSAGES, for vscode.l10n.t(template, ...args). */
  template: CatalogTemplate;
  args: string[];
  /** 1-based */
  line: number;
  /** 1-based */
  col: number;
  severity: 'error' | 'warning';
}

export interface ParsedCatalog {
  records: DocumentMetadata[];
  /** Syntax errors (then `records` is empty) and per-field problems (those fields are left out). */
  issues: CatalogIssue[];
}

/**
 * Catalogs from this size (in characters; about 2,500 documents) are read as plain values first. js-yaml reads
 * a few kinds of broken YAML that the yaml library refuses (`a: b: c` on one line, about 3% of random broken
 * snippets), so smaller catalogs, which the Document reads in a tenth of a second, are always read as one.
 */
export const PLAIN_READING_FROM = 256 * 1024;

/**
 * Reads a catalog. Accepted shapes: `documents:` as a map from id to fields, or as a list of mappings each
 * with an `id`. Never throws; problems come back as issues with line and column. Linear in the catalog's size:
 * a large catalog without problems is read as plain values (catalog-plain.ts), any other as a Document.
 */
export function parseCatalog(text: string, source = 'catalog'): ParsedCatalog {
  return (text.length >= PLAIN_READING_FROM ? readCleanCatalog(text, source) : undefined) ?? readCatalogDocument(text, source);
}

/** The records of a catalog read as plain values, or undefined when there is anything to report. */
export function readCleanCatalog(text: string, source = 'catalog'): ParsedCatalog | undefined {
  const plain = loadPlainCatalog(text);
  if (!plain.ok) return undefined;
  const root = plain.value;
  if (root === null || root === undefined) return { records: [], issues: [] };
  if (!isPlainObject(root)) return undefined;
  if (!('documents' in root)) return { records: [], issues: [] };
  const documents = root.documents;
  let entries: CatalogEntry<unknown>[];
  if (Array.isArray(documents)) {
    if (!documents.every((item) => isPlainObject(item) && typeof item.id === 'string')) return undefined;
    entries = documents.map((item: Record<string, unknown>) => ({ id: item.id as string, node: item }));
  } else if (isPlainObject(documents)) {
    const ids = Object.keys(documents);
    if (ids.some(keyOutOfOrder)) return undefined;
    entries = ids.map((id) => ({ id, node: documents[id] ?? undefined }));
  } else return undefined;
  let reported = false;
  const records = buildRecords(
    entries,
    source,
    (node) => node,
    () => (reported = true),
  );
  return reported ? undefined : { records, issues: [] };
}

/** The catalog read as a yaml Document: records, and every problem with its line and column (what parseCatalog gives). */
export function readCatalogDocument(text: string, source = 'catalog'): ParsedCatalog {
  const { doc, lineCounter } = parseCatalogYaml(text);
  const issues: CatalogIssue[] = [];
  const at = (offset: number | undefined, severity: CatalogIssue['severity'], template: CatalogTemplate, ...args: string[]) => {
    const pos = offset === undefined ? { line: 1, col: 1 } : lineCounter.linePos(offset);
    issues.push({ message: formatCatalogMessage(template, args), template, args, line: pos.line, col: pos.col, severity });
  };
  for (const e of doc.errors) at(e.pos[0], 'error', M.yamlSyntax, e.message.split('\n')[0]);
  if (issues.length) return { records: [], issues };
  if (doc.contents === null) return { records: [], issues };
  const root = doc.contents;
  if (!isMap(root)) {
    at(root.range?.[0], 'error', M.rootNotMapping);
    return { records: [], issues };
  }
  const documents = root.get('documents', true);
  if (documents === undefined || documents === null) return { records: [], issues };
  if (!isMap(documents) && !isSeq(documents)) {
    at((documents as { range?: [number] }).range?.[0], 'error', M.documentsNotMapping);
    return { records: [], issues };
  }
  const entries = isMap(documents) ? entriesOfMap(documents) : entriesOfList(documents, (item) => at(rangeOf(item), 'error', M.entryWithoutId));
  const records = buildRecords(entries, source, plainValue, (entry, sub, template, ...args) => {
    const offset = entryPosition(entry, sub) ?? documents.range?.[0] ?? root.range?.[0];
    at(offset, sub.length === 0 ? 'error' : 'warning', template, ...args);
  });
  return { records, issues };
}

/** One document of the catalog: the id it is filed under and its node (undefined when there is none). */
interface CatalogEntry<N = unknown> {
  id: string;
  node: N;
}

type EntryReport<N> = (entry: CatalogEntry<N>, sub: (string | number)[], template: CatalogTemplate, ...args: string[]) => void;

/** The records of the entries (`plain`: an entry's node as plain data); the first of a repeated id wins. */
function buildRecords<N>(entries: CatalogEntry<N>[], source: string, plain: (node: N) => unknown, report: EntryReport<N>): DocumentMetadata[] {
  const records: DocumentMetadata[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    const meta = metadataFromPlain(entry.id, plain(entry.node), source, (sub, template, ...args) => report(entry, sub, template, ...args));
    if (!meta) continue;
    if (seen.has(meta.id)) {
      report(entry, [], M.duplicateEntry, entry.id);
      continue;
    }
    seen.add(meta.id);
    records.push(meta);
  }
  return records;
}

/**
 * `documents:` as a map: each key with the value of the first pair filed under that key as text (what
 * `documents.get(id)` finds, looked up once for all keys instead of once per key).
 */
function entriesOfMap(documents: YAMLMap): CatalogEntry[] {
  const firstByText = new Map<string, unknown>();
  for (const pair of documents.items) {
    if (isScalar(pair.key) && typeof pair.key.value === 'string' && !firstByText.has(pair.key.value)) firstByText.set(pair.key.value, pair.value);
  }
  return documents.items.map((pair) => {
    const key = pair.key as { value?: unknown } | null;
    const id = String(key?.value ?? key);
    return { id, node: firstByText.get(id) ?? undefined };
  });
}

/** `documents:` as a list of mappings with an `id`; an item without one is reported. */
function entriesOfList(documents: YAMLSeq, withoutId: (item: unknown) => void): CatalogEntry[] {
  const entries: CatalogEntry[] = [];
  for (const item of documents.items) {
    const id = isMap(item) ? item.get('id') : undefined;
    if (typeof id === 'string') entries.push({ id, node: item });
    else withoutId(item);
  }
  return entries;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value as plain data: a scalar's value, a collection (or a value with `toJSON`) as JSON. */
function plainValue(node: unknown): unknown {
  const value = isScalar(node) ? node.value : node;
  return value && typeof (value as { toJSON?: unknown }).toJSON === 'function' ? (value as { toJSON(): unknown }).toJSON() : value;
}

/** Where the deepest node on `sub` (a path below the entry) starts; undefined when not even the entry has a position. */
function entryPosition(entry: CatalogEntry, sub: (string | number)[]): number | undefined {
  for (let n = sub.length; n >= 0; n--) {
    const node = n === 0 ? entry.node : isCollection(entry.node) ? entry.node.getIn(sub.slice(0, n), true) : undefined;
    const start = rangeOf(node);
    if (start !== undefined) return start;
  }
  return undefined;
}

function rangeOf(node: unknown): number | undefined {
  return node && typeof node === 'object' ? (node as { range?: [number, number, number] }).range?.[0] : undefined;
}

/** The team catalog as a source. `load` swaps in new text (the editor calls it when the file changes). */
export class CatalogSource extends StaticSource {
  issues: CatalogIssue[] = [];

  constructor(text = '', name = 'catalog') {
    super(name);
    this.load(text);
  }

  load(text: string): CatalogIssue[] {
    const parsed = parseCatalog(text, this.name);
    this.replace(parsed.records);
    this.issues = parsed.issues;
    return parsed.issues;
  }
}

/**
 * Returns the catalog text with `meta` saved under its id (replacing fields of an existing entry, keeping its
 * other fields and every comment). Throws MetadataError('catalog') when the existing text does not parse:
 * a broken catalog is never overwritten.
 */
export function saveToCatalog(text: string, meta: DocumentMetadata): string {
  const id = parseCanonicalId(meta.id)?.id;
  if (!id) throw new MetadataError('catalog', `'${meta.id}' is not a canonical id`);
  const { doc, lineCounter } = parseCatalogYaml(text || '');
  if (doc.errors.length) {
    const p = lineCounter.linePos(doc.errors[0].pos[0]);
    throw new MetadataError('catalog', `the catalog does not parse (line ${p.line}, column ${p.col}): ${doc.errors[0].message.split('\n')[0]}`);
  }
  if (doc.contents === null) {
    (doc as unknown as Document).contents = doc.createNode({ version: 1, documents: {} });
  }
  if (!isMap(doc.contents)) throw new MetadataError('catalog', M.rootNotMapping);
  const plain = plainFromMetadata(meta);
  let documents = doc.get('documents', true);
  if (documents === undefined || documents === null) {
    doc.set('documents', doc.createNode({}));
    documents = doc.get('documents', true);
  }
  let base: (string | number)[];
  let index: number;
  if (isMap(documents)) {
    base = ['documents', id];
    index = documents.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === id);
    if (index < 0) {
      documents.set(doc.createNode(id), doc.createNode({}));
      index = documents.items.length - 1;
    }
  } else if (isSeq(documents)) {
    index = documents.items.findIndex((item) => isMap(item) && item.get('id') === id);
    if (index < 0) {
      documents.add(doc.createNode({ id }));
      index = documents.items.length - 1;
    }
    base = ['documents', index];
  } else throw new MetadataError('catalog', M.documentsNotMapping);
  const old = entrySpan(text, documents.items[index]);
  const entry = doc.getIn(base, true);
  if (!isMap(entry)) doc.setIn(base, doc.createNode({}));
  for (const [k, v] of Object.entries(plain)) {
    const existing = doc.getIn([...base, k], true);
    // Changing a scalar in place keeps a comment on its line.
    if (isScalar(existing) && (typeof v !== 'object' || v === null)) existing.value = v;
    else doc.setIn([...base, k], doc.createNode(v));
  }
  const whole = doc.toString(CATALOG_STRINGIFY);
  // Only the saved entry's lines change, if the file reads back as the whole document would.
  const quiet = text ? spliceCatalogEntry(text, documents, index, old) : undefined;
  return quiet !== undefined && sameCatalog(quiet, whole) ? quiet : whole;
}

/** Whether the spliced text holds what the whole document holds: the same records, and the same comments. */
function sameCatalog(quiet: string, whole: string): boolean {
  const [x, y] = [parseCatalog(quiet), parseCatalog(whole)];
  if (x.issues.length !== y.issues.length || !sameValue(x.records, y.records)) return false;
  const reread = parseCatalogYaml(quiet).doc;
  return !reread.errors.length && reread.toString(CATALOG_STRINGIFY) === whole;
}
