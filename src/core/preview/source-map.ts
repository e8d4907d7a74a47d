// Where each inline text token of a markdown-it parse came from in the source. markdown-it gives block tokens line
// maps but inline tokens no offsets, so each text token is located in the source within its block's lines, in
// order, after what the previous token took: verbatim, or character by character through backslash escapes and
// entities (`&amp;`) and the typographer's quotes, dashes and ellipsis. A token that cannot be located (a
// plugin's rewritten text) gets no span:
// it is rendered as it is, without marks or links. Code spans, code blocks and image descriptions get no span.
import type MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';

/** The source offsets of a text token's content: `at(i)` for each index, `at(content.length)` its end. */
export interface SourceSpan {
  start: number;
  end: number;
  at(index: number): number;
  /** The first content index whose character starts at or after `offset` (content.length when none). */
  indexOf(offset: number): number;
}

const ENTITY = /&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/y;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
/** What markdown-it's typographer writes for what: smart quotes (one for one), dashes and the ellipsis. */
const TYPOGRAPHER: Record<string, string[]> = {
  '“': ['"'],
  '”': ['"'],
  '„': ['"'],
  '«': ['"'],
  '»': ['"'],
  '‘': ["'"],
  '’': ["'"],
  '‚': ["'"],
  '‹': ["'"],
  '›': ["'"],
  '–': ['--'],
  '—': ['---'],
  '…': ['...'],
};
/** How far past the cursor a token's text is sought (markup between two text tokens is short). */
const MAX_GAP = 4096;

function verbatim(start: number, length: number): SourceSpan {
  return {
    start,
    end: start + length,
    at: (i) => start + i,
    indexOf: (offset) => Math.max(0, Math.min(length, offset - start)),
  };
}

function mapped(offsets: Int32Array): SourceSpan {
  const n = offsets.length - 1;
  return {
    start: offsets[0],
    end: offsets[n],
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
    if (c === 0x5c && src[q + 1] === content[i] && ASCII_PUNCTUATION.test(content[i])) {
      offsets[i++] = q;
      q += 2;
    } else if (entity) {
      if (!content.startsWith(entity.decoded, i)) return undefined;
      for (let k = 0; k < entity.decoded.length; k++) offsets[i++] = q;
      q += entity.length;
    } else if (c === content.charCodeAt(i)) {
      offsets[i++] = q++;
    } else if (TYPOGRAPHER[content[i]]?.some((written) => src.startsWith(written, q))) {
      offsets[i] = q;
      q += TYPOGRAPHER[content[i++]].find((written) => src.startsWith(written, q))!.length;
    } else return undefined;
  }
  offsets[i] = q;
  return mapped(offsets);
}

/** The span of `content` at the first place from `cursor` where it fits. */
function locate(md: MarkdownIt, src: string, content: string, cursor: number, limit: number): SourceSpan | undefined {
  if (!content) return undefined;
  const end = Math.min(limit, cursor + MAX_GAP + content.length);
  const first = content.charCodeAt(0);
  for (let p = cursor; p < end; p++) {
    const c = src.charCodeAt(p);
    if (c !== first && c !== 0x5c && c !== 0x26 && !TYPOGRAPHER[content[0]]) continue;
    if (src.startsWith(content, p)) return p + content.length <= limit ? verbatim(p, content.length) : undefined;
    const span = alignAt(md, src, content, p, limit);
    if (span) return span;
  }
  return undefined;
}

/** Past the `](destination "title")` or `][label]` after a link's text, when the source has one at `cursor`. */
function skipLinkTail(src: string, cursor: number, limit: number): number {
  if (src[cursor] !== ']') return src[cursor] === '>' ? cursor + 1 : cursor;
  const open = src[cursor + 1];
  if (open === '[') {
    const close = src.indexOf(']', cursor + 2);
    return close >= 0 && close < limit ? close + 1 : cursor + 1;
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
  for (const block of tokens) {
    if (block.type !== 'inline' || !block.map || !block.children) continue;
    let cursor = offsetOfLine(block.map[0]);
    const limit = offsetOfLine(block.map[1]);
    for (const child of block.children) {
      if (child.type === 'text') {
        const span = locate(md, src, child.content, cursor, limit);
        if (span) {
          spans.set(child, span);
          cursor = span.end;
        }
      } else if (child.type === 'code_inline' || child.type === 'html_inline') {
        const at = child.content ? src.indexOf(child.content, cursor) : -1;
        if (at >= 0 && at < limit) cursor = at + child.content.length;
      } else if (child.type === 'link_close') {
        cursor = skipLinkTail(src, cursor, limit);
      } else if (child.type === 'image') {
        const at = src.indexOf('![', cursor);
        if (at >= 0 && at < limit) {
          const close = src.indexOf(']', at + 2 + child.content.length);
          if (close >= 0 && close < limit) cursor = skipLinkTail(src, close, limit);
        }
      }
    }
  }
  return spans;
}
