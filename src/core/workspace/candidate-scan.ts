// A markdown document's citations, scanned in its candidate blocks only. The document is cut where the markdown
// layer itself knows a piece parses alone as it does in place (shape.ts: after a blank line, at a definition, never
// inside front matter, fenced code or HTML); a loose list's items stay together. Only the pieces holding an anchor
// (prefilter.ts), the front matter (the document's own id) and the pieces with link or footnote definitions (a
// name-only motion takes its id from a footnote) are joined and parsed; the references are moved back to their
// offsets in the file. Whatever could make the pieces depend on each other falls back to the full scan: a piece
// over the parser's budgets, more definitions than one parse takes, and `stuk nr.` / `(EK, A)`, which take the
// dossier under discussion from any block before them.
import type { ScanContext } from '../citations/match';
import type { CitationRef } from '../citations/types';
import { scanTopLevel, type BlockResult } from '../markdown/blocks';
import { MAX_CONTAINERS_PER_LINE, MAX_DEFINITIONS_PER_PARSE, MAX_MARKUP_PER_PARAGRAPH, type ScanLimit } from '../markdown/budget';
import { analyseMarkdown, assemble } from '../markdown/document';
import { parseTopLevel } from '../markdown/parse';
import { mayStartWithFrontMatter, segmentMarkdown } from '../markdown/shape';
import { anchorsIn } from './prefilter';

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
  const pickedChars = picked.reduce((n, u) => n + u.end - u.start, 0);
  if (pickedChars > 0.8 * text.length) return full(text);
  const atStart = picked[0] === units[0];
  const pieces: string[] = [];
  const moves: Array<{ at: number; delta: number }> = [];
  let length = 0;
  for (const u of picked) {
    if (pieces.length) {
      pieces.push('\n\n');
      length += 2;
    }
    moves.push({ at: length, delta: u.start - length });
    pieces.push(text.slice(u.start, u.end));
    length += u.end - u.start;
  }
  const joined = pieces.join('');
  const blocks: BlockResult[] = [];
  const ctx: ScanContext = {};
  for (const block of parseTopLevel(joined, atStart)) {
    const b = scanTopLevel(joined, block, 0, ctx);
    if (b.frontMatter?.selfId) ctx.selfId = b.frontMatter.selfId;
    if (b.stukken || b.limit) return full(text);
    blocks.push(b);
  }
  const scan = assemble(blocks);
  return { refs: scan.refs.map((r) => moved(r, moves)), limits: [], mode: 'candidates', parsedChars: joined.length };
}

function full(text: string): CandidateScan {
  const scan = analyseMarkdown(text);
  return { refs: scan.refs, limits: scan.limits, mode: 'full', parsedChars: text.length };
}

/** The text's pieces, or undefined when a piece is over a parser budget or the definitions need several parses. */
function unitsOf(text: string): Unit[] | undefined {
  const units: Unit[] = [];
  let definitions = 0;
  for (const s of segmentMarkdown(text, true)) {
    if (s.containers > MAX_CONTAINERS_PER_LINE || s.markup > MAX_MARKUP_PER_PARAGRAPH) return undefined;
    definitions += s.definitions;
    const last = units[units.length - 1];
    // An unclean cut (before an item of a loose list) would split one block in two: keep it whole.
    if (last && !s.clean) {
      last.end = Math.max(last.end, s.end);
      last.definitions += s.definitions;
    } else units.push({ start: s.start, end: s.end, definitions: s.definitions, candidate: false });
  }
  return definitions > MAX_DEFINITIONS_PER_PARSE ? undefined : units;
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

/** A reference of the joined text moved to its offsets in the file. */
function moved(r: CitationRef, moves: Array<{ at: number; delta: number }>): CitationRef {
  let lo = 0;
  let hi = moves.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (moves[mid].at <= r.start) lo = mid;
    else hi = mid - 1;
  }
  const d = moves[lo].delta;
  if (d === 0) return r;
  const out: CitationRef = { kind: r.kind, id: r.id, start: r.start + d, end: r.end + d, text: r.text, parts: r.parts };
  if (r.group) out.group = { start: r.group.start + d, end: r.group.end + d };
  if (r.form) out.form = r.form;
  return out;
}
