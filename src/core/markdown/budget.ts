// What the markdown parser (micromark, under remark-parse) is given to parse. Most documents are parsed whole; a
// document holding one of the parser's superlinear shapes is cut into segments (shape.ts), and
//   - a segment over the nesting or markup budget is not parsed but scanned as plain text, with a warning;
//   - definitions are parsed at most MAX_DEFINITIONS_PER_PARSE to a parse (micromark checks each new one against
//     a list of all earlier ones), cut only where the blocks come out the same.
// Budgets, measured on generated inputs with remark-parse 11 / micromark 4 on node 20:
//   - list markers opened on one line: flat at ≈ 0.09 ms per marker up to 128, then growing with the depth
//     (250: 0.3 ms, 1000: 0.46 ms, 2000: 0.85 ms per marker; 4 KB of `- ` took 1.7 s, 8 KB 9 s);
//   - brackets or emphasis runs in one paragraph: ≈ 0.02–0.05 ms each up to 2,000, then quadratic (`[a]` × 16,000
//     3 s, `*a` × 16,000 7 s, `[a](` × 16,000 4.5 s, `a]` × 32,000 6 s: a `]` looks back for its `[`);
//   - definitions in one parse: ≈ 0.08 ms each in parses of 200, 0.16 ms in parses of 1,000, 0.4 ms at 40,000.
import { mayStartWithFrontMatter, segmentMarkdown, type Segment } from './shape';

/** Container markers (list items, block quotes) one line may open; real documents nest a handful. */
export const MAX_CONTAINERS_PER_LINE = 64;
/** Brackets (`[`, `]`) and emphasis runs one paragraph may hold: 1,000 links. */
export const MAX_MARKUP_PER_PARAGRAPH = 2000;
/** Link and footnote definitions parsed together. */
export const MAX_DEFINITIONS_PER_PARSE = 250;

export type ScanLimitCode = 'nesting-too-deep' | 'markup-too-dense';

/** A stretch of a document scanned as plain text because the parser would take too long on it. */
export interface ScanLimit {
  code: ScanLimitCode;
  start: number;
  end: number;
  /** Values for the message template's placeholders. */
  args: string[];
}

/**
 * Every message template of a scan limit, with its severity, for the editor to show like the citation problems
 * (`l10n.t(message, ...args)`); Dutch translations live in l10n/parts/reliability-markdown.nl.json.
 */
export const SCAN_LIMIT_MESSAGES: Record<ScanLimitCode, { severity: 'warning'; message: string }> = {
  'nesting-too-deep': {
    severity: 'warning',
    message: 'This block nests more than {0} lists or block quotes on one line: too complex to scan fully, citations in it may be missed',
  },
  'markup-too-dense': {
    severity: 'warning',
    message: 'This paragraph holds more than {0} brackets or emphasis marks: too complex to scan fully, citations in it may be missed',
  },
};

/**
 * A stretch of the text to parse (`frontMatter`: with front matter recognised at its start), or to scan as plain
 * text. Offsets into the text planned.
 */
export type ParsePiece = { kind: 'parse'; start: number; end: number; frontMatter: boolean } | { kind: 'plain'; start: number; end: number; limit: ScanLimit };

/**
 * How to parse `text`: the whole of it at once unless a budget is exceeded. `atStart`: `text` is the start of a
 * document (a region in the middle of one has no front matter).
 */
export function planParse(text: string, atStart: boolean): ParsePiece[] {
  const frontMatter = atStart && mayStartWithFrontMatter(text);
  const segments = segmentMarkdown(text, frontMatter);
  const limits = segments.map(limitOf);
  const definitions = segments.reduce((n, s) => n + s.definitions, 0);
  if (definitions <= MAX_DEFINITIONS_PER_PARSE && limits.every((l) => !l)) return [{ kind: 'parse', start: 0, end: text.length, frontMatter }];
  const pieces: ParsePiece[] = [];
  let unit: { start: number; definitions: number } | undefined;
  const close = (end: number) => {
    if (unit && end > unit.start) pieces.push({ kind: 'parse', start: unit.start, end, frontMatter: frontMatter && unit.start === 0 });
    unit = undefined;
  };
  segments.forEach((segment, i) => {
    const limit = limits[i];
    if (limit) {
      close(segment.start);
      pieces.push({ kind: 'plain', start: segment.start, end: segment.end, limit });
      return;
    }
    if (unit && segment.clean && unit.definitions + segment.definitions > MAX_DEFINITIONS_PER_PARSE) close(segment.start);
    unit ??= { start: segment.start, definitions: 0 };
    unit.definitions += segment.definitions;
  });
  close(text.length);
  return pieces;
}

/** The budget a segment exceeds, if any. */
function limitOf(segment: Segment): ScanLimit | undefined {
  const at = { start: segment.start, end: segment.end };
  if (segment.containers > MAX_CONTAINERS_PER_LINE) return { code: 'nesting-too-deep', ...at, args: [String(MAX_CONTAINERS_PER_LINE)] };
  if (segment.markup > MAX_MARKUP_PER_PARAGRAPH) return { code: 'markup-too-dense', ...at, args: [String(MAX_MARKUP_PER_PARAGRAPH)] };
  return undefined;
}
