// The markdown parser: remark-parse with front matter and GFM footnotes. Only the footnote part of GFM is used
// (footnote definitions are what the scanner needs); the full remark-gfm costs about twice the parse time on a
// large note, mostly for autolink literals and tables, and bare URLs are recognised by the scanner itself.
import type { Root, RootContent } from 'mdast';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';

function footnotes(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmFootnote());
  (data.fromMarkdownExtensions ??= []).push(gfmFootnoteFromMarkdown());
}

let withFrontMatter: Processor<Root> | undefined;
let withoutFrontMatter: Processor<Root> | undefined;

/**
 * Parses markdown into an mdast tree. `atStart` is false when parsing a region in the middle of a document (the
 * incremental index), where a `---` line must not be taken for front matter.
 */
export function parseMarkdownTree(text: string, atStart = true): Root {
  if (atStart) {
    withFrontMatter ??= unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(footnotes) as unknown as Processor<Root>;
    return withFrontMatter.parse(text) as Root;
  }
  withoutFrontMatter ??= unified().use(remarkParse).use(footnotes) as unknown as Processor<Root>;
  return withoutFrontMatter.parse(text) as Root;
}

export type BlockNode = RootContent;

/** Start and end offsets of a node (UTF-16, into the parsed text). */
export function span(node: { position?: { start: { offset?: number }; end: { offset?: number } } }): [number, number] {
  return [node.position?.start.offset ?? 0, node.position?.end.offset ?? 0];
}
