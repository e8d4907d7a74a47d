// Where each inline text token of a markdown-it parse came from in the source. markdown-it gives block tokens line
// maps but inline tokens no offsets, so each text token is located in the source within its block's lines, in
// order, after what the previous token took: verbatim, or character by character through backslash escapes and
// entities (`&amp;`) and the typographer's replacements (quotes, dashes, the ellipsis, `(c)`, `+-`, runs of `?!,`).
// Table cells have no line map of their own: they are located within their row's lines, the cursor carried from one
// cell to the next. A token that cannot be located (a plugin's rewritten text) gets no span: it is rendered as it is,
// without marks or links. Code spans, code blocks and image descriptions get no span. Every search stays within its
// block's lines, so a document's paragraphs are mapped in linear time.
import type MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';

/** The source offsets of a text token's content: `at(i)` for each index, `at(content.length)` its end. */
export interface SourceSpan {
  start: number;
  end: number;
  /** The token's content when it was located: a plugin that rewrites it later makes the span invalid. */
  content: string;
  at(index: number): number;
  /** The first content index whose character starts at or after `offset` (content.length when none). */
  indexOf(offset: number): number;
}

const ENTITY = /&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/y;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
/** What markdown-it's typographer writes one for one: smart quotes for straight ones, dashes, symbols. */
const TYPOGRAPHER: Record<string, RegExp> = {
  '“': /"/y,
  '”': /"/y,
  '„': /"/y,
  '«': /"/y,
  '»': /"/y,
  '‘': /'/y,
  '’': /'/y,
  '‚': /'/y,
  '‹': /'/y,
  '›': /'/y,
  '–': /--/y,
  '—': /---/y,
  // `..`, `...`, `.......` all become one ellipsis.
  '…': /\.{2,}/y,
  '©': /\(c\)/iy,
  '®': /\(r\)/iy,
  '™': /\(tm\)/iy,
  '±': /\+-/y,
};

/** The length of the source at `q` that the typographer wrote as `written` there, if it did. */
function writtenAt(re: RegExp, src: string, q: number): number {
  re.lastIndex = q;
  const m = re.exec(src);
  return m ? m[0].length : 0;
}

function runLength(src: string, q: number, chars: RegExp): number {
  let n = 0;
  while (q + n < src.length && chars.test(src[q + n])) n++;
  return n;
}

/**
 * The typographer's shortened runs: `?....` is written `?..`, `!!!!` (or any run of four or more `?!`) as three of
 * its last character, `,,` as `,`. How many content characters at `i` and source characters at `q` they take.
 */
function shortenedRun(content: string, i: number, src: string, q: number): { take: number; length: number } | undefined {
  const c = content[i];
  if (c === '.' && (content[i - 1] === '?' || content[i - 1] === '!') && content[i + 1] === '.' && content[i + 2] !== '.') {
    const n = runLength(src, q, /\./);
    return n > 2 ? { take: 2, length: n } : undefined;
  }
  if ((c === '?' || c === '!') && content[i + 1] === c && content[i + 2] === c && content[i + 3] !== '?' && content[i + 3] !== '!') {
    const n = runLength(src, q, /[?!]/);
    return n > 3 && src[q + n - 1] === c ? { take: 3, length: n } : undefined;
  }
  if (c === ',' && content[i + 1] !== ',') {
    const n = runLength(src, q, /,/);
    return n > 1 ? { take: 1, length: n } : undefined;
  }
  return undefined;
}
/** How far past the cursor a token's text is sought (markup between two text tokens is short). */
const MAX_GAP = 4096;

function verbatim(start: number, content: string): SourceSpan {
  const length = content.length;
  return {
    start,
    end: start + length,
    content,
    at: (i) => start + Math.max(0, Math.min(length, i)),
    indexOf: (offset) => Math.max(0, Math.min(length, offset - start)),
  };
}

function mapped(offsets: Int32Array, content: string): SourceSpan {
  const n = offsets.length - 1;
  return {
    start: offsets[0],
    end: offsets[n],
    content,
    at: (i) => offsets[Math.max(0, Math.min(n, i))],
    indexOf(offset) {
      let lo = 0;
      let hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (offsets[mid] < offset) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    },
  };
}

/** The entity reference at `q` and what it stands for (markdown always decodes one), if there is one. */
function entityAt(md: MarkdownIt, src: string, q: number): { decoded: string; length: number } | undefined {
  ENTITY.lastIndex = q;
  const m = ENTITY.exec(src);
  if (!m) return undefined;
  const decoded = md.utils.unescapeAll(m[0]);
  return decoded === m[0] ? undefined : { decoded, length: m[0].length };
}

/** Aligns `content` with the source from `from`, through escapes and entities; undefined when it does not fit. */
function alignAt(md: MarkdownIt, src: string, content: string, from: number, limit: number): SourceSpan | undefined {
  const offsets = new Int32Array(content.length + 1);
  let q = from;
  let i = 0;
  while (i < content.length) {
    if (q >= limit) return undefined;
    const c = src.charCodeAt(q);
    const entity = c === 0x26 ? entityAt(md, src, q) : undefined;
    const run = shortenedRun(content, i, src, q);
    const typographer = TYPOGRAPHER[content[i]];
    if (run) {
      for (let k = 0; k < run.take; k++) offsets[i++] = q + k;
      q += run.length;
    } else if (c === 0x5c && src[q + 1] === content[i] && ASCII_PUNCTUATION.test(content[i])) {
      offsets[i++] = q;
      q += 2;
    } else if (entity) {
      if (!content.startsWith(entity.decoded, i)) return undefined;
      for (let k = 0; k < entity.decoded.length; k++) offsets[i++] = q;
      q += entity.length;
    } else if (c === content.charCodeAt(i)) {
      offsets[i++] = q++;
    } else {
      const written = typographer ? writtenAt(typographer, src, q) : 0;
      if (!written) return undefined;
      offsets[i++] = q;
      q += written;
    }
  }
  if (q > limit) return undefined;
  offsets[i] = q;
  return mapped(offsets, content);
}

/** The span of `content` at the first place from `cursor` where it fits. */
function locate(md: MarkdownIt, src: string, content: string, cursor: number, limit: number): SourceSpan | undefined {
  if (!content) return undefined;
  const end = Math.min(limit, cursor + MAX_GAP + content.length);
  const first = content.charCodeAt(0);
  const anyFirst = Boolean(TYPOGRAPHER[content[0]]);
  for (let p = cursor; p < end; p++) {
    const c = src.charCodeAt(p);
    if (c !== first && c !== 0x5c && c !== 0x26 && !anyFirst) continue;
    if (src.startsWith(content, p)) return p + content.length <= limit ? verbatim(p, content) : undefined;
    const span = alignAt(md, src, content, p, limit);
    if (span) return span;
  }
  return undefined;
}

/** Finds a string within one block's lines: the offset in the source, or -1. Never looks past the block. */
type Find = (needle: string, from: number) => number;

function finderWithin(src: string, start: number, limit: number): Find {
  const text = src.slice(start, limit);
  return (needle, from) => {
    if (!needle || from >= limit) return -1;
    const at = text.indexOf(needle, Math.max(0, from - start));
    return at < 0 ? -1 : start + at;
  };
}

/** Past a code span at or after `cursor`: its opening backtick run and the next run of the same length. */
function skipCodeSpan(src: string, token: Token, cursor: number, limit: number): number {
  const fence = token.markup.length || 1;
  let open = -1;
  for (let p = cursor; p < limit;) {
    if (src[p] !== '`') {
      p++;
      continue;
    }
    let n = 1;
    while (src[p + n] === '`') n++;
    if (n === fence) {
      if (open < 0) open = p;
      else return p + n;
    }
    p += n;
  }
  return cursor;
}

/** Past the `](destination "title")` or `][label]` after a link's text, when the source has one at `cursor`. */
function skipLinkTail(src: string, find: Find, cursor: number, limit: number): number {
  if (src[cursor] !== ']') return src[cursor] === '>' ? cursor + 1 : cursor;
  const open = src[cursor + 1];
  if (open === '[') {
    const close = find(']', cursor + 2);
    return close >= 0 ? close + 1 : cursor + 1;
  }
  if (open !== '(') return cursor + 1;
  let depth = 0;
  for (let p = cursor + 1; p < limit; p++) {
    const c = src[p];
    if (c === '\\') p++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return p + 1;
  }
  return cursor + 1;
}

function lineStarts(src: string): number[] {
  const starts = [0];
  for (let i = src.indexOf('\n'); i >= 0; i = src.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Source spans of the text tokens of one parse; the same token objects are rendered (and cached by VS Code). */
export function mapTextTokens(md: MarkdownIt, src: string, tokens: readonly Token[]): WeakMap<Token, SourceSpan> {
  const spans = new WeakMap<Token, SourceSpan>();
  const starts = lineStarts(src);
  const offsetOfLine = (line: number) => (line < starts.length ? starts[line] : src.length);
  // A table row's lines, and how far its cells were located: a cell's inline token has no map of its own.
  let row: { cursor: number; limit: number } | undefined;
  for (const block of tokens) {
    if (block.type === 'tr_open' && block.map) {
      row = { cursor: offsetOfLine(block.map[0]), limit: offsetOfLine(block.map[1]) };
      continue;
    }
    if (block.type === 'tr_close') row = undefined;
    if (block.type !== 'inline' || !block.children) continue;
    if (!block.map && !row) continue;
    let cursor = block.map ? offsetOfLine(block.map[0]) : row!.cursor;
    const limit = block.map ? offsetOfLine(block.map[1]) : row!.limit;
    const find = finderWithin(src, cursor, limit);
    for (const child of block.children) {
      if (child.type === 'text') {
        const span = locate(md, src, child.content, cursor, limit);
        if (span) {
          spans.set(child, span);
          cursor = span.end;
        }
      } else if (child.type === 'code_inline') {
        cursor = skipCodeSpan(src, child, cursor, limit);
      } else if (child.type === 'html_inline') {
        const at = find(child.content, cursor);
        if (at >= 0) cursor = at + child.content.length;
      } else if (child.type === 'link_close') {
        cursor = skipLinkTail(src, find, cursor, limit);
      } else if (child.type === 'image') {
        const at = find('![', cursor);
        if (at >= 0) {
          const close = find(']', at + 2 + child.content.length);
          if (close >= 0) cursor = skipLinkTail(src, find, close, limit);
        }
      }
    }
    if (!block.map && row) row.cursor = cursor;
  }
  return spans;
}
