// The markdown parser: remark-parse with front matter and GFM footnotes. Only the footnote part of GFM is used
// (footnote definitions are what the scanner needs); the full remark-gfm costs about twice the parse time on a
// large note, mostly for autolink literals and tables, and bare URLs are recognised by the scanner itself.
import type { Root, RootContent } from 'mdast';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { planParse, type ScanLimit } from './budget';

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

/**
 * A top-level block of a text: a node of the tree of the piece of text it was parsed in (`parsedText`, which
 * starts at `base` in the text), or a stretch too complex to parse, to be scanned as plain text.
 */
export type TopLevelBlock =
  { kind: 'node'; node: BlockNode; parsedText: string; base: number } | { kind: 'plain'; start: number; end: number; limit: ScanLimit };

/** The top-level blocks of `text`, parsed within the parser's budgets (budget.ts). Offsets are into `text`. */
export function parseTopLevel(text: string, atStart = true): TopLevelBlock[] {
  const out: TopLevelBlock[] = [];
  for (const piece of planParse(text, atStart)) {
    if (piece.kind === 'plain') {
      out.push(piece);
      continue;
    }
    const whole = piece.start === 0 && piece.end === text.length;
    const parsedText = whole ? text : text.slice(piece.start, piece.end);
    const tree = parseMarkdownTree(parsedText, piece.frontMatter);
    for (const node of tree.children) out.push({ kind: 'node', node, parsedText, base: piece.start });
  }
  return out;
}

/** Start and end offsets of a top-level block in the text it was taken from. */
export function blockSpan(block: TopLevelBlock): [number, number] {
  if (block.kind === 'plain') return [block.start, block.end];
  const [s, e] = span(block.node);
  return [s + block.base, e + block.base];
}

/** The type of a top-level block: its node type, or `plain` for one scanned as plain text. */
export const blockType = (block: TopLevelBlock): string => (block.kind === 'plain' ? 'plain' : block.node.type);

/** Start and end offsets of a node (UTF-16, into the parsed text). */
export function span(node: { position?: { start: { offset?: number }; end: { offset?: number } } }): [number, number] {
  return [node.position?.start.offset ?? 0, node.position?.end.offset ?? 0];
}
