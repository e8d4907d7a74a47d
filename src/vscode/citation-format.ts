// Writes a known document as a citation in the configured style (`kamerstuk.citationStyle`).
import { formatCitation, scanText } from '../core/citations';
import type { DocumentMetadata } from '../core/metadata';
import type { CitationStyle } from './settings';

export function citationFor(meta: DocumentMetadata, style: CitationStyle): string {
  if (style === 'kst') return meta.id;
  const ref = scanText(meta.id).find((r) => r.id === meta.id);
  if (!ref) return meta.id;
  return formatCitation([ref], style, meta.vergaderjaar ? { vergaderjaar: meta.vergaderjaar } : {}) ?? meta.id;
}
