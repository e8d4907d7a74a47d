// What was typed before the cursor that asks for a document to be completed.

/**
 * `Kamerstuk 297`, `kst-297` (replaced by the whole citation) or `motie Van` (the words after `motie` are
 * replaced by the submitters and the citation); undefined when the line prefix asks for nothing.
 */
export function completionTrigger(linePrefix: string): { start: number; query: string; motie: boolean } | undefined {
  const m = /\b(kamerstuk(?:ken)?\s+|kst-|motie\s+)([^\s,;()]*)$/i.exec(linePrefix);
  if (!m) return undefined;
  const motie = /^motie/i.test(m[1]);
  return { start: motie ? m.index + m[1].length : m.index, query: m[2], motie };
}
