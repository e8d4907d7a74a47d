export { collectPassages, type LetterAnnotations, type TaggedPassage } from './passages';
export { renderCsv, csvField, CSV_COLUMNS } from './csv';
export { renderMarkdown } from './markdown';
export { renderJson } from './json';

import { renderCsv } from './csv';
import { renderJson } from './json';
import { renderMarkdown } from './markdown';
import type { TaggedPassage } from './passages';

export type ReportFormat = 'md' | 'csv' | 'json';

export function renderReport(passages: readonly TaggedPassage[], format: ReportFormat): string {
  return format === 'csv' ? renderCsv(passages) : format === 'json' ? renderJson(passages) : renderMarkdown(passages);
}
