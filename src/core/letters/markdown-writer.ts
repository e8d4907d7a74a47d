// mdast -> markdown text for imported letters: mdast-util-to-markdown with GFM footnotes and tables, bullets `-`,
// footnote definitions one per line (as the sample letter writes them), and a faster path for plain text.
import type { Root, Text } from 'mdast';
import { gfmFootnoteToMarkdown } from 'mdast-util-gfm-footnote';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { toMarkdown, type Handle, type Join, type Options } from 'mdast-util-to-markdown';

/** Footnote definitions one per line, as the sample letter writes them. */
const footnotesTogether: Join = (left, right) => (left.type === 'footnoteDefinition' && right.type === 'footnoteDefinition' ? 0 : undefined);

/**
 * Text with no character markdown could read as syntax is written as it is; anything else goes through
 * mdast-util-to-markdown's own escaping (`state.safe`). Spaces and `#`, `>`, `+`, `-`, `=`, digits matter only at the
 * start or end of a line. The same output, much faster on a large letter: `safe` runs every unsafe pattern over
 * every text node.
 */
const SPECIAL = /[\\`*_[\]<>&!|~\n\r\t]/;
const text: Handle = (node: Text, _parent, state, info) => {
  const v = node.value;
  const lineStart = info.before === '' || /[\r\n]$/.test(info.before);
  const lineEnd = info.after === '' || /^[\r\n]/.test(info.after);
  const plain = !SPECIAL.test(v) && !(lineStart && /^[#>+\-=\d ]/.test(v)) && !(lineEnd && / $/.test(v));
  return plain ? v : state.safe(v, info);
};

const OPTIONS: Options = {
  bullet: '-',
  emphasis: '*',
  strong: '*',
  listItemIndent: 'one',
  extensions: [gfmFootnoteToMarkdown(), gfmTableToMarkdown()],
  join: [footnotesTogether],
  handlers: { text },
};

/** The markdown of `tree`; `escapeEveryText` sends every text node through `state.safe` (the reference for tests). */
export function writeMarkdown(tree: Root, options: { escapeEveryText?: boolean } = {}): string {
  return toMarkdown(tree, options.escapeEveryText ? { ...OPTIONS, handlers: {} } : OPTIONS);
}
