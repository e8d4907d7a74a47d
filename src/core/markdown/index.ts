// Public API of the markdown layer: document scans, the incremental index, prose ranges.
export { scanMarkdown, analyseMarkdown, proseRanges, type MarkdownScan } from './document';
export { CitationIndex, type IndexSnapshot, type TextChange } from './citation-index';
export { readFrontMatter, type FrontMatter } from './frontmatter';
export { SCAN_LIMIT_MESSAGES, type ScanLimit, type ScanLimitCode } from './budget';
export type { FootnoteDefinition, Range } from './structure';
export { scanText } from '../citations';
