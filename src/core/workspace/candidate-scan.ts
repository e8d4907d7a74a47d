// A markdown document's citations, scanned in its candidate blocks only. The document is cut where the markdown
// layer itself knows a piece parses alone as it does in place (shape.ts: after a blank line, at a definition, never
// inside front matter, fenced code or HTML); a loose list's items stay together. Only the pieces holding an anchor
// (prefilter.ts), the front matter (the document's own id) and the pieces with link or footnote definitions (a
// name-only motion takes its id from a footnote) are joined and parsed; the references are moved back to their
// offsets in the file. Whatever could make the pieces depend on each other falls back to the full scan: a piece
// over the parser's budgets, more definitions than one parse takes, and `stuk nr.` / `(EK, A)`, which take the
// dossier under discussion from any block before them.
import type { ScanContext } from '../citations/match';
import { emptyOutput, scanSegment } from '../citations/scanner';
import type { CitationRef } from '../citations/types';
import { scanBlock, scanTopLevel, shiftBlock, type BlockResult } from '../markdown/blocks';
import { MAX_CONTAINERS_PER_LINE, MAX_DEFINITIONS_PER_PARSE, MAX_MARKUP_PER_PARAGRAPH, type ScanLimit } from '../markdown/budget';
import { analyseMarkdown, assemble } from '../markdown/document';
import { parseTopLevel, span, type BlockNode } from '../markdown/parse';
import { mayStartWithFrontMatter, segmentMarkdown, type Segment } from '../markdown/shape';
import { anchorsIn } from './prefilter';
import { joinLists, listKindAt, simpleBlock, type SimpleShape } from './simple-blocks';

export interface CandidateScan {
  /** Every reference, in document order, with offsets into the text: as `analyseMarkdown(text).refs`. */
  refs: CitationRef[];
  /** Blocks scanned as plain text (too complex to parse), as `analyseMarkdown(text).limits`. */
  limits: ScanLimit[];
  /** How the text was scanned, for tests and the bench. */
  mode: 'none' | 'candidates' | 'full';
  /** Characters given to the markdown parser. */
  parsedChars: number;
}

/** A stretch of the text that parses alone as in place: one or more of shape.ts's segments. */
interface Unit {
  start: number;
  end: number;
  definitions: number;
  candidate: boolean;
  /** Its one block, when its form is known without the parser (simple-blocks.ts); read when `shaped`. */
  simple?: SimpleShape;
  /** Whether `simple` was worked out (only for units that are scanned, or that a list after them may continue). */
  shaped: boolean;
}

/** Citations of a markdown text, equal to a full scan's, parsing only the blocks that can hold one. */
export function scanCandidates(text: string): CandidateScan {
  const anchors = anchorsIn(text);
  if (!anchors.length) return { refs: [], limits: [], mode: 'none', parsedChars: 0 };
  const units = unitsOf(text);
  if (!units) return full(text);
  markCandidates(units, anchors);
  const frontMatter = mayStartWithFrontMatter(text);
  const picked = units.filter((u, i) => u.candidate || u.definitions > 0 || (i === 0 && frontMatter));
  const toParse = picked.filter((u) => !shapeOf(text, u));
  const parseChars = toParse.reduce((n, u) => n + u.end - u.start, 0);
  if (parseChars > 0.8 * text.length) return full(text);
  const ctx: ScanContext = {};
  const blocks: BlockResult[] = [];
  // The front matter first: its id is the context of every other block (as in scanBlocks).
  const head = picked[0] === units[0] && units[0].simple?.kind === 'block' ? units[0] : undefined;
  if (head?.simple?.kind === 'block') {
    const b = scanFrontMatter(text, head.simple.node, ctx);
    if (b.frontMatter?.selfId) ctx.selfId = b.frontMatter.selfId;
    blocks.push(b);
  }
  const parsedBlocks = parseUnits(text, toParse, toParse[0] === units[0], ctx);
  if (!parsedBlocks) return full(text);
  blocks.push(...parsedBlocks);
  let parsed = 0;
  for (const u of picked) {
    if (!u.simple) parsed += u.end - u.start;
    else if (u.simple.kind === 'block' && u !== head) blocks.push(scanSimple(text, u.simple.node, ctx));
  }
  if (blocks.some((b) => b.stukken)) return full(text);
  blocks.sort((a, b) => a.start - b.start);
  return { refs: assemble(blocks).refs, limits: [], mode: 'candidates', parsedChars: parsed };
}

/**
 * Between two joined units: a thematic break between blank lines ends any block before it (so a list cannot run on
 * into the list of a later unit once the unit between them is left out) and continues none.
 */
const SEPARATOR = '\n\n***\n\n';

/**
 * Parses the units joined (a thematic break between them) and scans their blocks, moved back to their offsets in
 * the text; undefined when a block comes out over a budget. Sets `ctx.selfId` from the front matter, as scanBlocks does.
 */
function parseUnits(text: string, units: Unit[], atStart: boolean, ctx: ScanContext): BlockResult[] | undefined {
  if (!units.length) return [];
  const pieces: string[] = [];
  const moves: Array<{ at: number; delta: number }> = [];
  let length = 0;
  for (const u of units) {
    if (pieces.length) {
      pieces.push(SEPARATOR);
      length += SEPARATOR.length;
    }
    moves.push({ at: length, delta: u.start - length });
    pieces.push(text.slice(u.start, u.end));
    length += u.end - u.start;
  }
  // A final line break: a unit may end in a carriage return that only a line feed after it makes a line ending.
  const joined = pieces.join('') + '\n';
  const blocks: BlockResult[] = [];
  for (const block of parseTopLevel(joined, atStart)) {
    const b = scanTopLevel(joined, block, 0, ctx);
    if (b.frontMatter?.selfId) ctx.selfId = b.frontMatter.selfId;
    if (b.limit) return undefined;
    blocks.push(shiftBlock(b, deltaAt(moves, b.start)));
  }
  return blocks;
}

/** How far the unit holding joined offset `at` moves back into the text. */
function deltaAt(moves: Array<{ at: number; delta: number }>, at: number): number {
  let lo = 0;
  let hi = moves.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (moves[mid].at <= at) lo = mid;
    else hi = mid - 1;
  }
  return moves[lo].delta;
}

/**
 * The scan of a simple block: scanBlock's, with a shortcut for a block without links that defines no footnote
 * (the prose is the whole block, and nothing is merged or resolved in it). What the shortcut leaves out, the
 * heading's dossier subject, matters only to `stuk nr.`, for which the caller scans the text whole.
 */
function scanSimple(text: string, node: BlockNode, ctx: ScanContext): BlockResult {
  const n = node as BlockNode & { children?: unknown[] };
  if (n.type === 'yaml' || n.type === 'footnoteDefinition' || n.children?.length) return scanBlock(text, text, node, 0, ctx);
  const [start, end] = span(node);
  const out = emptyOutput();
  scanSegment(text, start, end, ctx, out);
  const block: BlockResult = { start, end, type: node.type, refs: out.refs, problems: out.problems, pending: out.pending, footnotes: [], code: [] };
  if (out.refs.some((r) => r.parts.stuk)) block.stukken = true;
  return block;
}

/**
 * The first block of a document, front matter when it is a yaml node. Its YAML is read only when it can declare
 * the document's id (`kamerstuk:`; a backslash could spell the key with an escape): the id is all a scan takes
 * from it, and most notes' front matter is a title and tags.
 */
function scanFrontMatter(text: string, node: BlockNode, ctx: ScanContext): BlockResult {
  const value = node.type === 'yaml' ? node.value : undefined;
  if (value === undefined || value.includes('kamerstuk') || value.includes('\\')) return scanBlock(text, text, node, 0, ctx);
  const [start, end] = span(node);
  return { start, end, type: 'yaml', refs: [], problems: [], pending: [], footnotes: [], code: [{ start, end }] };
}

function full(text: string): CandidateScan {
  const scan = analyseMarkdown(text);
  return { refs: scan.refs, limits: scan.limits, mode: 'full', parsedChars: text.length };
}

/**
 * Lines on which shape.ts's reading of open blocks may differ from the parser's, so its cuts cannot be trusted:
 * a fence or HTML block opened (or closed) after indentation, a block quote or a list marker (the parser closes
 * it with its container, or reads four spaces as indented code), and `<script>`, `<pre>`, `<style>` or
 * `<textarea>` (which only their own closing tag ends, where shape.ts takes any `</`).
 */
const UNSURE_SHAPE = /^(?:(?:[ \t]|>|[-*+][ \t]|\d{1,9}[.)][ \t])+(?:`{3}|~{3}|<)|<(?:script|pre|style|textarea)(?:[\s>]|$))/im;

/**
 * The text's pieces, or undefined when shape.ts's cuts are not sure (UNSURE_SHAPE), a piece is over a parser
 * budget, or the definitions need several parses.
 */
function unitsOf(text: string): Unit[] | undefined {
  if (UNSURE_SHAPE.test(text)) return undefined;
  const units: Unit[] = [];
  let definitions = 0;
  for (const s of segmentMarkdown(text, true)) {
    if (s.containers > MAX_CONTAINERS_PER_LINE || s.markup > MAX_MARKUP_PER_PARAGRAPH) return undefined;
    definitions += s.definitions;
    const last = units[units.length - 1];
    if (!last || s.clean) {
      units.push({ start: s.start, end: s.end, definitions: s.definitions, candidate: false, shaped: false });
      continue;
    }
    // An unclean cut (a list item after a blank line) may continue a list before it: one block, so one unit.
    const simple = simpleBlock(text, s.start, s.end);
    const lastShape = shapeOf(text, last);
    if (continuesList(text, last, lastShape, s, simple)) {
      last.simple = lastShape && simple ? joinLists(lastShape, simple) : undefined;
      last.end = Math.max(last.end, s.end);
      last.definitions += s.definitions;
    } else units.push({ start: s.start, end: s.end, definitions: s.definitions, candidate: false, shaped: true, simple });
  }
  return definitions > MAX_DEFINITIONS_PER_PARSE ? undefined : units;
}

/** A unit's simple form, worked out on first use. */
function shapeOf(text: string, u: Unit): SimpleShape | undefined {
  if (!u.shaped) {
    u.simple = simpleBlock(text, u.start, u.end);
    u.shaped = true;
  }
  return u.simple;
}

/**
 * Whether a list piece after a blank line may belong to the list that ends the unit before it: not when that unit
 * is one simple block other than a list, or a simple list with another marker kind (which starts a new list).
 */
function continuesList(text: string, last: Unit, lastShape: SimpleShape | undefined, s: Segment, simple: SimpleShape | undefined): boolean {
  if (!lastShape) return true;
  if (lastShape.kind === 'code' || lastShape.node.type !== 'list') return false;
  const kind = listKindAt(text, s.start, s.end);
  return kind === undefined || kind === listKindAt(text, last.start, last.end) || simple === undefined;
}

/** Marks the units that hold an anchor (both lists in text order). */
function markCandidates(units: Unit[], anchors: number[]): void {
  let k = 0;
  for (const p of anchors) {
    while (k < units.length && units[k].end <= p) k++;
    if (k === units.length) break;
    if (units[k].start <= p) units[k].candidate = true;
  }
}
