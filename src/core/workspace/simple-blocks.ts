// Pieces of markdown whose parse is known from their lines alone, so the citation scan can skip the parser (which
// costs milliseconds per list: micromark opens a container per item). A piece here is one of shape.ts's segments
// (it parses alone as in place) that holds exactly one top-level block of a simple form:
//   - a paragraph, a tight list (one marker kind), a block quote, a one-line ATX heading or a one-line footnote
//     definition, whose every line starts with a letter, a digit that is no list marker, a quote, `(` or `|`
//     (after its marker), with no backtick, `<`, backslash or `[` in it except simple inline links `[text](url)`
//     and footnote calls `[^label]`: nothing in it is code, HTML or an unknown bracket;
//   - a fenced code block that closes on the piece's last line (or never): code only, no citation.
// Anything else goes to the parser. The block's span is the piece without a final carriage return (as micromark
// gives it); test/unit/workspace/prefilter-property.test.ts compares the result with the parser's.
import { digitRun, isDigit, isLetter } from '../citations/chars';
import type { BlockNode } from '../markdown/parse';
import type { Range } from '../markdown/structure';

export type SimpleShape = { kind: 'code' } | { kind: 'block'; node: BlockNode };

/** The one block of text[start, end) when it has a simple form, else undefined. */
export function simpleBlock(text: string, start: number, end: number): SimpleShape | undefined {
  if (text.charCodeAt(end - 1) === 13) end--;
  if (end <= start) return undefined;
  const c = text.charCodeAt(start);
  if (c === 96 || c === 126) return isWholeFence(text, start, end) ? { kind: 'code' } : undefined;
  if (start === 0 && text.startsWith('---')) return frontMatter(text, end);
  let type: string;
  let contentFrom = start;
  let footnote: string | undefined;
  if (c === 35 /* # */) {
    if (!isHeading(text, start, end)) return undefined;
    type = 'heading';
  } else if (c === 91 /* [ */) {
    const label = footnoteDefinitionLabel(text, start, end);
    if (label === undefined) return undefined;
    type = 'footnoteDefinition';
    footnote = label;
    contentFrom = start + label.length + 4;
  } else if (c === 62 /* > */) {
    if (!linesAre(text, start, end, quoteLine)) return undefined;
    type = 'blockquote';
  } else if (isPlainStart(text, start, end)) {
    if (!linesAre(text, start, end, paragraphLine)) return undefined;
    type = 'paragraph';
  } else {
    const marker = listMarker(text, start, end);
    if (!marker || !linesAre(text, start, end, (t, i, e) => sameMarker(t, i, e, marker) || continuationLine(t, i, e))) return undefined;
    type = 'list';
  }
  const links = inlineLinks(text, contentFrom, end);
  if (!links) return undefined;
  const at = (s: number, e: number) => ({ start: { offset: s }, end: { offset: e } });
  const node: Record<string, unknown> = {
    type,
    position: at(start, end),
    children: links.map((l) => ({ type: 'link', position: at(l.start, l.end), children: [] })),
  };
  if (footnote !== undefined) {
    node.label = footnote;
    node.identifier = footnote.toLowerCase();
  }
  return { kind: 'block', node: node as unknown as BlockNode };
}

type LineTest = (text: string, i: number, end: number) => boolean;

/** Every line after the first passes `test` (the first was checked by the caller's choice of form, and is tested too). */
function linesAre(text: string, start: number, end: number, test: LineTest): boolean {
  for (let i = start; i < end;) {
    const nl = text.indexOf('\n', i);
    const lineEnd = nl < 0 || nl > end ? end : nl;
    if (!test(text, i, lineEnd)) return false;
    i = lineEnd + 1;
  }
  return true;
}

/** A letter, a digit that starts no list marker, a quote, `(` or `|`: text no block construct starts with. */
function isPlainStart(text: string, i: number, end: number): boolean {
  if (i >= end) return false;
  const c = text.charCodeAt(i);
  if (isDigit(c)) {
    const after = text.charCodeAt(i + digitRun(text, i, end));
    return after !== 46 /* . */ && after !== 41; /* ) */
  }
  return c === 40 || c === 34 || c === 39 || c === 124 || c === 0x2018 || c === 0x201c || c === 0x201e || isLetter(c);
}

/**
 * A line that continues a paragraph: optional indentation, then plain text (no marker, heading, fence or break
 * can start there), or a `[` that starts no footnote definition (a link definition cannot interrupt a paragraph).
 */
function continuationLine(text: string, i: number, end: number): boolean {
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return isPlainStart(text, i, end) || (text.charCodeAt(i) === 91 && text.charCodeAt(i + 1) !== 94);
}

/**
 * A paragraph's line: as continuationLine, or a number with `.` or `)` other than 1 (`550) over …`): an ordered
 * list interrupts a paragraph only when it starts at 1.
 */
function paragraphLine(text: string, i: number, end: number): boolean {
  if (continuationLine(text, i, end)) return true;
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  const n = digitRun(text, i, end);
  return n > 0 && Number(text.slice(i, i + n)) !== 1;
}

/**
 * Front matter that ends on the piece's last line (`---`, YAML, `---`, no carriage returns): a yaml node with the
 * lines between as its value, which is all the scan reads of it (the document's own id).
 */
function frontMatter(text: string, end: number): SimpleShape | undefined {
  const open = /^---[ \t]*\n/.exec(text);
  if (!open || text.slice(0, end).includes('\r')) return undefined;
  const close = /\n---[ \t]*(?=\n|$)/.exec(text.slice(open[0].length - 1, end));
  if (!close || close.index + close[0].length + open[0].length - 1 !== end) return undefined;
  const value = text.slice(open[0].length, open[0].length - 1 + close.index);
  const at = { start: { offset: 0 }, end: { offset: end } };
  return { kind: 'block', node: { type: 'yaml', value, position: at } as unknown as BlockNode };
}

function quoteLine(text: string, i: number, end: number): boolean {
  if (text.charCodeAt(i) !== 62) return false;
  i++;
  if (text.charCodeAt(i) === 32) i++;
  return isPlainStart(text, i, end);
}

/** `# Title` on one line: one to six `#`, a space, plain text, no closing `#`. */
function isHeading(text: string, start: number, end: number): boolean {
  if (text.indexOf('\n', start) >= 0 && text.indexOf('\n', start) < end) return false;
  let i = start;
  while (i < end && text.charCodeAt(i) === 35) i++;
  if (i - start > 6 || text.charCodeAt(i) !== 32) return false;
  let last = end - 1;
  while (last > i && (text.charCodeAt(last) === 32 || text.charCodeAt(last) === 9)) last--;
  return isPlainStart(text, i + 1, end) && text.charCodeAt(last) !== 35;
}

/** `[^label]: text` on one line (label of letters, digits, `-` and `_`): the label. */
function footnoteDefinitionLabel(text: string, start: number, end: number): string | undefined {
  const m = /^\[\^([A-Za-z0-9_-]{1,64})\]: /.exec(text.slice(start, Math.min(end, start + 72)));
  if (!m || (text.indexOf('\n', start) >= 0 && text.indexOf('\n', start) < end)) return undefined;
  return isPlainStart(text, start + m[0].length, end) ? m[1] : undefined;
}

interface Marker {
  bullet: number;
  delimiter: number;
}

/** The list marker at `i` (`- `, `* `, `+ `, `1. `, `1) `) followed by plain text, else undefined. */
function listMarker(text: string, i: number, end: number): Marker | undefined {
  const c = text.charCodeAt(i);
  if (c === 45 || c === 42 || c === 43) return text.charCodeAt(i + 1) === 32 && isPlainStart(text, i + 2, end) ? { bullet: c, delimiter: 0 } : undefined;
  const n = digitRun(text, i, end);
  if (n < 1 || n > 9) return undefined;
  const d = text.charCodeAt(i + n);
  if ((d !== 46 && d !== 41) || text.charCodeAt(i + n + 1) !== 32 || !isPlainStart(text, i + n + 2, end)) return undefined;
  return { bullet: 0, delimiter: d };
}

/** The kind of list marker a piece starts with (`-`, `*`, `+`, `.`, `)`), for joining a loose list's pieces. */
export function listKindAt(text: string, start: number, end: number): string | undefined {
  const m = listMarker(text, start, end);
  return m ? String.fromCharCode(m.bullet || m.delimiter) : undefined;
}

/** One list of two simple list pieces of the same marker kind (a loose list: its items apart by blank lines). */
export function joinLists(a: SimpleShape, b: SimpleShape): SimpleShape {
  const na = a.kind === 'block' ? (a.node as unknown as SyntheticNode) : undefined;
  const nb = b.kind === 'block' ? (b.node as unknown as SyntheticNode) : undefined;
  if (!na || !nb) throw new Error('joinLists takes two lists');
  const node: SyntheticNode = { type: 'list', position: { start: na.position.start, end: nb.position.end }, children: [...na.children, ...nb.children] };
  return { kind: 'block', node: node as unknown as BlockNode };
}

interface SyntheticNode {
  type: string;
  position: { start: { offset: number }; end: { offset: number } };
  children: unknown[];
}

function sameMarker(text: string, i: number, end: number, m: Marker): boolean {
  const here = listMarker(text, i, end);
  return here !== undefined && here.bullet === m.bullet && here.delimiter === m.delimiter;
}

/**
 * The inline links of text[from, end), when every bracket is a simple inline link (`[text](url)`, not after `!`,
 * text without brackets, url without spaces, brackets or parentheses) or a footnote call
 * `[^label]` (not followed by `(`, `[` or `:`); undefined when something else (a backtick, `<`, a backslash, a
 * lone carriage return, another bracket) could make code, HTML or a link the lines do not show.
 */
function inlineLinks(text: string, from: number, end: number): Range[] | undefined {
  const links: Range[] = [];
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 96 || c === 60 || c === 92) return undefined;
    if (c === 13 && text.charCodeAt(i + 1) !== 10) return undefined;
    if (c !== 91) continue;
    if (i > 0 && text.charCodeAt(i - 1) === 33 /* ! */) return undefined;
    const call = /^\[\^[A-Za-z0-9_-]{1,64}\](?![([:])/.exec(text.slice(i, Math.min(end, i + 68)));
    if (call && i + call[0].length <= end) {
      i += call[0].length - 1;
      continue;
    }
    const link = /^\[(?!\^)[^[\]`<\\]{0,500}\]\([^\s()<>\\[\]]{1,2000}\)/.exec(text.slice(i, Math.min(end, i + 2600)));
    if (!link) return undefined;
    links.push({ start: i, end: i + link[0].length });
    i += link[0].length - 1;
  }
  return links;
}

/** A fenced code block at `start` that closes on the last line of text[start, end), or never closes. */
function isWholeFence(text: string, start: number, end: number): boolean {
  const c = text.charCodeAt(start);
  let n = 0;
  while (text.charCodeAt(start + n) === c) n++;
  if (n < 3) return false;
  let nl = text.indexOf('\n', start);
  if (nl < 0 || nl >= end) return false;
  if (c === 96 && text.slice(start + n, nl).includes('`')) return false;
  for (let i = nl + 1; i < end; i = nl + 1) {
    nl = text.indexOf('\n', i);
    const lineEnd = nl < 0 || nl > end ? end : nl;
    if (closesFence(text, i, lineEnd, c, n)) return lineEnd === end;
    if (nl < 0 || nl >= end) break;
  }
  return end === text.length || /^\s*$/.test(text.slice(end));
}

function closesFence(text: string, i: number, end: number, c: number, n: number): boolean {
  let k = i;
  while (k < end && k - i < 3 && text.charCodeAt(k) === 32) k++;
  let run = 0;
  while (text.charCodeAt(k + run) === c) run++;
  if (run < n) return false;
  for (let j = k + run; j < end; j++) {
    const d = text.charCodeAt(j);
    if (d !== 32 && d !== 9 && d !== 13) return false;
  }
  return true;
}
