// Writing an annotation Document fast: the file outline is stringified with a placeholder for the entries, and
// each entry is stringified on its own and cached until edited, so writing after one tag costs one entry.

import { Document, isMap, Scalar, visit, type YAMLMap, YAMLSeq } from 'yaml';
import { asSeq, findPair, getNode, STRINGIFY_OPTIONS } from './yaml-nodes';

const ENTRIES_MARKER = 'kamerstuk-annotator-entries-6f1c';

/** The text of `doc`; equals `doc.toString(STRINGIFY_OPTIONS)` except that blank lines carry no indentation. */
export function renderDocument(doc: Document, cache: WeakMap<YAMLMap, string>): string {
  const root = doc.contents as YAMLMap;
  const pair = findPair(root, 'annotations');
  const seq = asSeq(getNode(root, 'annotations'));
  if (!pair || !seq || !seq.items.length || seq.flow || hasAliases(doc)) return doc.toString(STRINGIFY_OPTIONS);
  const placeholder = new YAMLSeq();
  placeholder.items = [new Scalar(ENTRIES_MARKER)];
  Object.assign(placeholder, { comment: seq.comment, commentBefore: seq.commentBefore, spaceBefore: seq.spaceBefore });
  pair.value = placeholder;
  let outline: string;
  try {
    outline = doc.toString(STRINGIFY_OPTIONS);
  } finally {
    pair.value = seq;
  }
  const marker = `- ${ENTRIES_MARKER}\n`;
  const at = outline.indexOf(marker);
  const lineStart = outline.lastIndexOf('\n', at) + 1;
  const indent = outline.slice(lineStart, at);
  if (at < 0 || indent.trim()) return doc.toString(STRINGIFY_OPTIONS);
  const body = seq.items.map((item) => indentLines(entryText(item as YAMLMap, cache), indent)).join('');
  return outline.slice(0, lineStart) + body + outline.slice(at + marker.length);
}

/** The text of one entry as `renderDocument` writes it, its `-` indented by `indent`. */
export function renderEntry(item: YAMLMap, cache: WeakMap<YAMLMap, string>, indent: string): string {
  return indentLines(entryText(item, cache), indent);
}

function entryText(item: YAMLMap, cache: WeakMap<YAMLMap, string>): string {
  const cached = cache.get(item);
  if (cached !== undefined) return cached;
  const single = new Document(null, { version: '1.2' });
  const seq = new YAMLSeq();
  seq.items = [item];
  single.contents = seq;
  const text = single.toString(STRINGIFY_OPTIONS);
  cache.set(item, text);
  return text;
}

export function hasAliases(doc: Document): boolean {
  let found = false;
  visit(doc, { Alias: () => ((found = true), visit.BREAK) });
  return found;
}

/** yaml keeps a comment above the first entry on the list; it belongs to that entry, so it moves with it. */
export function attachLeadingComment(seq: YAMLSeq): void {
  const first = seq.items[0];
  if (!seq.commentBefore || !isMap(first)) return;
  first.commentBefore = first.commentBefore ? `${seq.commentBefore}\n${first.commentBefore}` : seq.commentBefore;
  seq.commentBefore = undefined;
}

/**
 * Indents every non-empty line. Lines end at LF only: a regular expression's `^` with the `m` flag also matches
 * after U+2028 and U+2029, which YAML 1.2 keeps as ordinary characters inside a quoted scalar, so such a quote
 * or note would gain the indentation on every write.
 */
function indentLines(text: string, indent: string): string {
  if (!indent) return text;
  return text
    .split('\n')
    .map((line) => (line && line !== '\r' ? indent + line : line))
    .join('\n');
}
