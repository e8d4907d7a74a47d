// The YAML store of one letter's annotations: edits go to the yaml Document, so comments, unknown keys and
// hand-chosen quoting survive; output is canonical (entries by start, keys in the documented order). A file that
// was parsed is written quietly: entries nobody changed keep their text byte for byte (source-layout.ts).

import { Document, isMap, isScalar, type LineCounter, type YAMLMap, YAMLSeq } from 'yaml';
import { applyEntryCommentSlots, applyFileCommentSlots, type CommentSlots, entryCommentSlots, fileCommentSlots, normaliseCommentBreaks } from './comments';
import { fillTemplate } from '../text/fill-template';
import { newAnnotationId } from './ids';
import { type AnnotationDiagnostic, message, MESSAGES } from './messages';
import {
  type Annotation,
  type AnnotationChanges,
  type AnnotationFileData,
  ANNOTATION_KEYS,
  FILE_KEYS,
  FORMAT_VERSION,
  type LetterReference,
  type QuoteSelector,
} from './model';
import { parseAnnotationYaml } from './parse';
import { LETTER_HASH_PATTERN } from './letter-version';
import { attachLeadingComment, hasAliases, renderDocument, renderEntry } from './render';
import { sameValue } from '../text/same-value';
import { type EntryOutput, sourceLayout, type SourceLayout, spliceEntries } from './source-layout';
import { diagnosticAt, ID_SYNTAX, nodeRange, type ValidateOptions } from './validate';
import { asMap, asSeq, createValueNode, findPair, getNode, keyOf, nodeToJs, orderPairs, setValue, STRINGIFY_OPTIONS } from './yaml-nodes';

export type NewAnnotation = Omit<Annotation, 'id'> & { id?: string };
export type LoadResult = { ok: true; store: AnnotationStore } | { ok: false; diagnostics: AnnotationDiagnostic[] };

/** Thrown by an edit that cannot be applied (unknown id, id taken); carries a translatable message. */
export class AnnotationEditError extends Error {
  constructor(
    readonly template: string,
    readonly args: string[],
  ) {
    super(fillTemplate(template, args));
  }
}

export class AnnotationStore {
  readonly #doc: Document;
  readonly #entries: Map<string, YAMLMap>;
  readonly #annotations: Map<string, Annotation>;
  readonly #retired = new Set<string>();
  readonly #rendered = new WeakMap<YAMLMap, string>();
  #lines: LineCounter | undefined;
  /** The parsed text's layout, for quiet writes; undefined for a new store or a text it cannot cut. */
  #source: SourceLayout | undefined;
  /** Entries whose text must be written anew: edited, added, or with changed comments. */
  readonly #changed = new Set<string>();
  /** Something outside the entries changed: the whole file is written canonically. */
  #fileChanged = false;

  private constructor(doc: Document, entries: Map<string, YAMLMap>, annotations: Map<string, Annotation>, lines?: LineCounter) {
    this.#doc = doc;
    this.#entries = entries;
    this.#annotations = annotations;
    this.#lines = lines;
  }

  /**
   * Parses and validates; a file with any error yields diagnostics and no store (so it can never be written). A
   * Dutch status (`akkoord`) or, with `tagAlias`, a tag's label (`maatregel`) is read as its key, and written as
   * the key the next time the file is written.
   */
  static parse(text: string, options: ValidateOptions = {}): LoadResult {
    const parsed = parseAnnotationYaml(text, options);
    if (!parsed.ok) return parsed;
    const { document, entries, data, lines, aliases } = parsed.file;
    if (/[\u2028\u2029]/.test(text)) normaliseCommentBreaks(document);
    const seq = asSeq(getNode(document.contents as YAMLMap, 'annotations'));
    if (seq) attachLeadingComment(seq);
    const store = new AnnotationStore(document, entries, new Map(data.annotations.map((a) => [a.id, a])), lines);
    for (const alias of aliases) {
      setValue(document, entries.get(alias.id)!, alias.key, alias.value);
      store.#changed.add(alias.id);
    }
    if (!hasAliases(document)) {
      const idOf = new Map([...entries].map(([id, map]) => [map, id]));
      store.#source = sourceLayout(text, document, (map) => idOf.get(map));
    }
    return { ok: true, store };
  }

  /** A new, empty file for a letter. */
  static create(letter: LetterReference): AnnotationStore {
    const doc = new Document({ version: FORMAT_VERSION, document: { ...letter }, annotations: [] }, { version: '1.2' });
    return new AnnotationStore(doc, new Map(), new Map());
  }

  get letter(): LetterReference {
    const d = asMap(getNode(this.#root(), 'document'));
    const read = (k: string) => {
      const n = d && getNode(d, k);
      return isScalar(n) && typeof n.value === 'string' ? n.value : undefined;
    };
    const id = read('id');
    const path = read('path');
    const hash = read('hash');
    return { ...(id ? { id } : {}), ...(path ? { path } : {}), ...(hash && LETTER_HASH_PATTERN.test(hash) ? { hash } : {}) };
  }

  /** Sets (or, with null, removes) `document.id` / `document.path` / `document.hash`. */
  setLetter(changes: { id?: string | null; path?: string | null; hash?: string | null }): void {
    const root = this.#root();
    let map = asMap(getNode(root, 'document'));
    if (!map) {
      map = this.#doc.createNode({}) as YAMLMap;
      const pair = findPair(root, 'document');
      if (pair) pair.value = map;
      else root.items.push(this.#doc.createPair('document', map) as never);
    }
    const current = this.letter as Record<string, string | undefined>;
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || (current[k] ?? null) === v) continue;
      setValue(this.#doc, map, k, v);
      this.#fileChanged = true;
    }
  }

  /** Top-level keys this version does not know, as plain values. */
  topLevelExtras(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const pair of this.#root().items) {
      const key = keyOf(pair);
      if (key !== undefined && !(FILE_KEYS as readonly string[]).includes(key)) out[key] = nodeToJs(this.#doc, pair.value);
    }
    return out;
  }

  /** The node of a top-level key (for copying it with its comments); do not modify it. */
  topLevelNode(key: string): unknown {
    return findPair(this.#root(), key)?.value;
  }

  /** Sets (null: removes) an unknown top-level key, copying `node` from another file when given. */
  setTopLevelExtra(key: string, value: unknown, node?: unknown): void {
    if ((FILE_KEYS as readonly string[]).includes(key)) return;
    const root = this.#root();
    const pair = findPair(root, key);
    if (value === null || value === undefined) {
      if (pair) {
        root.items.splice(root.items.indexOf(pair), 1);
        this.#fileChanged = true;
      }
      return;
    }
    this.#fileChanged = true;
    const fresh = node && typeof node === 'object' && 'clone' in node ? (node as YAMLMap).clone() : this.#doc.createNode(value);
    if (pair) pair.value = fresh;
    else root.items.push(this.#doc.createPair(key, fresh) as never);
  }

  /** Annotations ordered by start (then end, then id). */
  annotations(): Annotation[] {
    return [...this.#annotations.values()].sort(compareAnnotations);
  }

  data(): AnnotationFileData {
    return { version: FORMAT_VERSION, document: this.letter, annotations: this.annotations() };
  }

  get(id: string): Annotation | undefined {
    return this.#annotations.get(id);
  }

  has(id: string): boolean {
    return this.#annotations.has(id);
  }

  /** Adds an annotation; a missing id gets a fresh random one. Returns what was stored. */
  add(input: NewAnnotation): Annotation {
    const id = input.id ?? newAnnotationId([...this.#annotations.keys(), ...this.#retired]);
    if (!ID_SYNTAX.test(id)) throw new AnnotationEditError(MESSAGES.idInvalid, [id]);
    if (this.#annotations.has(id)) throw new AnnotationEditError(MESSAGES.idTaken, [id]);
    const a: Annotation = { ...input, id };
    const map = this.#doc.createNode({}) as YAMLMap;
    for (const key of ANNOTATION_KEYS) {
      const v = a[key];
      if (v !== undefined && v !== null) map.items.push(this.#doc.createPair(key, createValueNode(this.#doc, key, v)) as never);
    }
    for (const [k, v] of Object.entries(a.extra ?? {})) map.items.push(this.#doc.createPair(k, this.#doc.createNode(v)) as never);
    this.#seq(true).items.push(map);
    this.#entries.set(id, map);
    this.#changed.add(id);
    this.#annotations.set(id, stripUndefined(a));
    return a;
  }

  /** Inserts an entry node taken from another file (merge), keeping its comments and unknown keys. */
  adopt(annotation: Annotation, node: YAMLMap): void {
    if (this.#annotations.has(annotation.id)) throw new AnnotationEditError(MESSAGES.idTaken, [annotation.id]);
    const copy = node.clone() as YAMLMap;
    this.#seq(true).items.push(copy);
    this.#entries.set(annotation.id, copy);
    this.#changed.add(annotation.id);
    this.#annotations.set(annotation.id, annotation);
  }

  /** Changes fields of one annotation; `null` removes an optional field. `extra` sets or (null) removes unknown keys. */
  update(id: string, changes: AnnotationChanges & { extra?: Record<string, unknown> }): Annotation {
    const map = this.#entries.get(id);
    const old = this.#annotations.get(id);
    if (!map || !old) throw new AnnotationEditError(MESSAGES.notFound, [id]);
    const next: Annotation = { ...old };
    const edited = () => {
      this.#rendered.delete(map);
      this.#changed.add(id);
    };
    for (const [key, value] of Object.entries(changes)) {
      if (key === 'extra' || key === 'id' || value === undefined) continue;
      // A value set to what it is leaves the entry's text alone (a quiet file changes only where a tag changed).
      if (unchanged((old as unknown as Record<string, unknown>)[key], value)) continue;
      edited();
      setValue(this.#doc, map, key, value);
      (next as unknown as Record<string, unknown>)[key] = value ?? undefined;
    }
    if (changes.extra) {
      const extra = { ...(old.extra ?? {}) };
      for (const [k, v] of Object.entries(changes.extra)) {
        if ((ANNOTATION_KEYS as readonly string[]).includes(k) || unchanged(extra[k], v)) continue;
        edited();
        if (v === null || v === undefined) {
          const pair = findPair(map, k);
          if (pair) map.items.splice(map.items.indexOf(pair), 1);
          delete extra[k];
        } else {
          const pair = findPair(map, k);
          if (pair) pair.value = this.#doc.createNode(v);
          else map.items.push(this.#doc.createPair(k, this.#doc.createNode(v)) as never);
          extra[k] = v;
        }
      }
      next.extra = Object.keys(extra).length ? extra : undefined;
    }
    const stored = stripUndefined(next);
    this.#annotations.set(id, stored);
    return stored;
  }

  /** Stores re-anchored selectors (positions, and quote and context where the passage changed). */
  updateSelectors(updates: Iterable<{ id: string } & Partial<QuoteSelector>>): void {
    for (const { id, ...sel } of updates) this.update(id, sel);
  }

  remove(id: string): boolean {
    const map = this.#entries.get(id);
    if (!map) return false;
    const seq = this.#seq(false);
    if (seq) seq.items.splice(seq.items.indexOf(map), 1);
    this.#entries.delete(id);
    this.#annotations.delete(id);
    this.#retired.add(id);
    return true;
  }

  /** The comments of the file outside its entries, or of the entry `id` (for merging). */
  commentSlots(id?: string): CommentSlots {
    if (id === undefined) return fileCommentSlots(this.#doc);
    const map = this.#entries.get(id);
    return map ? entryCommentSlots(map) : new Map();
  }

  /** Changes comments of the file outside its entries, or of the entry `id` (from `mergeCommentSlots`). */
  setCommentSlots(changes: Map<string, string | undefined>, id?: string): void {
    if (!changes.size) return;
    if (id === undefined) {
      applyFileCommentSlots(this.#doc, changes);
      this.#fileChanged = true;
      return;
    }
    const map = this.#entries.get(id);
    if (!map) return;
    this.#rendered.delete(map);
    this.#changed.add(id);
    applyEntryCommentSlots(map, changes);
  }

  /** The entry node of an annotation, for merging; do not modify it. */
  entryNode(id: string): YAMLMap | undefined {
    return this.#entries.get(id);
  }

  /** Where an annotation (or one of its keys) is in the parsed text; undefined once the store was edited. */
  locate(
    id: string,
    key?: string,
    code = 'annotation',
    msg = message(MESSAGES.notFound, id),
    severity: AnnotationDiagnostic['severity'] = 'error',
  ): AnnotationDiagnostic | undefined {
    const map = this.#entries.get(id);
    if (!map || !this.#lines) return undefined;
    const node = (key && getNode(map, key)) || map;
    const range = nodeRange(node);
    return range ? diagnosticAt(this.#lines, range, code, msg, severity, id) : undefined;
  }

  /**
   * The canonical text of the file. Entries are rendered one by one and cached until edited, so writing after one
   * edit costs one entry, not the whole file; the result equals `renderWhole()` except that blank lines carry
   * no indentation.
   */
  toString(): string {
    const canonical = this.#canonicalText();
    this.#lines = undefined;
    return this.#quietText(canonical) ?? canonical;
  }

  /**
   * The canonical text, except that the entries nobody changed keep their text (with the comments and blank lines
   * above them), and the text before and after the entries is kept; undefined when that text would not parse to
   * exactly what the canonical text holds, or when something outside the entries changed.
   */
  #quietText(canonical: string): string | undefined {
    const layout = this.#source;
    if (!layout || this.#fileChanged) return undefined;
    const inSource = new Map(layout.entries.map((e) => [e.id, e]));
    const output = (id: string): EntryOutput => {
      const keep = inSource.get(id);
      return keep && !this.#changed.has(id) ? { id, keep } : { id, text: renderEntry(this.#entries.get(id)!, this.#rendered, layout.indent) };
    };
    const text = spliceEntries(
      layout,
      this.annotations().map((a) => output(a.id)),
    );
    if (text === canonical) return canonical;
    // The kept text must hold what the canonical text holds: the same tags, keys and comments (blank lines
    // between entries are the file's own).
    const reread = AnnotationStore.parse(text);
    if (!reread.ok) return undefined;
    const same =
      withoutBlankLines(reread.store.#canonicalText()) === withoutBlankLines(canonical) &&
      sameValue([reread.store.data(), reread.store.topLevelExtras()], [this.data(), this.topLevelExtras()]);
    return same ? text : undefined;
  }

  #canonicalText(): string {
    this.#canonicalise();
    return renderDocument(this.#doc, this.#rendered);
  }

  /** The whole Document stringified at once (reference for `toString`). */
  renderWhole(): string {
    this.#canonicalise();
    return this.#doc.toString(STRINGIFY_OPTIONS);
  }

  clone(): AnnotationStore {
    const doc = this.#doc.clone();
    const entries = new Map<string, YAMLMap>();
    const seq = asSeq(getNode(doc.contents as YAMLMap, 'annotations'));
    const originals = asSeq(getNode(this.#root(), 'annotations'));
    const idOf = new Map([...this.#entries].map(([id, m]) => [m as unknown, id]));
    originals?.items.forEach((item, i) => {
      const id = idOf.get(item);
      if (id && seq) entries.set(id, seq.items[i] as YAMLMap);
    });
    const copy = new AnnotationStore(doc, entries, new Map(this.#annotations), undefined);
    for (const id of this.#retired) copy.#retired.add(id);
    copy.#source = this.#source;
    for (const id of this.#changed) copy.#changed.add(id);
    copy.#fileChanged = this.#fileChanged;
    return copy;
  }

  #root(): YAMLMap {
    const root = this.#doc.contents;
    if (!isMap(root)) throw new Error('annotation document without a root mapping');
    return root;
  }

  #seq(create: true): YAMLSeq;
  #seq(create: false): YAMLSeq | undefined;
  #seq(create: boolean): YAMLSeq | undefined {
    const root = this.#root();
    const existing = asSeq(getNode(root, 'annotations'));
    if (existing || !create) return existing;
    const seq = new YAMLSeq();
    const pair = findPair(root, 'annotations');
    if (pair) pair.value = seq;
    else root.items.push(this.#doc.createPair('annotations', seq) as never);
    return seq;
  }

  #canonicalise(): void {
    const root = this.#root();
    orderPairs(root, FILE_KEYS);
    const doc = asMap(getNode(root, 'document'));
    if (doc) orderPairs(doc, ['id', 'path', 'hash']);
    const seq = this.#seq(false);
    if (!seq) return;
    attachLeadingComment(seq);
    const idOf = new Map([...this.#entries].map(([id, m]) => [m, id]));
    const order = seq.items.map((item, i) => ({ item, i, a: this.#annotations.get(idOf.get(item as YAMLMap) ?? '') }));
    order.sort((x, y) => (x.a && y.a ? compareAnnotations(x.a, y.a) : 0) || x.i - y.i);
    seq.items = order.map((o) => o.item);
    for (const map of this.#entries.values()) if (orderPairs(map, ANNOTATION_KEYS)) this.#rendered.delete(map);
    if (seq.items.length) seq.flow = false;
  }
}

export function compareAnnotations(a: Annotation, b: Annotation): number {
  return a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const withoutBlankLines = (text: string) => text.replace(/^[ \t]*\n/gm, '');

/** Whether a stored value equals a new one (null: removed, like undefined). */
function unchanged(old: unknown, value: unknown): boolean {
  if (value === null || value === undefined) return old === undefined || old === null;
  return sameValue(old, value);
}

function stripUndefined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}
