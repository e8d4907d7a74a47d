// What the scanner needs to know about one top-level block: code to skip, inline links, footnote definitions.
// Offsets are absolute (the block's offsets in the parsed text plus `base`).
import type { Nodes } from 'mdast';
import { span, type BlockNode } from './parse';

export interface Range {
  start: number;
  end: number;
}

export interface FootnoteDefinition extends Range {
  /** Normalised label: lower case, inner whitespace collapsed (as GFM matches calls to definitions). */
  label: string;
  /** Indices (into its block's refs) of the kamerstukken and numbered motions the definition cites. */
  targets?: number[];
}

export interface BlockStructure {
  /** Fenced and indented code, inline code, front matter and HTML comments: never scanned. */
  code: Range[];
  /** Inline links `[text](url)`. */
  links: Range[];
  footnotes: FootnoteDefinition[];
}

export function normaliseLabel(label: string): string {
  return /^[a-z0-9_-]*$/.test(label) ? label : label.toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Walks a block and collects its code ranges, inline links and footnote definitions, in document order. The walk
 * keeps its own stack: a tree may be thousands of levels deep (nested block quotes), deeper than the call stack.
 */
export function blockStructure(node: BlockNode, text: string, base: number): BlockStructure {
  const out: BlockStructure = { code: [], links: [], footnotes: [] };
  const pending: Nodes[] = [node as Nodes];
  while (pending.length) {
    const n = pending.pop()!;
    if (!record(n, text, base, out) || !('children' in n)) continue;
    const children = n.children as Nodes[];
    for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]);
  }
  out.code.sort((a, b) => a.start - b.start);
  return out;
}

/** Records what one node contributes; false when its children need no visit. */
function record(n: Nodes, text: string, base: number, out: BlockStructure): boolean {
  switch (n.type) {
    case 'code':
    case 'inlineCode':
    case 'yaml': {
      const [s, e] = span(n);
      out.code.push({ start: s + base, end: e + base });
      return false;
    }
    case 'link': {
      const [s, e] = span(n);
      if (text.charCodeAt(s) === 91 /* [ */) out.links.push({ start: s + base, end: e + base });
      return true;
    }
    case 'footnoteDefinition': {
      const [s, e] = span(n);
      out.footnotes.push({ label: normaliseLabel(n.label ?? n.identifier), start: s + base, end: e + base });
      return true;
    }
    case 'html':
      recordComments(n, text, base, out);
      return false;
    case 'text':
    case 'definition':
    case 'thematicBreak':
    case 'break':
      return false;
    default:
      return true;
  }
}

/** An HTML comment (`<!-- Kamerstuk 29 754, nr. 686 -->`) is not prose; other raw HTML is shown, so scanned. */
function recordComments(n: Nodes, text: string, base: number, out: BlockStructure): void {
  const [s, e] = span(n);
  // Sought in the node's own text: a search to the end of the document per node would cost its length each time.
  const own = text.slice(s, e);
  for (let i = own.indexOf('<!--'); i >= 0; i = own.indexOf('<!--', i)) {
    const close = own.indexOf('-->', i + 4);
    const stop = close < 0 ? own.length : close + 3;
    out.code.push({ start: s + i + base, end: s + stop + base });
    i = stop;
  }
}

/** The prose ranges of [start, end): everything except the code ranges (sorted, non-overlapping). */
export function proseSegments(start: number, end: number, code: Range[]): Range[] {
  const out: Range[] = [];
  let pos = start;
  for (const c of code) {
    if (c.end <= pos) continue;
    if (c.start > pos) out.push({ start: pos, end: Math.min(c.start, end) });
    pos = Math.max(pos, c.end);
    if (pos >= end) break;
  }
  if (pos < end) out.push({ start: pos, end });
  return out;
}
