// A known document written as a citation in the configured style (completion and "Insert citation").
import { formatCitation, type CitationStyle } from './format';
import { toezeggingKamer } from './ids';
import { scanPlain } from './scanner';

/** The citation of the document with canonical id `id`; the id itself when the style cannot be produced. */
export function citationFor(doc: { id: string; vergaderjaar?: string }, style: CitationStyle): string {
  // An Eerste Kamer toezegging number is a citation only with a word that says so (toezegging.ts).
  if (toezeggingKamer(doc.id) === 'I') return `toezegging ${doc.id}`;
  if (style === 'kst') return doc.id;
  const ref = scanPlain(doc.id).refs.find((r) => r.id === doc.id);
  if (!ref) return doc.id;
  return formatCitation([ref], style, doc.vergaderjaar ? { vergaderjaar: doc.vergaderjaar } : {}) ?? doc.id;
}
