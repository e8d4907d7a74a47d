// Parsing the YAML of `.kamerstuk/catalog.yaml` with yaml's duplicate-key errors, in linear time. yaml's own
// `uniqueKeys: true` compares every key with each earlier key of its mapping: quadratic, tens of seconds for a
// catalog of 50,000 documents. Here the keys of each mapping go into a Set; the errors stay the ones yaml
// reports (code, message, position, and order among the other errors).
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type ParsedNode, type YAMLMap } from 'yaml';

export interface CatalogYaml {
  doc: Document.Parsed;
  /** Line and column of an offset in the text. */
  lineCounter: LineCounter;
}

type KeyComparison = (earlierKey: ParsedNode, key: ParsedNode) => boolean;

/** Like `parseDocument(text, { uniqueKeys: true, prettyErrors: false })`, in time linear in the number of keys. */
export function parseCatalogYaml(text: string): CatalogYaml {
  const fast = parse(text, false);
  if (!someMap(fast.doc.contents, hasRepeatedKey)) return fast;
  return parseWithDuplicateErrors(text);
}

function parse(text: string, uniqueKeys: boolean | KeyComparison): CatalogYaml {
  const lineCounter = new LineCounter();
  return { doc: parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys }), lineCounter };
}

/** A key yaml counts as equal to another: a scalar, compared by value with `===` (so NaN never repeats). */
function comparableKey(key: unknown): key is { value: unknown } {
  return isScalar(key) && !Number.isNaN(key.value);
}

function hasRepeatedKey(map: YAMLMap): boolean {
  const seen = new Set<unknown>();
  for (const { key } of map.items) {
    if (!comparableKey(key)) continue;
    if (seen.has(key.value)) return true;
    seen.add(key.value);
  }
  return false;
}

/** Whether `test` holds for a mapping in the tree below `node` (keys included; aliases not followed). */
function someMap(node: unknown, test: (map: YAMLMap) => boolean): boolean {
  if (isMap(node)) return test(node) || node.items.some((pair) => someMap(pair.key, test) || someMap(pair.value, test));
  if (isSeq(node)) return node.items.some((item) => someMap(item, test));
  return false;
}

/**
 * The catalog has a repeated key (rare): parsed again with a key comparison that yaml asks once for each key
 * after the first of a mapping, in the order it reads the document (with the mapping's first key, then stops at
 * the answer "equal"). It always answers "equal", so yaml writes its duplicate-key error for every such key,
 * at yaml's own position and in yaml's own order; the errors of keys that do not repeat are then dropped.
 */
function parseWithDuplicateErrors(text: string): CatalogYaml {
  const keysByFirstKey = new WeakMap<ParsedNode, Set<unknown>>();
  const repeats: boolean[] = [];
  const everyKeyEqual: KeyComparison = (firstKey, key) => {
    let seen = keysByFirstKey.get(firstKey);
    if (!seen) keysByFirstKey.set(firstKey, (seen = new Set(comparableKey(firstKey) ? [firstKey.value] : [])));
    const repeated = comparableKey(key) && seen.has(key.value);
    if (comparableKey(key)) seen.add(key.value);
    repeats.push(repeated);
    return true;
  };
  const parsed = parse(text, everyKeyEqual);
  const errors = parsed.doc.errors;
  if (errors.filter((e) => e.code === 'DUPLICATE_KEY').length !== repeats.length) return parse(text, true); // not the yaml this was written for
  let next = 0;
  parsed.doc.errors = errors.filter((e) => e.code !== 'DUPLICATE_KEY' || repeats[next++]);
  return parsed;
}
