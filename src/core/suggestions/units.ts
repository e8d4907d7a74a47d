// A letter as the units suggestions are made of: headings (their text after `#` and any number), list items, and
// the sentences of paragraphs, each with the section it is in. Front matter, code, footnote definitions and HTML
// are left out. Citation ranges are protected from sentence boundaries: each paragraph's own text is scanned (the
// scanner's search runs to the end of the string it is given, so scanning segments of the whole letter would cost
// the square of its length).
import type { ListItem, RootContent } from 'mdast';
import { scanText } from '../citations';
import { parseTopLevel, span } from '../markdown/parse';
import { splitSentences, type Span } from './sentences';

export interface Heading extends Span {
  depth: number;
  /** The number the heading starts with (`### 1. Het versterken …` → `1`), if any. */
  number?: string;
  text: string;
}

export interface LetterUnit extends Span {
  kind: 'heading' | 'sentence' | 'item';
  text: string;
  /** The heading this unit is under (for a heading: the heading above it, of lower depth). */
  section?: Heading;
  /** The heading above `section` (for measures: `## Maatregelen` above `### 1. …`). */
  parentSection?: Heading;
  /** Index of the paragraph or list item the unit belongs to, and whether it is its first sentence. */
  block: number;
  first: boolean;
  heading?: Heading;
}

const HEADING_NUMBER = /^(\d{1,2}(?:\.\d{1,2})*)[.)]?\s+/u;

/** Finds the citations of a piece of text (offsets into it); a group (`nrs. 520 en 548`) as one span. */
export type CitationScan = (piece: string) => readonly (Span & { group?: Span })[];

/** The units of a markdown letter, in text order. `scan`: the citation scanner (tests count what it reads). */
export function letterUnits(text: string, scan: CitationScan = scanText): LetterUnit[] {
  const units: LetterUnit[] = [];
  const open: Heading[] = [];
  let block = 0;
  const context = () => ({ section: open[open.length - 1], parentSection: open[open.length - 2] });
  const sentences = (start: number, end: number, kind: 'sentence' | 'item') => {
    block++;
    splitSentences(text, start, end, citationSpans(text, start, end, scan)).forEach((s, i) =>
      units.push({ ...s, kind, text: text.slice(s.start, s.end), block, first: i === 0, ...context() }),
    );
  };
  const visit = (node: RootContent, base: number) => {
    const [s, e] = span(node).map((o) => o + base);
    switch (node.type) {
      case 'heading': {
        const raw = text.slice(s, e);
        const marks = /^\s*#{1,6}\s*/u.exec(raw)?.[0].length ?? 0;
        let start = s + marks;
        const numbered = HEADING_NUMBER.exec(text.slice(start, e));
        if (numbered) start += numbered[0].length;
        let end = e;
        while (end > start && /[\s#]/u.test(text[end - 1])) end--;
        while (open.length && open[open.length - 1].depth >= node.depth) open.pop();
        const heading: Heading = { start, end, depth: node.depth, text: text.slice(start, end), ...(numbered ? { number: numbered[1] } : {}) };
        block++;
        if (end > start) units.push({ start, end, kind: 'heading', text: heading.text, block, first: true, ...context(), heading });
        open.push(heading);
        return;
      }
      case 'paragraph':
        return sentences(s, e, 'sentence');
      case 'list':
        for (const item of node.children as ListItem[]) {
          for (const child of item.children) {
            if (child.type === 'paragraph') {
              const [cs, ce] = span(child).map((o) => o + base);
              sentences(cs, ce, 'item');
            } else if (child.type === 'list') visit(child, base);
          }
        }
        return;
      case 'blockquote':
        for (const child of node.children) visit(child, base);
        return;
      default:
        return;
    }
  };
  for (const top of parseTopLevel(text, true)) {
    if (top.kind === 'node') visit(top.node, top.base);
    else sentences(top.start, top.end, 'sentence');
  }
  return units;
}

/** The spans of every citation in text[start, end) (a whole group for `nrs. 520 en 548`), sorted. */
function citationSpans(text: string, start: number, end: number, scan: CitationScan): Span[] {
  const spans = scan(text.slice(start, end)).map((r) => {
    const s = r.group ?? r;
    return { start: start + s.start, end: start + s.end };
  });
  return spans.sort((a, b) => a.start - b.start || b.end - a.end);
}
