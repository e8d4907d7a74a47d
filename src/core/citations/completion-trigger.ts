// What was typed before the cursor that asks for a document to be completed, and in which notation.
import type { CitationStyle } from './format';

/**
 * `Kamerstuk 297`, `kst-297` (replaced by the whole citation) or `motie Van` (the words after `motie` are
 * replaced by the submitters and the citation); undefined when the line prefix asks for nothing. `style` keeps the
 * notation the user started: `kst-` an id, `Kamerstukken` the Leidraad form, `Kamerstuk` the Kamer's short form;
 * after `motie` the configured style is used.
 */
export function completionTrigger(linePrefix: string): { start: number; query: string; motie: boolean; style?: CitationStyle } | undefined {
  const m = /\b(kamerstuk(?:ken)?\s+|kst-|motie\s+)([^\s,;()]*)$/i.exec(linePrefix);
  if (!m) return undefined;
  const motie = /^motie/i.test(m[1]);
  const style: CitationStyle | undefined = motie ? undefined : /^kst-/i.test(m[1]) ? 'kst' : /^kamerstukken/i.test(m[1]) ? 'leidraad' : 'short';
  return { start: motie ? m.index + m[1].length : m.index, query: m[2], motie, ...(style ? { style } : {}) };
}
