// Schema validation of a parsed annotation file (format version 1), with 1-based line and column for each error.

import { type Document, isMap, isScalar, isSeq, type LineCounter, type Node, type YAMLMap } from 'yaml';
import { type AnnotationDiagnostic, message, MESSAGES, type Message } from './messages';
import { type Annotation, type AnnotationFileData, ANNOTATION_KEYS, type DueRange, FILE_KEYS, FORMAT_VERSION, fulfilmentOf, reviewStatusOf } from './model';
import { LETTER_HASH_PATTERN } from './letter-version';
import { findPair, getNode, keyOf, nodeToJs, YAML_LIMITS } from './yaml-nodes';

export const ID_SYNTAX = /^[A-Za-z0-9_-]+$/;

export interface ValidatedFile {
  data: AnnotationFileData;
  /** The YAML map of each annotation, by id. */
  entries: Map<string, YAMLMap>;
  /** Values read as another one (a Dutch status, a tag's label): the key to write instead, per entry. */
  aliases: EntryAlias[];
}

export interface EntryAlias {
  id: string;
  key: 'tag' | 'status' | 'fulfilment';
  value: string;
}

export interface ValidateOptions {
  /** The key a written tag stands for (a label of the team's taxonomy), when it is not a key itself. */
  tagAlias?: (tag: string) => string | undefined;
}

/** Turns an offset range of the annotation file into a diagnostic. */
export function diagnosticAt(
  lines: LineCounter,
  range: readonly [number, number] | undefined,
  code: string,
  msg: Message,
  severity: AnnotationDiagnostic['severity'] = 'error',
  annotationId?: string,
): AnnotationDiagnostic {
  const [offset, endOffset] = range ?? [0, 0];
  const a = lines.linePos(offset);
  const b = lines.linePos(Math.max(offset, endOffset));
  return {
    severity,
    code,
    message: msg,
    line: a.line,
    column: a.col,
    endLine: b.line,
    endColumn: b.col,
    offset,
    endOffset,
    ...(annotationId ? { annotationId } : {}),
  };
}

export function nodeRange(node: Node | undefined | null): [number, number] | undefined {
  return node?.range ? [node.range[0], node.range[1]] : undefined;
}

export function validateDocument(
  doc: Document,
  lines: LineCounter,
  options: ValidateOptions = {},
): { diagnostics: AnnotationDiagnostic[]; file?: ValidatedFile } {
  const out: AnnotationDiagnostic[] = [];
  const fail = (node: Node | undefined | null, code: string, msg: Message, id?: string) =>
    out.push(diagnosticAt(lines, nodeRange(node), code, msg, 'error', id));
  const root = doc.contents;
  if (!isMap(root)) {
    fail(root, 'not-a-mapping', message(MESSAGES.notAMapping));
    return { diagnostics: out };
  }
  const version = getNode(root, 'version');
  if (!version) fail(root, 'missing-key', message(MESSAGES.missingKey, 'version'));
  else if (!isScalar(version) || version.value !== FORMAT_VERSION) {
    fail(version, 'version', message(MESSAGES.versionUnsupported, isScalar(version) ? String(version.value) : '?'));
    return { diagnostics: out }; // another version may mean anything: do not read further
  }
  const document: AnnotationFileData['document'] = {};
  const docNode = getNode(root, 'document');
  if (docNode && !(isScalar(docNode) && docNode.value === null)) {
    if (!isMap(docNode)) fail(docNode, 'type', message(MESSAGES.expectedMapping, 'document'));
    else
      for (const key of ['id', 'path', 'hash'] as const) {
        const n = getNode(docNode, key);
        if (n === undefined || (isScalar(n) && n.value === null)) continue;
        if (!(isScalar(n) && typeof n.value === 'string' && n.value)) fail(n, 'type', message(MESSAGES.expectedType, `document.${key}`, 'a text'));
        // A version that is not a blob id is ignored (the letter is then searched): it blocks nothing.
        else if (key !== 'hash' || LETTER_HASH_PATTERN.test(n.value)) document[key] = n.value;
      }
  }
  const list = getNode(root, 'annotations');
  const annotations: Annotation[] = [];
  const entries = new Map<string, YAMLMap>();
  const firstLine = new Map<string, number>();
  const aliases: EntryAlias[] = [];
  if (!findPair(root, 'annotations')) fail(root, 'missing-key', message(MESSAGES.missingKey, 'annotations'));
  else if (list && !(isScalar(list) && list.value === null)) {
    if (!isSeq(list)) fail(list, 'type', message(MESSAGES.expectedSequence, 'annotations'));
    else
      list.items.forEach((item, index) => {
        if (!isMap(item)) {
          fail(item as Node, 'type', message(MESSAGES.entryNotMapping, index + 1));
          return;
        }
        const before = out.length;
        const a = readEntry(doc, item, fail, options, aliases);
        if (!a || out.length > before) return;
        const seen = firstLine.get(a.id);
        if (seen !== undefined) {
          fail(getNode(item, 'id'), 'duplicate-id', message(MESSAGES.duplicateId, a.id, seen), a.id);
          return;
        }
        firstLine.set(a.id, lines.linePos(item.range?.[0] ?? 0).line);
        entries.set(a.id, item);
        annotations.push(a);
      });
  }
  // Unknown top-level keys are converted when merging: refuse here what could not be.
  unknownValues(doc, root, FILE_KEYS, (node) => fail(node, 'alias-expansion', aliasLimitMessage()));
  if (out.length) return { diagnostics: out };
  return { diagnostics: out, file: { data: { version: FORMAT_VERSION, document, annotations }, entries, aliases } };
}

type Fail = (node: Node | undefined | null, code: string, msg: Message, id?: string) => void;

function readEntry(doc: Document, map: YAMLMap, fail: Fail, options: ValidateOptions, aliases: EntryAlias[]): Annotation | undefined {
  const idNode = getNode(map, 'id');
  const id = isScalar(idNode) && typeof idNode.value === 'string' ? idNode.value : undefined;
  const text = (key: string, required: boolean, nonEmpty = required): string | undefined => {
    const n = getNode(map, key);
    if (n === undefined || (isScalar(n) && n.value === null)) {
      if (required) fail(map, 'missing-key', message(MESSAGES.missingKey, key), id);
      return undefined;
    }
    if (!isScalar(n) || typeof n.value !== 'string') fail(n, 'type', message(MESSAGES.expectedType, key, 'a text'), id);
    else if (nonEmpty && !n.value) fail(n, 'empty', message(MESSAGES.emptyValue, key), id);
    else return n.value;
    return undefined;
  };
  const offset = (key: string): number | undefined => {
    const n = getNode(map, key);
    if (n === undefined || (isScalar(n) && n.value === null)) {
      fail(map, 'missing-key', message(MESSAGES.missingKey, key), id);
      return undefined;
    }
    if (isScalar(n) && typeof n.value === 'number' && Number.isInteger(n.value) && n.value >= 0) return n.value;
    fail(n, 'offset', message(MESSAGES.offsetInvalid, key), id);
    return undefined;
  };
  if (idNode === undefined) fail(map, 'missing-key', message(MESSAGES.missingKey, 'id'));
  else if (id === undefined) fail(idNode, 'type', message(MESSAGES.expectedType, 'id', 'a text'));
  else if (!ID_SYNTAX.test(id)) fail(idNode, 'id', message(MESSAGES.idInvalid, id), id);
  const written = text('tag', true);
  const tagKey = written === undefined ? undefined : options.tagAlias?.(written);
  const tag = tagKey ?? written;
  if (id && tag !== written) aliases.push({ id, key: 'tag', value: tag! });
  const quote = text('quote', true);
  const prefix = text('prefix', false) ?? '';
  const suffix = text('suffix', false) ?? '';
  const start = offset('start');
  const end = offset('end');
  if (start !== undefined && end !== undefined && end < start) fail(getNode(map, 'end'), 'offset', message(MESSAGES.offsetsReversed, end, start), id);
  const a: Partial<Annotation> = { id, tag, quote, prefix, suffix, start, end };
  for (const key of ['note', 'author', 'created'] as const) {
    const v = text(key, false, false);
    if (v !== undefined) a[key] = v;
  }
  const refs = getNode(map, 'refs');
  if (refs !== undefined && !(isScalar(refs) && refs.value === null)) {
    if (isSeq(refs) && refs.items.every((r) => isScalar(r) && typeof r.value === 'string')) a.refs = refs.items.map((r) => (r as { value: string }).value);
    else fail(refs, 'type', message(MESSAGES.expectedType, 'refs', 'a list of texts'), id);
  }
  const status = getNode(map, 'status');
  if (status !== undefined && !(isScalar(status) && status.value === null)) {
    const key = isScalar(status) ? reviewStatusOf(status.value) : undefined;
    if (key) {
      a.status = key;
      if (id && isScalar(status) && key !== status.value) aliases.push({ id, key: 'status', value: key });
    } else fail(status, 'status', message(MESSAGES.statusInvalid, isScalar(status) ? String(status.value) : '?'), id);
  }
  readCommitmentFields(map, a, fail, id, aliases);
  const extra = unknownValues(doc, map, ANNOTATION_KEYS, (node) => fail(node, 'alias-expansion', aliasLimitMessage(), id));
  if (Object.keys(extra).length) a.extra = extra;
  return a as Annotation;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a real calendar date written as `yyyy-mm-dd`. */
export function isIsoDate(value: unknown): value is string {
  const m = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

const isEmpty = (n: Node | undefined) => n === undefined || (isScalar(n) && n.value === null);

/** A date scalar as text: YAML 1.1 files may hold a timestamp, which is read as its ISO date. */
function dateText(n: Node | undefined): unknown {
  if (!isScalar(n)) return undefined;
  return n.value instanceof Date && !Number.isNaN(n.value.getTime()) ? n.value.toISOString().slice(0, 10) : n.value;
}

/** The commitment keys (issue 16): `due`, `fulfilment`, `fulfilledBy`, `fulfilled`, `fulfilmentNote`. */
function readCommitmentFields(map: YAMLMap, a: Partial<Annotation>, fail: Fail, id: string | undefined, aliases: EntryAlias[]): void {
  const due = getNode(map, 'due');
  if (!isEmpty(due)) {
    const range = isMap(due) ? dueRangeOf(due) : dueDateOf(due);
    if (range) a.due = range;
    else fail(due, 'due', message(MESSAGES.dueInvalid), id);
  }
  const fulfilment = getNode(map, 'fulfilment');
  // "open" / "Openstaand", as an analyst or a register writes an open commitment, is no fulfilment (the key may stay).
  if (!isEmpty(fulfilment) && !isOpenFulfilment(fulfilment)) {
    const key = isScalar(fulfilment) ? fulfilmentOf(fulfilment.value) : undefined;
    if (key) {
      a.fulfilment = key;
      if (id && isScalar(fulfilment) && key !== fulfilment.value) aliases.push({ id, key: 'fulfilment', value: key });
    } else fail(fulfilment, 'fulfilment', message(MESSAGES.fulfilmentInvalid, isScalar(fulfilment) ? String(fulfilment.value) : '?'), id);
  }
  const by = getNode(map, 'fulfilledBy');
  if (!isEmpty(by)) {
    if (isSeq(by) && by.items.every((r) => isScalar(r) && typeof r.value === 'string' && r.value))
      a.fulfilledBy = by.items.map((r) => (r as { value: string }).value);
    else fail(by, 'type', message(MESSAGES.expectedType, 'fulfilledBy', 'a list of texts'), id);
  }
  const fulfilled = getNode(map, 'fulfilled');
  if (!isEmpty(fulfilled)) {
    const v = dateText(fulfilled);
    if (isIsoDate(v)) a.fulfilled = v;
    else fail(fulfilled, 'date', message(MESSAGES.dateInvalid, 'fulfilled'), id);
  }
  const note = getNode(map, 'fulfilmentNote');
  if (!isEmpty(note)) {
    if (isScalar(note) && typeof note.value === 'string') a.fulfilmentNote = note.value;
    else fail(note, 'type', message(MESSAGES.expectedType, 'fulfilmentNote', 'a text'), id);
  }
}

/** What a written `fulfilment` says of an open commitment: read as no fulfilment, not refused. */
export const OPEN_FULFILMENTS = ['open', 'openstaand'] as const;

function isOpenFulfilment(n: Node | undefined): boolean {
  return isScalar(n) && typeof n.value === 'string' && (OPEN_FULFILMENTS as readonly string[]).includes(n.value.trim().toLowerCase());
}

/** `due: 2025-06-30`, a deadline written as one date: `{to, text}` with the date as its text. */
function dueDateOf(n: Node | undefined): DueRange | undefined {
  const v = dateText(n);
  return isIsoDate(v) ? { to: v, text: isScalar(n) && typeof n.source === 'string' && n.source ? n.source : v } : undefined;
}

/**
 * `{from, to, text}` with ISO dates (from <= to), or `{text, vague: true}`; undefined for anything else. A range
 * written by hand without its phrase (`{to: 2025-06-30}`) has its dates as text.
 */
function dueRangeOf(map: YAMLMap): DueRange | undefined {
  const known = ['from', 'to', 'text', 'vague'];
  if (map.items.some((p) => !known.includes(keyOf(p) ?? ''))) return undefined;
  const text = getNode(map, 'text');
  if (!isEmpty(text) && (!isScalar(text) || typeof text.value !== 'string')) return undefined;
  const range: DueRange = { text: isScalar(text) && typeof text.value === 'string' ? text.value : '' };
  for (const key of ['from', 'to'] as const) {
    const n = getNode(map, key);
    if (isEmpty(n)) continue;
    const v = dateText(n);
    if (!isIsoDate(v)) return undefined;
    range[key] = v;
  }
  const vague = getNode(map, 'vague');
  if (!isEmpty(vague)) {
    if (!isScalar(vague) || typeof vague.value !== 'boolean') return undefined;
    if (vague.value) range.vague = true;
  }
  if (range.from && range.to && range.from > range.to) return undefined;
  if (isEmpty(text)) {
    // Without a phrase a range needs a date: `{vague: true}` alone says nothing.
    if (!range.from && !range.to) return undefined;
    range.text = range.from && range.to ? `${range.from} – ${range.to}` : (range.to ?? range.from)!;
  }
  return range;
}

/**
 * The plain values of the keys of `map` not in `known`. yaml refuses to convert a value whose aliases expand too
 * much (parsing already refused such files; this is the second line): that value goes to `refused`.
 */
function unknownValues(doc: Document, map: YAMLMap, known: readonly string[], refused: (node: Node) => void): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const pair of map.items) {
    const key = keyOf(pair);
    if (key === undefined || known.includes(key)) continue;
    try {
      out[key] = nodeToJs(doc, pair.value);
    } catch {
      refused(pair.value as Node);
    }
  }
  return out;
}

function aliasLimitMessage(): Message {
  return message(MESSAGES.aliasExpansion, YAML_LIMITS.maxAliasValues);
}
