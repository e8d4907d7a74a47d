// The comments of an annotation file as "slots" (a comment above or after each node, addressed by its path), so
// that a three-way merge can carry comments added or changed on either side: a comment changed on one side only
// is taken; changed on both, the two are kept together (ours first), so no analyst's comment is lost.
import { type Document, isMap, isScalar, isSeq, type Node, visit } from 'yaml';

/** Slot path -> comment text (yaml's text: the lines after `#`, joined with newlines). */
export type CommentSlots = Map<string, string>;

interface Commented {
  commentBefore?: string | null;
  comment?: string | null;
}

/** Where a walk of the file stops: the entries of `annotations` are merged per entry, by id. */
const ENTRIES = '.annotations';

function keyOf(node: unknown): string | undefined {
  if (isScalar(node)) return String(node.value);
  return undefined;
}

/** Visits every node with its path; `skipEntries` leaves out the items of the top-level `annotations` list. */
function walk(node: unknown, path: string, visit: (node: Commented, path: string) => void, skipEntries: boolean): void {
  if (!node || typeof node !== 'object') return;
  visit(node as Commented, path);
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = keyOf(pair.key);
      if (key === undefined) continue;
      if (pair.key && typeof pair.key === 'object') visit(pair.key as Commented, `${path}.${key}@key`);
      walk(pair.value, `${path}.${key}`, visit, skipEntries);
    }
  } else if (isSeq(node) && !(skipEntries && path === ENTRIES)) {
    node.items.forEach((item, i) => walk(item, `${path}[${i}]`, visit, skipEntries));
  }
}

/** The comment slots of a file outside its entries (header, `document`, top-level keys, the list itself). */
export function fileCommentSlots(doc: Document): CommentSlots {
  const out: CommentSlots = new Map();
  if (doc.commentBefore) out.set('<', doc.commentBefore);
  if (doc.comment) out.set('>', doc.comment);
  walk(doc.contents, '', (n, p) => record(out, n, p), true);
  return out;
}

/** The comment slots of one entry. */
export function entryCommentSlots(entry: Node): CommentSlots {
  const out: CommentSlots = new Map();
  walk(entry, '', (n, p) => record(out, n, p), false);
  return out;
}

function record(out: CommentSlots, node: Commented, path: string): void {
  if (node.commentBefore) out.set(`${path}<`, node.commentBefore);
  if (node.comment) out.set(`${path}>`, node.comment);
}

/**
 * The three-way merge of comment slots, as the slots that must change in ours: theirs' comment where only theirs
 * changed it, both comments (ours first, then theirs' lines ours lacks) where both did; undefined removes one.
 */
export function mergeCommentSlots(base: CommentSlots, ours: CommentSlots, theirs: CommentSlots): Map<string, string | undefined> {
  const changes = new Map<string, string | undefined>();
  for (const slot of new Set([...base.keys(), ...ours.keys(), ...theirs.keys()])) {
    const [b, o, t] = [base.get(slot), ours.get(slot), theirs.get(slot)];
    if (o === t || t === b) continue;
    if (o === b) changes.set(slot, t);
    else if (t !== undefined) {
      const mine = o === undefined ? [] : o.split('\n');
      const extra = t.split('\n').filter((line) => !mine.includes(line));
      if (extra.length) changes.set(slot, [...mine, ...extra].join('\n'));
    }
  }
  return changes;
}

/** Applies slot changes to a file (outside its entries); slots whose node ours no longer has are dropped. */
export function applyFileCommentSlots(doc: Document, changes: Map<string, string | undefined>): void {
  if (changes.has('<')) doc.commentBefore = changes.get('<') ?? null;
  if (changes.has('>')) doc.comment = changes.get('>') ?? null;
  walk(doc.contents, '', (n, p) => apply(n, p, changes), true);
}

/** Applies slot changes to one entry. */
export function applyEntryCommentSlots(entry: Node, changes: Map<string, string | undefined>): void {
  walk(entry, '', (n, p) => apply(n, p, changes), false);
}

function apply(node: Commented, path: string, changes: Map<string, string | undefined>): void {
  if (changes.has(`${path}<`)) node.commentBefore = changes.get(`${path}<`) ?? null;
  if (changes.has(`${path}>`)) node.comment = changes.get(`${path}>`) ?? null;
}

const SEPARATORS = /[\u2028\u2029]/g;

/**
 * U+2028 and U+2029 in a comment become line breaks. yaml writes a comment's U+2028 as a line break with a new `#`
 * after it but reads it back as an ordinary character, so such a comment grew a `#` on every write and, after a
 * value, made the next write unparsable (found by the parser fuzz target).
 */
export function normaliseCommentBreaks(doc: Document): void {
  // Leading and trailing breaks are dropped: yaml would write them as an empty comment line, then read them back
  // as a different comment.
  const fix = (c: string | null | undefined) => (c ? c.replace(SEPARATORS, '\n').replace(/^\n+|\n+$/g, '') : c);
  doc.commentBefore = fix(doc.commentBefore) ?? null;
  doc.comment = fix(doc.comment) ?? null;
  visit(doc, (_key, node) => {
    if (node && typeof node === 'object' && ('comment' in node || 'commentBefore' in node)) {
      const n = node as Commented;
      n.commentBefore = fix(n.commentBefore);
      n.comment = fix(n.comment);
    }
  });
}
