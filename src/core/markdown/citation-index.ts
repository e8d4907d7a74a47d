// Incremental citation index of one document. Results are cached per version; after an edit only the top-level
// blocks the edit touched are parsed and scanned again, together with one unchanged neighbour on each side. The
// region is accepted only when those neighbours come out of the re-parse exactly as before (same type and span),
// which proves the edit did not change how the rest of the document parses (an unclosed code fence, a paragraph
// that now continues a list, …); otherwise the region grows, and after a few tries the document is parsed whole.
import type { ScanContext } from '../citations/match';
import type { ScanLimit } from './budget';
import { scanTopLevel, shiftBlock, type BlockResult } from './blocks';
import { assemble, scanBlocks, type MarkdownScan } from './document';
import type { FrontMatter } from './frontmatter';
import type { FootnoteDefinition, Range } from './structure';
import type { CitationProblem } from '../citations/match';
import type { CitationRef } from '../citations/types';
import { lineStart } from '../text/lines';
import { blockSpan, blockType, parseTopLevel, type TopLevelBlock } from './parse';

/** A change as VS Code reports it: offsets into the previous text. Used as a hint; the index verifies it. */
export interface TextChange {
  rangeOffset: number;
  rangeLength: number;
  text: string;
}

export interface IndexSnapshot extends MarkdownScan {
  version: number;
  /** How this snapshot was made, for tests and the bench. */
  stats: { mode: 'full' | 'incremental'; reparsedChars: number; blocks: number };
}

/** A block result and how far it has moved since it was scanned (applied lazily, when the snapshot is read). */
interface Entry {
  block: BlockResult;
  delta: number;
}

const startOf = (e: Entry) => e.block.start + e.delta;
const endOf = (e: Entry) => e.block.end + e.delta;

function materialise(e: Entry): BlockResult {
  if (e.delta !== 0) {
    e.block = shiftBlock(e.block, e.delta);
    e.delta = 0;
  }
  return e.block;
}

/** The document scan of one version, assembled from its blocks on first read. */
class Snapshot implements IndexSnapshot {
  private scan: MarkdownScan | undefined;
  constructor(
    readonly version: number,
    private readonly entries: Entry[],
    readonly stats: IndexSnapshot['stats'],
  ) {}
  private get all(): MarkdownScan {
    return (this.scan ??= assemble(this.entries.map(materialise)));
  }
  get refs(): CitationRef[] {
    return this.all.refs;
  }
  get problems(): CitationProblem[] {
    return this.all.problems;
  }
  get frontMatter(): FrontMatter | undefined {
    return this.entries[0]?.block.frontMatter;
  }
  get footnotes(): Map<string, FootnoteDefinition> {
    return this.all.footnotes;
  }
  get code(): Range[] {
    return this.all.code;
  }
  get limits(): ScanLimit[] {
    return this.all.limits;
  }
}

const MAX_GROW = 4;
const CHUNK = 2048;

/** Length of the common prefix of a and b. */
export function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i + CHUNK <= n && a.substr(i, CHUNK) === b.substr(i, CHUNK)) i += CHUNK;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the common suffix of a and b, not reaching into the first `floor` characters of either. */
export function commonSuffix(a: string, b: string, floor: number): number {
  const n = Math.min(a.length, b.length) - floor;
  let k = 0;
  while (k + CHUNK <= n && a.substr(a.length - k - CHUNK, CHUNK) === b.substr(b.length - k - CHUNK, CHUNK)) k += CHUNK;
  while (k < n && a.charCodeAt(a.length - 1 - k) === b.charCodeAt(b.length - 1 - k)) k++;
  return k;
}

/** Whether a block of a region re-parse (region at `base`) is the unchanged entry, moved by `delta`. */
function sameBlock(block: TopLevelBlock, base: number, entry: Entry, delta: number): boolean {
  const [s, e] = blockSpan(block);
  return blockType(block) === entry.block.type && s + base === startOf(entry) + delta && e + base === endOf(entry) + delta;
}

export class CitationIndex {
  private text = '';
  private entries: Entry[] = [];
  private snapshot: Snapshot | undefined;

  /** The snapshot for `version`, re-scanning only what changed since the previous update. */
  update(text: string, version: number, changes?: readonly TextChange[]): IndexSnapshot {
    if (this.snapshot && this.snapshot.version === version && text === this.text) return this.snapshot;
    let result: { entries: Entry[]; mode: 'full' | 'incremental'; reparsed: number } | null = null;
    if (this.snapshot) result = this.incremental(this.text, text, changes);
    if (!result) result = { entries: scanBlocks(text).map((block) => ({ block, delta: 0 })), mode: 'full', reparsed: text.length };
    this.text = text;
    this.entries = result.entries;
    this.snapshot = new Snapshot(version, result.entries, { mode: result.mode, reparsedChars: result.reparsed, blocks: result.entries.length });
    return this.snapshot;
  }

  /** The last snapshot, if any. */
  current(): IndexSnapshot | undefined {
    return this.snapshot;
  }

  /** Unchanged prefix length and suffix length between two versions; a change hint is checked around its edges. */
  private unchanged(prev: string, text: string, changes?: readonly TextChange[]): [number, number] {
    if (changes?.length) {
      const a = Math.min(...changes.map((c) => c.rangeOffset));
      const suffix = prev.length - Math.max(...changes.map((c) => c.rangeOffset + c.rangeLength));
      const newLen = changes.reduce((n, c) => n + c.text.length - c.rangeLength, prev.length);
      const W = 256;
      const ok =
        a >= 0 &&
        suffix >= 0 &&
        newLen === text.length &&
        a + suffix <= Math.min(prev.length, text.length) &&
        prev.substr(Math.max(0, a - W), Math.min(a, W)) === text.substr(Math.max(0, a - W), Math.min(a, W)) &&
        prev.substr(prev.length - suffix, W) === text.substr(text.length - suffix, W);
      if (ok) return [a, suffix];
    }
    const a = commonPrefix(prev, text);
    return [a, commonSuffix(prev, text, a)];
  }

  private incremental(prev: string, text: string, changes?: readonly TextChange[]): { entries: Entry[]; mode: 'incremental'; reparsed: number } | null {
    const [a, suffix] = this.unchanged(prev, text, changes);
    const oldEnd = prev.length - suffix;
    const delta = text.length - prev.length;
    const entries = this.entries;
    const fm = entries[0]?.block.frontMatter;
    if (fm && a <= endOf(entries[0]) + 1) return null;
    // Touched blocks i..j (inclusive overlap with [a, oldEnd]); neighbours lo = i-1, hi = j+1.
    let lo0 = 0;
    let hi0 = entries.length;
    while (lo0 < hi0) {
      const mid = (lo0 + hi0) >> 1;
      if (endOf(entries[mid]) < a) lo0 = mid + 1;
      else hi0 = mid;
    }
    const i = lo0;
    let j = i - 1;
    while (j + 1 < entries.length && startOf(entries[j + 1]) <= oldEnd) j++;
    let lo = i - 1;
    let hi = j + 1;
    for (let tries = 0; tries <= MAX_GROW; tries++) {
      if (lo >= 0 && entries[lo].block.frontMatter) return null;
      const regionStart = lo >= 0 ? lineStart(text, startOf(entries[lo])) : 0;
      const regionEnd = hi < entries.length ? endOf(entries[hi]) + delta : text.length;
      const regionText = text.slice(regionStart, regionEnd);
      const nodes = parseTopLevel(regionText, regionStart === 0);
      const okLo = lo < 0 || (nodes.length > 0 && sameBlock(nodes[0], regionStart, entries[lo], 0));
      const okHi = hi >= entries.length || (nodes.length > 0 && sameBlock(nodes[nodes.length - 1], regionStart, entries[hi], delta));
      if (okLo && okHi) {
        const ctx: ScanContext = { selfId: fm?.selfId };
        const middle = nodes.map((n) => ({ block: scanTopLevel(text, n, regionStart, ctx), delta: 0 }));
        const before = entries.slice(0, Math.max(lo, 0));
        const after = entries.slice(hi + 1).map((e) => ({ block: e.block, delta: e.delta + delta }));
        return { entries: [...before, ...middle, ...after], mode: 'incremental', reparsed: regionText.length };
      }
      if (!okLo) lo--;
      if (!okHi) hi++;
      if (lo < -1 || hi > entries.length) return null;
    }
    return null;
  }
}
