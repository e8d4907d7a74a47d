// The shape of a markdown text, measured in one pass over its lines without parsing it: where it may be cut into
// pieces that parse alone as they do in place, and for each piece how much of the constructs that make the
// parser superlinear it holds (budget.ts decides what is too much).
//
// A piece (segment) starts at a line at column 0 that follows a blank line, at a footnote definition at column 0
// (it interrupts any paragraph), or at a link definition at column 0 right after a whole one that starts a block —
// never inside front matter, a fenced code block or an HTML block. Such a line cannot continue a block opened
// before it (after a blank line a continuation must be indented, and no lazy line follows a blank line), so a
// parse starting there gives the same top-level blocks, except that a loose list whose items are separated by
// blank lines splits into one list per piece (a cut before a list item is marked unclean for that reason). Where
// the lines alone cannot tell (a fence inside what may or may not be an HTML block), nothing after is cut.

export interface Segment {
  /** Offset of its first line. */
  start: number;
  /** End of its last non-blank line (before the line break). */
  end: number;
  /** The most container markers (list items, block quotes) opened on one line. */
  containers: number;
  /** The most markup (brackets `[` and `]`, runs of `*` or `_`) in one paragraph. */
  markup: number;
  /** Link and footnote definitions it starts. */
  definitions: number;
  /** A parse may start at this segment without changing any top-level block (see the top of this file). */
  clean: boolean;
}

/** The leading container markers of a line and where its content starts. */
interface LineStart {
  containers: number;
  listItem: boolean;
  content: number;
}

/** An open block whose lines are not markdown flow: fenced code, HTML, front matter. Ends at `closes`. */
interface OpenBlock {
  closes: (text: string, content: number, end: number) => boolean;
}

const SPACE = 32;
const TAB = 9;
const CR = 13;

const isBlankChar = (c: number) => c === SPACE || c === TAB || c === CR;
const isDigit = (c: number) => c >= 48 && c <= 57;

/** Splits `text` into segments (see the top of this file). `atStart`: `text` may begin with front matter. */
export function segmentMarkdown(text: string, atStart = true): Segment[] {
  const segments: Segment[] = [];
  const state: ReadState = {
    open: atStart ? frontMatterAt(text) : undefined,
    blankBefore: false,
    definitionBefore: false,
    html: 'none',
    uncertain: false,
    run: 0,
  };
  let current = newSegment(0, true);
  for (let start = 0; start < text.length;) {
    const end = lineEndAt(text, start);
    const next = readLine(text, start, end, state, current);
    if (next) {
      segments.push(current);
      current = next;
    }
    start = end + 1;
  }
  segments.push(current);
  return segments;
}

/** What the lines read so far leave open for the next one. */
interface ReadState {
  /** Fenced code, multi-line HTML or front matter that the next lines belong to. */
  open: OpenBlock | undefined;
  /** The previous line was blank. */
  blankBefore: boolean;
  /** The previous line was a whole link definition (`[label]: destination`, nothing after it) starting a block at column 0. */
  definitionBefore: boolean;
  /**
   * After a line that opens an HTML block running on until a blank line (where a definition line starts no block):
   * `sure`, or `maybe` for a tag that opens one only where no paragraph continues (which is not always known).
   */
  html: 'none' | 'sure' | 'maybe';
  /** A fence or comment opened, or not, in a `maybe` HTML block: no later line is cut. */
  uncertain: boolean;
  /** Markup in the paragraph so far. */
  run: number;
}

/** Reads one line into `current`; returns the segment it starts, if it is cut before. */
function readLine(text: string, start: number, end: number, state: ReadState, current: Segment): Segment | undefined {
  const blank = isBlankLine(text, start, end);
  if (state.open) {
    if (state.open.closes(text, lineStartAt(text, start, end).content, end)) state.open = undefined;
    if (!blank) current.end = end;
    state.blankBefore = state.definitionBefore = false;
    return undefined;
  }
  if (blank) {
    state.blankBefore = true;
    state.definitionBefore = false;
    state.html = 'none';
    state.run = 0;
    return undefined;
  }
  const line = lineStartAt(text, start, end);
  const definition = definitionAt(text, line.content, end);
  const cut = start > 0 && cutBefore(text, start, line, definition, state);
  const segment = cut ? newSegment(start, definition !== 'none' || !line.listItem) : current;
  measureLine(text, line, end, definition, cut, state, segment);
  followBlocks(text, start, end, line, definition, cut, state);
  return cut ? segment : undefined;
}

/** Adds a line (not blank, outside open blocks) to its segment's measures. */
function measureLine(text: string, line: LineStart, end: number, definition: Definition, cut: boolean, state: ReadState, segment: Segment): void {
  if (definition !== 'none') segment.definitions++;
  segment.containers = Math.max(segment.containers, line.containers);
  if (state.blankBefore || cut || line.content === end || startsBlock(text, line, definition)) state.run = 0;
  state.run += markupIn(text, line.content, end);
  segment.markup = Math.max(segment.markup, state.run);
  segment.end = end;
}

/** What the line opens for the lines after it: fenced code, HTML, or a definition that the next one may follow. */
function followBlocks(text: string, start: number, end: number, line: LineStart, definition: Definition, cut: boolean, state: ReadState): void {
  const afterBreak = state.blankBefore || start === 0;
  if (state.html === 'none') {
    state.open = openBlockAt(text, line.content, end);
    if (!state.open) state.html = htmlBlockAt(text, line.content, end, afterBreak);
  } else if (state.html === 'maybe' && openBlockAt(text, line.content, end)) state.uncertain = true;
  // A definition line after a whole definition starts another one; other text after it continues it as content.
  const definitionStart = afterBreak || state.definitionBefore || cut;
  state.definitionBefore = definitionStart && line.containers === 0 && definition === 'link' && isWholeLinkDefinition(text, start, end);
  state.blankBefore = false;
}

function newSegment(start: number, clean: boolean): Segment {
  return { start, end: start, containers: 0, markup: 0, definitions: 0, clean };
}

function lineEndAt(text: string, start: number): number {
  const nl = text.indexOf('\n', start);
  return nl < 0 ? text.length : nl;
}

function isBlankLine(text: string, from: number, end: number): boolean {
  for (let i = from; i < end; i++) if (!isBlankChar(text.charCodeAt(i))) return false;
  return true;
}

/** Whether a segment starts at this line (not blank, outside open blocks); see the top of this file. */
function cutBefore(text: string, start: number, line: LineStart, definition: Definition, state: ReadState): boolean {
  if (state.uncertain || isBlankChar(text.charCodeAt(start))) return false;
  if (state.blankBefore) return true;
  if (line.containers > 0 || state.html !== 'none') return false;
  return definition === 'footnote' || (definition === 'link' && state.definitionBefore);
}

/** Leading container markers: `>`, and list markers (`-`, `*`, `+`, `1.`, `1)`) followed by a space or tab. */
function lineStartAt(text: string, start: number, end: number): LineStart {
  let i = start;
  let containers = 0;
  let listItem = false;
  for (;;) {
    while (i < end && isBlankChar(text.charCodeAt(i))) i++;
    if (i >= end) break;
    const c = text.charCodeAt(i);
    if (c === 62 /* > */) {
      containers++;
      i++;
      continue;
    }
    const marker = listMarkerLength(text, i, end);
    if (!marker) break;
    containers++;
    listItem = true;
    i += marker;
  }
  return { containers, listItem, content: i };
}

/** Length of a list marker with the space or tab after it at `i`, or 0. */
function listMarkerLength(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  let j = i;
  if (c === 45 /* - */ || c === 42 /* * */ || c === 43 /* + */) j++;
  else {
    while (j < end && j - i < 9 && isDigit(text.charCodeAt(j))) j++;
    if (j === i || j >= end) return 0;
    const d = text.charCodeAt(j);
    if (d !== 46 /* . */ && d !== 41 /* ) */) return 0;
    j++;
  }
  const after = text.charCodeAt(j);
  return j < end && (after === SPACE || after === TAB) ? j + 1 - i : 0;
}

type Definition = 'none' | 'footnote' | 'link';

/** A link definition `[label]:` or footnote definition `[^label]:` starting at `i`. */
function definitionAt(text: string, i: number, end: number): Definition {
  if (text.charCodeAt(i) !== 91 /* [ */) return 'none';
  const footnote = text.charCodeAt(i + 1) === 94; /* ^ */
  const limit = Math.min(end, i + 1001);
  for (let j = i + 1; j < limit; j++) {
    const c = text.charCodeAt(j);
    if (c === 92 /* \ */) j++;
    else if (c === 91) return 'none';
    else if (footnote && isBlankChar(c)) return 'none';
    else if (c === 93 /* ] */) return j > i + (footnote ? 2 : 1) && text.charCodeAt(j + 1) === 58 /* : */ ? (footnote ? 'footnote' : 'link') : 'none';
  }
  return 'none';
}

/** `[label]: destination` and nothing else on the line (a title may continue on the next line: not whole). */
function isWholeLinkDefinition(text: string, start: number, end: number): boolean {
  return /^\[(?:[^\\[\]]|\\.)+\]:[ \t]*\S+[ \t]*\r?$/.test(text.slice(start, end));
}

/** Whether the line starts a new paragraph (so its markup counts apart from the lines before it). */
function startsBlock(text: string, line: LineStart, definition: Definition): boolean {
  const c = text.charCodeAt(line.content);
  return line.listItem || definition !== 'none' || c === 35 /* # */ || fenceAt(text, line.content) !== undefined;
}

/** Brackets and runs of emphasis marks in text[from, end). */
function markupIn(text: string, from: number, end: number): number {
  let n = 0;
  let previous = 0;
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 /* [ */ || c === 93 /* ] */) n++;
    else if ((c === 42 /* * */ || c === 95) /* _ */ && c !== previous) n++;
    previous = c;
  }
  return n;
}

/** A code fence (three or more backticks or tildes) at `i`: its character and length. */
function fenceAt(text: string, i: number): { char: number; length: number } | undefined {
  const c = text.charCodeAt(i);
  if (c !== 96 /* ` */ && c !== 126 /* ~ */) return undefined;
  let j = i;
  while (text.charCodeAt(j) === c) j++;
  return j - i >= 3 ? { char: c, length: j - i } : undefined;
}

/** HTML blocks that may contain blank lines (CommonMark kinds 1–5): how they open, and the text that closes them. */
const HTML_BLOCKS: [RegExp, string][] = [
  [/^<(?:script|pre|style|textarea)(?:[\s>]|$)/i, '</'],
  [/^<!--/, '-->'],
  [/^<\?/, '?>'],
  [/^<!\[CDATA\[/, ']]>'],
  [/^<![A-Za-z]/, '>'],
];

/** Block-level tags (CommonMark kind 6): they start an HTML block even in the middle of a paragraph. */
const BLOCK_TAG =
  /^<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[\s/>]|$)/i;

/**
 * Whether a line opens an HTML block that runs on until a blank line (CommonMark kinds 6 and 7): surely for a
 * block-level tag, or a tag alone after a blank line; maybe for a tag alone after another line (kind 7 does not
 * interrupt a paragraph, but does start a block after a heading or an empty list item).
 */
function htmlBlockAt(text: string, content: number, end: number, afterBreak: boolean): ReadState['html'] {
  if (text.charCodeAt(content) !== 60 /* < */) return 'none';
  const line = text.slice(content, end);
  if (BLOCK_TAG.test(line)) return 'sure';
  if (!/^<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>\s*$/.test(line)) return 'none';
  return afterBreak ? 'sure' : 'maybe';
}

/** The fenced code or multi-line HTML block a line opens, if it does not close on the same line. */
function openBlockAt(text: string, content: number, end: number): OpenBlock | undefined {
  const fence = fenceAt(text, content);
  if (fence) {
    const info = text.slice(content + fence.length, end);
    if (fence.char === 96 && info.includes('`')) return undefined; // inline code, not a fence
    return { closes: (t, at, lineEnd) => closesFence(t, at, lineEnd, fence) };
  }
  if (text.charCodeAt(content) !== 60 /* < */) return undefined;
  const line = text.slice(content, end);
  for (const [opens, close] of HTML_BLOCKS) {
    if (!opens.test(line)) continue;
    if (line.includes(close, 2)) return undefined;
    return { closes: (t, at, lineEnd) => t.slice(at, lineEnd).includes(close) };
  }
  return undefined;
}

function closesFence(text: string, content: number, end: number, fence: { char: number; length: number }): boolean {
  const closing = fenceAt(text, content);
  return closing !== undefined && closing.char === fence.char && closing.length >= fence.length && isBlankLine(text, content + closing.length, end);
}

/**
 * Whether `text` may start with front matter: `---` on its first line and a later `---` line. (Without the later
 * line it has none; parsing it with front matter enabled would then lose its footnotes: after the failed attempt
 * micromark no longer recognises footnote definitions anywhere in the document.)
 */
export function mayStartWithFrontMatter(text: string): boolean {
  return /^---[ \t]*\r?\n/.test(text) && /\n---[ \t]*(?:\r?\n|$)/.test(text);
}

/** Front matter (see `mayStartWithFrontMatter`): no line of it is cut or measured. */
function frontMatterAt(text: string): OpenBlock | undefined {
  if (!mayStartWithFrontMatter(text)) return undefined;
  let first = true;
  return {
    closes: (t, at, end) => {
      if (first) return (first = false);
      return /^---[ \t]*\r?$/.test(t.slice(at, end));
    },
  };
}
