// Scanning one top-level block of a markdown document: prose only (code skipped), links merged with the citation
// in their text, footnote definitions recorded; a block too complex to parse is scanned as plain text. Block
// results are immutable; an edit elsewhere shifts them.
import { withSwappedRefs, type CitationProblem, type ScanContext } from '../citations/match';
import { emptyOutput, scanSegment, type PendingFootnote } from '../citations/scanner';
import type { Subject } from '../citations/stuk';
import { isVotedKind, type CitationRef } from '../citations/types';
import type { ScanLimit } from './budget';
import { readFrontMatter, type FrontMatter } from './frontmatter';
import { span, type BlockNode, type TopLevelBlock } from './parse';
import { blockStructure, proseSegments, type FootnoteDefinition, type Range } from './structure';

export interface BlockResult {
  start: number;
  end: number;
  type: string;
  refs: CitationRef[];
  problems: CitationProblem[];
  pending: PendingFootnote[];
  footnotes: FootnoteDefinition[];
  code: Range[];
  frontMatter?: FrontMatter;
  /** Set when the block was scanned as plain text, not parsed: why. */
  limit?: ScanLimit;
  /**
   * The dossier a heading block names (`26 643 Informatie- en communicatietechnologie (ICT)`, `CXXIV`): not a
   * citation, but the dossier that `stuk nr. 13` and `(EK, A)` after it belong to.
   */
  subject?: Subject;
  /** Some reference is a `stuk nr.` (`parts.stuk`), for the document to resolve. */
  stukken?: boolean;
}

// A block that starts with a dossier number followed by its title (a capital) or nothing: KOOP's and the Eerste
// Kamer site's dossier heading.
const dossierHeading =
  /^[#\s]*(?:(\d{2})[ .\u00A0]?(\d{3})(?:[ \u00A0]([IVXL]{1,5}[A-H]?|[A-Z])(?![\p{L}\p{N}]))?|(C[CLXVI]{1,8}))[ \t]*(?:\r?\n|$|[ \t]+(?=\p{Lu}))/u;

function headingSubject(text: string, start: number, end: number): BlockResult['subject'] {
  const m = dossierHeading.exec(text.slice(start, Math.min(end, start + 40)));
  if (!m) return undefined;
  return m[4] ? { dossier: m[4] } : { dossier: m[1] + m[2], ...(m[3] ? { toevoeging: m[3] } : {}) };
}

/** Scans a top-level block of a text that starts at `base` in `text` (the whole document). */
export function scanTopLevel(text: string, block: TopLevelBlock, base: number, ctx: ScanContext): BlockResult {
  if (block.kind === 'node') return scanBlock(text, block.parsedText, block.node, base + block.base, ctx);
  const limit = shiftRange(block.limit, base);
  return scanPlainBlock(text, limit, ctx);
}

/** Scans text[limit.start, limit.end) as plain text: no code, links or footnote definitions are recognised. */
function scanPlainBlock(text: string, limit: ScanLimit, ctx: ScanContext): BlockResult {
  const out = emptyOutput();
  scanSegment(text, limit.start, limit.end, ctx, out);
  const { refs, problems, pending } = out;
  const block: BlockResult = { start: limit.start, end: limit.end, type: 'plain', refs, problems, pending, footnotes: [], code: [], limit };
  if (refs.some((r) => r.parts.stuk)) block.stukken = true;
  sortProblems(block);
  return block;
}

/** Scans `node` (parsed from `parsedText`, which starts at `base` in `text`). */
export function scanBlock(text: string, parsedText: string, node: BlockNode, base: number, ctx: ScanContext): BlockResult {
  const [s, e] = span(node);
  const start = s + base;
  const end = e + base;
  const structure = blockStructure(node, parsedText, base);
  const out = emptyOutput();
  const block: BlockResult = {
    start,
    end,
    type: node.type,
    refs: out.refs,
    problems: out.problems,
    pending: out.pending,
    footnotes: structure.footnotes,
    code: structure.code,
  };
  if (node.type === 'yaml') {
    block.frontMatter = readFrontMatter(node.value, start, end);
    return block;
  }
  if (node.type === 'code') return block;
  if (node.type === 'paragraph' || node.type === 'heading') {
    const subject = headingSubject(text, start, end);
    if (subject) block.subject = subject;
  }
  for (const seg of proseSegments(start, end, structure.code)) scanSegment(text, seg.start, seg.end, ctx, out);
  if (structure.links.length && out.refs.length) mergeLinks(text, block, structure.links);
  if (block.refs.some((r) => r.parts.stuk)) block.stukken = true;
  sortProblems(block);
  findFootnoteTargets(block);
  return block;
}

function sortProblems(block: BlockResult): void {
  if (block.problems.length > 1) block.problems.sort((x, y) => x.start - y.start);
}

/** The kamerstukken and numbered motions each footnote definition of the block cites (refs and notes in order). */
function findFootnoteTargets(block: BlockResult): void {
  let k = 0;
  for (const f of block.footnotes) {
    f.targets = [];
    while (k < block.refs.length && block.refs[k].start < f.start) k++;
    for (let m = k; m < block.refs.length && block.refs[m].start < f.end; m++) {
      const r = block.refs[m];
      if (r.end <= f.end && r.id && (r.kind === 'kamerstuk' || isVotedKind(r.kind))) f.targets.push(m);
    }
  }
}

/**
 * A markdown link whose URL names a document becomes one reference spanning the link, merged with a citation of
 * the same id (or a name-only motion) in its text. Links and refs are both in document order: one pass.
 */
function mergeLinks(text: string, block: BlockResult, links: Range[]): void {
  const refs = block.refs;
  const mergedFor = new Map<CitationRef, CitationRef>(); // dropped ref -> the link reference replacing it
  const insertBefore = new Map<CitationRef, CitationRef>(); // first ref inside a link -> its link reference
  let k = 0;
  for (const link of links) {
    while (k < refs.length && refs[k].start < link.start) k++;
    const inside: CitationRef[] = [];
    for (let m = k; m < refs.length && refs[m].start < link.end; m++) if (refs[m].end <= link.end) inside.push(refs[m]);
    const url = inside.find((r) => r.form === 'url');
    if (!url) continue;
    const partner = inside.find((r) => r !== url && r.id === url.id) ?? inside.find((r) => r !== url && isVotedKind(r.kind) && r.id === null);
    const merged: CitationRef = {
      kind: partner && isVotedKind(partner.kind) ? partner.kind : url.kind,
      id: url.id,
      start: link.start,
      end: link.end,
      text: text.slice(link.start, link.end),
      parts: { ...url.parts, ...(partner?.parts ?? {}) },
      form: 'link',
    };
    insertBefore.set(inside[0], merged);
    mergedFor.set(url, merged);
    if (partner) mergedFor.set(partner, merged);
  }
  if (!mergedFor.size) return;
  const out: CitationRef[] = [];
  for (const r of refs) {
    const m = insertBefore.get(r);
    if (m) out.push(m);
    if (!mergedFor.has(r)) out.push(r);
  }
  block.refs = out;
  block.pending = block.pending.filter((p) => !mergedFor.has(p.ref));
  block.problems = withSwappedRefs(
    block.problems.filter((p) => !((p.code === 'motie-unresolved' || p.code === 'amendement-unresolved') && p.refs.some((r) => mergedFor.has(r)))),
    mergedFor,
  );
}

function shiftRef(r: CitationRef, d: number): CitationRef {
  const out: CitationRef = { kind: r.kind, id: r.id, start: r.start + d, end: r.end + d, text: r.text, parts: r.parts };
  if (r.group) out.group = { start: r.group.start + d, end: r.group.end + d };
  if (r.form) out.form = r.form;
  return out;
}

const shiftRange = <T extends Range>(x: T, d: number): T => ({ ...x, start: x.start + d, end: x.end + d });

/** The same block moved by `d` characters (an edit before it). */
export function shiftBlock(b: BlockResult, d: number): BlockResult {
  if (d === 0) return b;
  const refs = b.refs.map((r) => shiftRef(r, d));
  const index = b.refs.length > 16 ? new Map(b.refs.map((r, k) => [r, k] as const)) : undefined;
  const moved = (r: CitationRef): CitationRef => {
    const k = index ? (index.get(r) ?? -1) : b.refs.indexOf(r);
    return k >= 0 ? refs[k] : shiftRef(r, d);
  };
  const out: BlockResult = {
    start: b.start + d,
    end: b.end + d,
    type: b.type,
    refs,
    problems: b.problems.length
      ? b.problems.map((p) => ({
          ...p,
          start: p.start + d,
          end: p.end + d,
          refs: p.refs.map(moved),
          part: p.part ? { ...p.part, start: p.part.start + d, end: p.part.end + d } : undefined,
        }))
      : b.problems,
    pending: b.pending.length ? b.pending.map((p) => ({ ref: moved(p.ref), label: p.label })) : b.pending,
    footnotes: b.footnotes.length ? b.footnotes.map((f) => shiftRange(f, d)) : b.footnotes,
    code: b.code.length ? b.code.map((c) => shiftRange(c, d)) : b.code,
  };
  if (b.frontMatter) out.frontMatter = b.frontMatter;
  if (b.limit) out.limit = shiftRange(b.limit, d);
  if (b.subject) out.subject = b.subject;
  if (b.stukken) out.stukken = true;
  return out;
}
