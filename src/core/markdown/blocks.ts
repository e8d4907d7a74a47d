// Scanning one top-level block of a markdown document: prose only (code skipped), links merged with the citation
// in their text, footnote definitions recorded. Block results are immutable; an edit elsewhere shifts them.
import type { CitationProblem, ScanContext } from '../citations/match';
import { emptyOutput, scanSegment, type PendingFootnote } from '../citations/scanner';
import type { CitationRef } from '../citations/types';
import { readFrontMatter, type FrontMatter } from './frontmatter';
import { span, type BlockNode } from './parse';
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
}

/** Scans `node` (parsed from `parsedText`, which starts at `base` in `text`). */
export function scanBlock(text: string, parsedText: string, node: BlockNode, base: number, ctx: ScanContext): BlockResult {
  const [s, e] = span(node);
  const start = s + base;
  const end = e + base;
  const structure = blockStructure(node, parsedText, base);
  const out = emptyOutput();
  const block: BlockResult = { start, end, type: node.type, refs: out.refs, problems: out.problems, pending: out.pending, footnotes: structure.footnotes, code: structure.code };
  if (node.type === 'yaml') {
    block.frontMatter = readFrontMatter(node.value, start, end);
    return block;
  }
  if (node.type === 'code') return block;
  for (const seg of proseSegments(start, end, structure.code)) scanSegment(text, seg.start, seg.end, ctx, out);
  if (structure.links.length && out.refs.length) mergeLinks(text, block, structure.links);
  if (block.problems.length > 1) block.problems.sort((x, y) => x.start - y.start);
  return block;
}

/** A markdown link whose URL names a document becomes one reference spanning the link, merged with its text. */
function mergeLinks(text: string, block: BlockResult, links: Range[]): void {
  for (const link of links) {
    const inside = block.refs.filter((r) => r.start >= link.start && r.end <= link.end);
    const url = inside.find((r) => r.form === 'url');
    if (!url) continue;
    const partner =
      inside.find((r) => r !== url && r.id === url.id) ?? inside.find((r) => r !== url && r.kind === 'motie' && r.id === null);
    const kind = partner?.kind === 'motie' ? 'motie' : url.kind;
    const merged: CitationRef = {
      kind,
      id: url.id,
      start: link.start,
      end: link.end,
      text: text.slice(link.start, link.end),
      parts: { ...url.parts, ...(partner?.parts ?? {}) },
      form: 'link',
    };
    const drop = new Set<CitationRef>([url]);
    if (partner) drop.add(partner);
    const at = block.refs.indexOf(inside[0]);
    block.refs = block.refs.filter((r) => !drop.has(r));
    block.refs.splice(Math.min(at, block.refs.length), 0, merged);
    block.pending = block.pending.filter((p) => !drop.has(p.ref));
    block.problems = block.problems
      .filter((p) => !(p.code === 'motie-unresolved' && p.refs.some((r) => drop.has(r))))
      .map((p) => (p.refs.some((r) => drop.has(r)) ? { ...p, refs: p.refs.map((r) => (drop.has(r) ? merged : r)) } : p));
  }
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
  const moved = (r: CitationRef): CitationRef => {
    const k = b.refs.indexOf(r);
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
  return out;
}
