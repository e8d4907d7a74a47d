// Small helpers over the `yaml` Document API: find, set and order keys without losing comments or styles; and the
// limits (nesting depth, alias expansion) that keep a hostile file from exhausting the stack or memory.

import {
  type Alias,
  type Document,
  isAlias,
  isCollection,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  type Node,
  type Pair,
  Scalar,
  YAMLMap,
  type YAMLSeq,
} from 'yaml';

/** Written without folding and with `[a, b]` flow lists, so every scalar stays on one line (stable diffs). */
export const STRINGIFY_OPTIONS = { lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false, indentSeq: true } as const;

/** Keys whose new values are written double-quoted: free text, whose plain form would be fragile. */
const QUOTED_KEYS = new Set(['quote', 'prefix', 'suffix', 'note', 'text', 'fulfilmentNote']);

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
  if (value && typeof value === 'object') return createFlowMap(doc, value as Record<string, unknown>);
  const scalar = new Scalar(value);
  if (typeof value === 'string' && QUOTED_KEYS.has(key)) scalar.type = Scalar.QUOTE_DOUBLE;
  return scalar;
}

/** Keys of a small mapping in the order they are written (a `due` range); others follow in their own order. */
const FLOW_MAP_ORDER = ['from', 'to', 'text', 'vague'];

/** A small mapping (a commitment's `due`) on one line: `{ from: 2025-04-01, to: 2025-06-30, text: "voor de zomer" }`. */
function createFlowMap(doc: Document, value: Record<string, unknown>): YAMLMap {
  const map = new YAMLMap();
  map.flow = true;
  const rank = (k: string) => (FLOW_MAP_ORDER.includes(k) ? FLOW_MAP_ORDER.indexOf(k) : FLOW_MAP_ORDER.length);
  const entries = Object.entries(value).sort(([a], [b]) => rank(a) - rank(b));
  for (const [k, v] of entries) {
    if (v === undefined || v === null) continue;
    map.items.push(doc.createPair(k, createValueNode(doc, k, v)) as Pair);
  }
  return map;
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
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const fresh = createValueNode(doc, key, value) as YAMLMap;
    if (isMap(old)) {
      fresh.comment = old.comment;
      fresh.commentBefore = old.commentBefore;
    }
    pair.value = fresh;
    return;
  }
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

/** The plain JavaScript value of a node (for comparing entries in a merge); aliases are bounded as on parsing. */
export function nodeToJs(doc: Document, node: unknown): unknown {
  if (node && typeof node === 'object' && 'toJS' in node)
    return (node as Scalar).toJS(doc as Document<Node, boolean>, { maxAliasCount: YAML_LIMITS.maxAliasValues });
  return node;
}

/**
 * Bounds on a parsed annotation file, so that nothing that walks it recursively (the yaml composer, toJS,
 * stringify, JSON.stringify of its values in a merge) can exhaust the stack or memory: collections nest at most
 * `maxDepth` levels (also where an alias is used), and all aliases together expand to at most `maxAliasValues`
 * values (scalars and collections).
 */
export const YAML_LIMITS = { maxDepth: 100, maxAliasValues: 10_000 } as const;

export interface AliasProblem {
  /**
   * `expansion`: the aliases so far expand to more than `maxAliasValues` values; `depth`: the alias's value nests
   * too deep where it is used; `cycle`: the alias is inside the node it refers to; `unresolved`: no anchor of its
   * name comes before it.
   */
  kind: 'expansion' | 'depth' | 'cycle' | 'unresolved';
  alias: Alias;
}

/** The first alias of `doc` (in document order) that breaks `limits`; the document is walked without recursion. */
export function findAliasProblem(doc: Document, limits: { maxDepth: number; maxAliasValues: number } = YAML_LIMITS): AliasProblem | undefined {
  return isNode(doc.contents) ? new AliasWalk(limits).run(doc.contents) : undefined;
}

/** A node's size with its aliases expanded: values (scalars and collections) and levels of collections. */
interface Extent {
  values: number;
  levels: number;
}

interface OpenCollection {
  node: Node;
  children: Node[];
  next: number;
  extent: Extent;
}

/** Walks a document in the order yaml resolves aliases: a node before its children, a key before its value. */
class AliasWalk {
  readonly #anchors = new Map<string, Node>();
  /** Anchored nodes whose walk is complete, with their extent. */
  readonly #measured = new Map<Node, Extent>();
  readonly #open: OpenCollection[] = [];
  #aliasValues = 0;

  constructor(private readonly limits: { maxDepth: number; maxAliasValues: number }) {}

  run(root: Node): AliasProblem | undefined {
    let problem = this.#enter(root);
    while (!problem && this.#open.length) {
      const top = this.#open[this.#open.length - 1];
      if (top.next < top.children.length) problem = this.#enter(top.children[top.next++]);
      else {
        this.#open.pop();
        this.#finish(top.node, top.extent);
      }
    }
    return problem;
  }

  #enter(node: Node): AliasProblem | undefined {
    if (isAlias(node)) return this.#expand(node);
    if (node.anchor) this.#anchors.set(node.anchor, node);
    if (isCollection(node)) this.#open.push({ node, children: childNodes(node), next: 0, extent: { values: 1, levels: 1 } });
    else this.#finish(node, { values: 1, levels: 0 });
    return undefined;
  }

  #expand(alias: Alias): AliasProblem | undefined {
    const target = this.#anchors.get(alias.source);
    if (!target) return { kind: 'unresolved', alias };
    const extent = this.#measured.get(target);
    if (!extent) return { kind: 'cycle', alias }; // the anchored node is still open: it contains the alias
    this.#aliasValues += extent.values;
    if (this.#aliasValues > this.limits.maxAliasValues) return { kind: 'expansion', alias };
    if (this.#open.length + extent.levels > this.limits.maxDepth) return { kind: 'depth', alias };
    this.#finish(undefined, extent);
    return undefined;
  }

  /** Adds a walked node to its collection, and remembers it when aliases may refer to it. */
  #finish(node: Node | undefined, extent: Extent): void {
    if (node?.anchor) this.#measured.set(node, extent);
    const parent = this.#open[this.#open.length - 1];
    if (!parent) return;
    parent.extent.values += extent.values;
    parent.extent.levels = Math.max(parent.extent.levels, extent.levels + 1);
  }
}

/** The nodes directly inside a collection, a pair's key before its value. */
function childNodes(collection: YAMLMap | YAMLSeq): Node[] {
  const out: Node[] = [];
  for (const item of collection.items) {
    if (isPair(item)) {
      if (isNode(item.key)) out.push(item.key);
      if (isNode(item.value)) out.push(item.value);
    } else if (isNode(item)) out.push(item);
  }
  return out;
}
