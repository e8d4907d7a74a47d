// Quiet writes: where the entries of a parsed annotation file lie in its text, so that a write can keep the text
// of every entry nobody changed byte for byte (a hand-edited file keeps its spacing, comments and blank lines) and
// render only the entries that changed. The store checks every such text before using it: it must parse to
// exactly what the canonical text holds, or the canonical text is written instead.
import { isMap, isScalar, isSeq, type Document, type YAMLMap } from 'yaml';
import { lineEnd, lineStart, uniformLineBreak } from '../text/lines';
import { findPair } from './yaml-nodes';

export interface SourceEntry {
  id: string;
  /** Start of the lines between the previous entry (or `annotations:`) and this one: blank lines, comments. */
  from: number;
  /** End of its last line, after the line break. */
  to: number;
}

export interface SourceLayout {
  text: string;
  /** The file's line break, used for the lines written anew. */
  eol: '\n' | '\r\n';
  /** Indentation of the entries' `-`. */
  indent: string;
  /** End of the text before the entries: after the `annotations:` line. */
  head: number;
  /** The entries in the order of the file. */
  entries: SourceEntry[];
}

/**
 * The layout of `text`, or undefined when its entries cannot be cut out as whole lines (a flow sequence, several
 * entries on one line, an entry without a position).
 */
export function sourceLayout(text: string, doc: Document, idOf: (entry: YAMLMap) => string | undefined): SourceLayout | undefined {
  const root = doc.contents;
  if (!isMap(root)) return undefined;
  const pair = findPair(root, 'annotations');
  const seq = pair?.value;
  if (!pair || !isScalar(pair.key) || !pair.key.range || !isSeq(seq) || seq.flow || !seq.items.length) return undefined;
  const head = lineEnd(text, pair.key.range[1]);
  const entries: SourceEntry[] = [];
  let from = head;
  let indent: string | undefined;
  for (const item of seq.items) {
    if (!isMap(item) || !item.range) return undefined;
    const id = idOf(item);
    if (!id) return undefined;
    const [start, valueEnd] = item.range;
    const own = lineStart(text, start);
    const dash = /^([ \t]*)-[ \t]+$/.exec(text.slice(own, start));
    if (own < from || !dash || (indent !== undefined && dash[1] !== indent)) return undefined;
    indent = dash[1];
    const to = text.charCodeAt(valueEnd - 1) === 10 ? valueEnd : lineEnd(text, valueEnd);
    entries.push({ id, from, to });
    from = to;
  }
  return { text, eol: uniformLineBreak(text), indent: indent ?? '', head, entries };
}

/** One entry of a quiet write: kept as it was in the source, or written anew (`text`, LF line breaks). */
export type EntryOutput = { id: string; keep: SourceEntry } | { id: string; text: string };

/** The file with the text before and after the entries kept and the entries in the given order. */
export function spliceEntries(layout: SourceLayout, entries: readonly EntryOutput[]): string {
  const { text, eol } = layout;
  const last = layout.entries[layout.entries.length - 1];
  const parts = [text.slice(0, layout.head)];
  for (const e of entries) {
    if ('keep' in e) parts.push(text.slice(e.keep.from, e.keep.to));
    else parts.push(eol === '\n' ? e.text : e.text.replace(/\n/g, eol));
  }
  parts.push(text.slice(last.to));
  return parts.join('');
}
