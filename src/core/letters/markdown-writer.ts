// mdast -> markdown text for imported letters: mdast-util-to-markdown with GFM footnotes and tables, bullets `-`,
// footnote definitions one per line (as the sample letter writes them), and a faster path for plain text.
import type { Root, Text } from 'mdast';
import { gfmFootnoteToMarkdown } from 'mdast-util-gfm-footnote';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { defaultHandlers, toMarkdown, type Handle, type Join, type Options, type State } from 'mdast-util-to-markdown';

/** Footnote definitions one per line, as the sample letter writes them. */
const footnotesTogether: Join = (left, right) => (left.type === 'footnoteDefinition' && right.type === 'footnoteDefinition' ? 0 : undefined);

/**
 * Text with no character markdown could read as syntax is written as it is; anything else goes through
 * mdast-util-to-markdown's own escaping (`state.safe`), which runs every unsafe pattern over every text node. The
 * rules follow its unsafe patterns (with GFM's): characters unsafe anywhere; those unsafe at a line break (`#`,
 * `>`, `-`, `|`, `:`, digits before `.` or `)`, …, and spaces); a space or `#` before a line ending; `(` after `]`.
 * The property test in test/unit/letters holds the output to what `state.safe` on every text writes.
 */
const ANYWHERE = /[\\`*_[\]<>&!|~\n\r\t]/;
const AT_LINE_START = /^[ \t#*+\-.)<=>[_`~|:\d]/;
const AT_LINE_END = /[ #]$/;
const AFTER_LINE_BREAK = /[\r\n][\t ]*\d*$/;

const text: Handle = (node: Text, _parent, state, info) => {
  const v = node.value;
  const lineStart = info.before === '' || AFTER_LINE_BREAK.test(info.before);
  const lineEnd = info.after === '' || info.after[0] === '\n' || info.after[0] === '\r';
  const plain = !ANYWHERE.test(v) && !(lineStart && AT_LINE_START.test(v)) && !(lineEnd && AT_LINE_END.test(v)) && !(v[0] === '(' && info.before.endsWith(']'));
  return plain ? v : state.safe(v, info);
};

/**
 * What the text will start with, asked of the next sibling while its previous one is written (mdast-util-to-markdown
 * otherwise writes the whole text, escaping and all, to read its first character). No unsafe pattern has a letter
 * or digit as its character, nor a space unless a line ending follows: such a first character is written as it is.
 */
const UNESCAPED_FIRST = /^(?:[^\x00-\x20!-/:-@[-`{-~\x7f]| (?![\r\n]))/;
const peekText: Handle = (node: Text, parent, state, info) => (UNESCAPED_FIRST.test(node.value) ? node.value : text(node, parent, state, info));
/** The text handler with its peek (mdast-util-to-markdown reads `peek` off the handler). */
const textHandler = Object.assign(text, { peek: peekText });

/**
 * Link destinations and footnote labels (`https://zoek.officielebekendmakingen.nl/kst-….html`, `b1-2`) are escaped
 * by `state.safe` too. A value of letters, digits and `:/.,-` that starts with a letter (or of letters, digits and
 * `-`) has no character an unsafe pattern can match: those are unsafe only right after a line break, and a backslash
 * after the value would add one. Such values are returned as they are; the rest goes to mdast-util-to-markdown.
 */
const SAFE_AS_IS = /^(?:[A-Za-z][A-Za-z0-9:/.,-]*|[A-Za-z0-9][A-Za-z0-9-]*)$/;
const root: Handle = (node, parent, state, info) => {
  const escape = state.safe;
  const safe: State['safe'] = (value, config) => (value && SAFE_AS_IS.test(value) && !config.after?.includes('\\') ? value : escape.call(state, value, config));
  state.safe = safe;
  return defaultHandlers.root(node, parent, state, info);
};

const OPTIONS: Options = {
  bullet: '-',
  emphasis: '*',
  strong: '*',
  listItemIndent: 'one',
  extensions: [gfmFootnoteToMarkdown(), gfmTableToMarkdown()],
  join: [footnotesTogether],
  handlers: { root, text: textHandler },
};

/** The markdown of `tree`; `escapeEveryText` sends every text node through `state.safe` (the reference for tests). */
export function writeMarkdown(tree: Root, options: { escapeEveryText?: boolean } = {}): string {
  return toMarkdown(tree, options.escapeEveryText ? { ...OPTIONS, handlers: {} } : OPTIONS);
}
