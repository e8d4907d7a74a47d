// Saving to the team catalog quietly: only the saved entry's lines change. The entry is written on its own and put
// where its old lines were (or after the last entry), indented like its neighbours; the rest of the file keeps its
// bytes, so an entry written `[a, b]` by a colleague is not rewritten `[ a, b ]`. The caller checks the result.
import { Document, isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { lineStart, uniformLineBreak } from '../text/lines';

export const CATALOG_STRINGIFY = { lineWidth: 0, flowCollectionPadding: false } as const;

/**
 * `text` with the entry at `index` of `documents` (a block map or list parsed from `text`) written anew: in place
 * of `old` (its lines before it was changed, `entrySpan`), or for a new entry after the one before it.
 */
export function spliceCatalogEntry(text: string, documents: YAMLMap | YAMLSeq, index: number, old: [number, number] | undefined): string | undefined {
  if (documents.flow || index >= documents.items.length) return undefined;
  const first = startOf(documents.items[0]);
  if (first === undefined) return undefined;
  const indent = text.slice(lineStart(text, first), first);
  const isItem = isSeq(documents);
  // A list item's text starts at its "- ", which lies before the item's own start.
  const dash = isItem ? /^([ \t]*)-[ \t]+$/.exec(indent) : /^[ \t]*$/.exec(indent);
  if (!dash) return undefined;
  const eol = uniformLineBreak(text);
  const rendered = renderAlone(documents.items[index], isItem, isItem ? dash[1] : indent).replace(/\n/g, eol);
  if (old) return text.slice(0, old[0]) + rendered + text.slice(old[1]);
  // A new entry: after the entry before it.
  const previous = index > 0 ? entrySpan(text, documents.items[index - 1]) : undefined;
  return previous ? text.slice(0, previous[1]) + rendered + text.slice(previous[1]) : undefined;
}

/** The entry as the only one of a mapping or list, its comment above it left where it was, indented by `indent`. */
function renderAlone(entry: unknown, isItem: boolean, indent: string): string {
  const alone = new Document(null, { version: '1.2' });
  const copy = (entry as Node | Pair).clone() as Node | Pair;
  const head = (isItem ? copy : (copy as Pair).key) as { commentBefore?: string | null; spaceBefore?: boolean } | null;
  if (head && typeof head === 'object') {
    head.commentBefore = undefined;
    head.spaceBefore = false;
  }
  alone.contents = isItem ? alone.createNode([]) : alone.createNode({});
  (alone.contents as YAMLMap | YAMLSeq).items = [copy as never];
  return alone
    .toString(CATALOG_STRINGIFY)
    .split('\n')
    .map((line) => (line ? indent + line : line))
    .join('\n');
}

/** Where an entry's lines are in `text`: from the start of its first line to after its last line break. */
export function entrySpan(text: string, entry: unknown): [number, number] | undefined {
  const start = startOf(entry);
  const end = endOf(entry);
  if (start === undefined || end === undefined) return undefined;
  // A node's end may lie after the line break that ends it (a trailing comment's), or before it.
  const nl = text.charCodeAt(end - 1) === 10 ? end - 1 : text.indexOf('\n', Math.max(start, end - 1));
  return [lineStart(text, start), nl < 0 ? text.length : nl + 1];
}

function startOf(entry: unknown): number | undefined {
  const node = isPairLike(entry) ? entry.key : entry;
  return (node as Node | null)?.range?.[0];
}

/** Where an entry ends, its comments after the last value included (they are written with it). */
function endOf(entry: unknown): number | undefined {
  const node = isPairLike(entry) ? entry.value : entry;
  if (isScalar(node) || isMap(node) || isSeq(node)) return node.range?.[2];
  return undefined;
}

const isPairLike = (v: unknown): v is Pair => !!v && typeof v === 'object' && 'key' in v && 'value' in v;
