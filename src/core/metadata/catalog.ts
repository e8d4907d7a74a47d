// The team catalog `.kamerstuk/catalog.yaml`: committed metadata that every team member (and github.dev) sees
// offline. Parsed from a string; written back through yaml's Document API so comments and order survive.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
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
 * Reads a catalog. Accepted shapes: `documents:` as a map from id to fields, or as a list of mappings each
 * with an `id`. Never throws; problems come back as issues with line and column.
 */
export function parseCatalog(text: string, source = 'catalog'): ParsedCatalog {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
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
  const entries: { id: string; path: (string | number)[] }[] = [];
  if (isMap(documents)) {
    for (const pair of documents.items) {
      const key = pair.key as { value?: unknown } | null;
      entries.push({ id: String(key?.value ?? key), path: ['documents', String(key?.value ?? key)] });
    }
  } else if (isSeq(documents)) {
    documents.items.forEach((item, i) => {
      const id = isMap(item) ? item.get('id') : undefined;
      if (typeof id === 'string') entries.push({ id, path: ['documents', i] });
      else at((item as { range?: [number] } | null)?.range?.[0], 'error', M.entryWithoutId);
    });
  } else {
    at((documents as { range?: [number] }).range?.[0], 'error', M.documentsNotMapping);
    return { records: [], issues };
  }
  const records: DocumentMetadata[] = [];
  const seen = new Set<string>();
  for (const { id, path } of entries) {
    const value = doc.getIn(path);
    const plain = value && typeof (value as { toJSON?: unknown }).toJSON === 'function' ? (value as { toJSON(): unknown }).toJSON() : value;
    const meta = metadataFromPlain(id, plain, source, (sub, template, ...args) => {
      at(rangeStart(doc, [...path, ...sub]), sub.length === 0 ? 'error' : 'warning', template, ...args);
    });
    if (!meta) continue;
    if (seen.has(meta.id)) {
      at(rangeStart(doc, path), 'warning', M.duplicateEntry, id);
      continue;
    }
    seen.add(meta.id);
    records.push(meta);
  }
  return { records, issues };
}

function rangeStart(doc: Document, path: (string | number)[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) return node.range[0];
  }
  return undefined;
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
  const doc = parseDocument(text || '', { uniqueKeys: true });
  if (doc.errors.length) {
    const lc = new LineCounter();
    parseDocument(text, { lineCounter: lc });
    const p = lc.linePos(doc.errors[0].pos[0]);
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
  if (isMap(documents)) {
    base = ['documents', id];
    if (!documents.has(id)) documents.set(doc.createNode(id), doc.createNode({}));
  } else if (isSeq(documents)) {
    const i = documents.items.findIndex((item) => isMap(item) && item.get('id') === id);
    if (i >= 0) base = ['documents', i];
    else {
      documents.add(doc.createNode({ id }));
      base = ['documents', documents.items.length - 1];
    }
  } else throw new MetadataError('catalog', M.documentsNotMapping);
  const entry = doc.getIn(base, true);
  if (!isMap(entry)) doc.setIn(base, doc.createNode({}));
  for (const [k, v] of Object.entries(plain)) {
    const existing = doc.getIn([...base, k], true);
    // Changing a scalar in place keeps a comment on its line.
    if (isScalar(existing) && (typeof v !== 'object' || v === null)) existing.value = v;
    else doc.setIn([...base, k], doc.createNode(v));
  }
  return doc.toString({ lineWidth: 0 });
}
