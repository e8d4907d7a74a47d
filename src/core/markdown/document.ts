// A scanned markdown document: blocks joined, and name-only motions resolved through the footnote cited in their
// sentence (`… de motie van het lid Van Haga, die … voorkomt.[^2]` with `[^2]: Kamerstukken II …, nr. 683.`).
import type { CitationProblem, ScanContext } from '../citations/match';
import { resolveStukken, subjectOf } from '../citations/stuk';
import { isVotedKind, type CitationRef } from '../citations/types';
import type { ScanLimit } from './budget';
import { scanTopLevel, type BlockResult } from './blocks';
import type { FrontMatter } from './frontmatter';
import { parseTopLevel } from './parse';
import { blockStructure, normaliseLabel, type FootnoteDefinition, type Range } from './structure';

export interface MarkdownScan {
  /** Every reference, in document order. */
  refs: CitationRef[];
  /** Malformed or ambiguous citations (see diagnostics.ts for messages and fixes). */
  problems: CitationProblem[];
  frontMatter?: FrontMatter;
  /** Footnote definitions by normalised label. */
  footnotes: Map<string, FootnoteDefinition>;
  /** Code (fenced, indented, inline) and front matter ranges: everything that is not prose. */
  code: Range[];
  /** Blocks too complex to parse, scanned as plain text (budget.ts), for the editor to warn about (SCAN_LIMIT_MESSAGES). */
  limits: ScanLimit[];
}

/** Parses and scans every top-level block of `text`. */
export function scanBlocks(text: string): BlockResult[] {
  const blocks: BlockResult[] = [];
  const ctx: ScanContext = {};
  for (const block of parseTopLevel(text, true)) {
    const b = scanTopLevel(text, block, 0, ctx);
    if (b.frontMatter?.selfId) ctx.selfId = b.frontMatter.selfId;
    blocks.push(b);
  }
  return blocks;
}

/** The ref a footnote gives a motion: a motion with the same submitters, else the first kamerstuk, else any. */
function footnoteTarget(def: FootnoteDefinition, block: BlockResult, submitters: string[] | undefined): CitationRef | undefined {
  const targets = (def.targets ?? []).map((k) => block.refs[k]);
  if (!targets.length) return undefined;
  if (submitters?.length) {
    const names = submitters.map((n) => n.toLowerCase());
    const same = targets.find((r) => isVotedKind(r.kind) && r.parts.submitters?.some((n) => names.includes(n.toLowerCase())));
    if (same) return same;
  }
  return targets.find((r) => r.kind === 'kamerstuk') ?? targets[0];
}

/** Joins block results into a document scan, resolving footnote motions. */
export function assemble(blocks: BlockResult[]): MarkdownScan {
  const footnotes = new Map<string, FootnoteDefinition>();
  const defBlock = new Map<string, BlockResult>();
  let frontMatter: FrontMatter | undefined;
  for (const b of blocks) {
    if (b.frontMatter) frontMatter = b.frontMatter;
    for (const f of b.footnotes) {
      if (!footnotes.has(f.label)) {
        footnotes.set(f.label, f);
        defBlock.set(f.label, b);
      }
    }
  }
  const refs: CitationRef[] = [];
  const problems: CitationProblem[] = [];
  const code: Range[] = [];
  const limits: ScanLimit[] = [];
  for (const b of blocks) {
    if (b.limit) limits.push(b.limit);
    for (let k = 0; k < b.code.length; k++) code.push(b.code[k]);
    for (let k = 0; k < b.problems.length; k++) problems.push(b.problems[k]);
    if (!b.pending.length) {
      for (let k = 0; k < b.refs.length; k++) refs.push(b.refs[k]);
      continue;
    }
    const resolved = new Map<CitationRef, CitationRef>();
    for (const { ref, label } of b.pending) {
      const key = normaliseLabel(label);
      const def = footnotes.get(key);
      const target = def ? footnoteTarget(def, defBlock.get(key)!, ref.parts.submitters) : undefined;
      if (target) {
        // Pending motions always have submitters, which override any of the target's.
        resolved.set(ref, { ...ref, id: target.id, parts: { ...target.parts, ...ref.parts, footnote: label } });
      } else {
        const args = [(ref.parts.submitters ?? []).join(', ')];
        problems.push({ code: ref.kind === 'amendement' ? 'amendement-unresolved' : 'motie-unresolved', start: ref.start, end: ref.end, args, refs: [ref] });
      }
    }
    for (const r of b.refs) refs.push(resolved.get(r) ?? r);
  }
  // `stuk nr.` and `(EK, A)`: the dossier under discussion, across blocks (headings included), else the document's own.
  const all = blocks.some((b) => b.stukken) ? resolveStukken(blocks, refs, problems, subjectOf(frontMatter?.selfId)) : problems;
  return { refs, problems: all, frontMatter, footnotes, code, limits };
}

/** Every citation in a markdown document (code skipped, links and footnotes understood), in document order. */
export function scanMarkdown(text: string): CitationRef[] {
  return assemble(scanBlocks(text)).refs;
}

/** Refs, problems, front matter and footnotes of a markdown document. */
export function analyseMarkdown(text: string): MarkdownScan {
  return assemble(scanBlocks(text));
}

/** Prose ranges of a markdown document: the text outside code, inline code and front matter (parse only). */
export function proseRanges(text: string): Range[] {
  const code: Range[] = [];
  for (const block of parseTopLevel(text, true)) {
    if (block.kind === 'node') for (const c of blockStructure(block.node, block.parsedText, block.base).code) code.push(c);
  }
  const out: Range[] = [];
  let pos = 0;
  for (const c of code) {
    if (c.start > pos) out.push({ start: pos, end: c.start });
    pos = Math.max(pos, c.end);
  }
  if (pos < text.length) out.push({ start: pos, end: text.length });
  return out;
}
