// Small helpers over the `yaml` Document API: find, set and order keys without losing comments or styles.

import { type Document, isMap, isScalar, isSeq, type Node, type Pair, Scalar, type YAMLMap, type YAMLSeq } from 'yaml';

/** Written without folding and with `[a, b]` flow lists, so every scalar stays on one line (stable diffs). */
export const STRINGIFY_OPTIONS = { lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false, indentSeq: true } as const;

/** Keys whose new values are written double-quoted: free text, whose plain form would be fragile. */
const QUOTED_KEYS = new Set(['quote', 'prefix', 'suffix', 'note']);

export function keyOf(pair: Pair): string | undefined {
  const k = pair.key;
  if (isScalar(k)) return k.value === null || k.value === undefined ? undefined : String(k.value);
  return typeof k === 'string' ? k : undefined;
}

export function findPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => keyOf(p) === key);
}

export function getNode(map: YAMLMap, key: string): Node | undefined {
  const v = findPair(map, key)?.value;
  return v && typeof v === 'object' ? (v as Node) : undefined;
}

/** Creates a node for a new value in the file's house style. */
export function createValueNode(doc: Document, key: string, value: unknown): Node {
  if (Array.isArray(value)) {
    const seq = doc.createNode(value) as YAMLSeq;
    seq.flow = true;
    return seq;
  }
  const scalar = new Scalar(value);
  if (typeof value === 'string' && QUOTED_KEYS.has(key)) scalar.type = Scalar.QUOTE_DOUBLE;
  return scalar;
}

/**
 * Sets `key` to `value`, or removes it when `value` is null or undefined. An existing scalar keeps its node (and so
 * its comments and quoting style); a list is replaced element-wise where possible.
 */
export function setValue(doc: Document, map: YAMLMap, key: string, value: unknown): void {
  const pair = findPair(map, key);
  if (value === undefined || value === null) {
    if (pair) map.items.splice(map.items.indexOf(pair), 1);
    return;
  }
  if (!pair) {
    map.items.push(doc.createPair(key, createValueNode(doc, key, value)) as Pair);
    return;
  }
  const old = pair.value;
  if (isScalar(old) && !Array.isArray(value)) {
    if (old.value !== value) {
      old.value = value;
      if (typeof value !== 'string' && old.type !== Scalar.PLAIN) old.type = undefined;
      delete old.source;
    }
    return;
  }
  if (isSeq(old) && Array.isArray(value)) {
    const same = old.items.length === value.length && old.items.every((it, i) => isScalar(it) && it.value === value[i]);
    if (same) return;
    const fresh = createValueNode(doc, key, value) as YAMLSeq;
    fresh.flow = old.flow ?? true;
    fresh.comment = old.comment;
    fresh.commentBefore = old.commentBefore;
    pair.value = fresh;
    return;
  }
  pair.value = createValueNode(doc, key, value);
}

/** Orders the pairs of `map`: keys of `order` first in that order, the others after in their current order. */
export function orderPairs(map: YAMLMap, order: readonly string[]): boolean {
  const rank = (p: Pair) => {
    const i = order.indexOf(keyOf(p) ?? '');
    return i < 0 ? order.length : i;
  };
  const sorted = map.items.map((p, i) => ({ p, i, r: rank(p) })).sort((a, b) => a.r - b.r || a.i - b.i);
  if (!sorted.some((s, i) => s.i !== i)) return false;
  map.items = sorted.map((s) => s.p);
  return true;
}

export function asMap(node: unknown): YAMLMap | undefined {
  return isMap(node) ? node : undefined;
}

export function asSeq(node: unknown): YAMLSeq | undefined {
  return isSeq(node) ? node : undefined;
}

/** The plain JavaScript value of a node (for comparing entries in a merge). */
export function nodeToJs(doc: Document, node: unknown): unknown {
  if (node && typeof node === 'object' && 'toJS' in node) return (node as Scalar).toJS(doc as Document<Node, boolean>);
  return node;
}
