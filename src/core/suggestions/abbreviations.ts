// Dutch abbreviations that end in a full stop without ending the sentence (the official style guides' lists and
// what letters to the Kamer use). Compared in lower case, with the final full stop.
export const DUTCH_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'o.a.',
  'm.b.t.',
  'bijv.',
  'bv.',
  'b.v.',
  'nr.',
  'nrs.',
  'art.',
  'artt.',
  'e.d.',
  'd.w.z.',
  'mr.',
  'dhr.',
  'mevr.',
  'mw.',
  'etc.',
  'enz.',
  'jl.',
  'j.l.',
  'd.d.',
  'i.v.m.',
  't.a.v.',
  't.v.v.',
  't.b.v.',
  'm.i.v.',
  'e.a.',
  'c.s.',
  'resp.',
  'ca.',
  'incl.',
  'excl.',
  'dr.',
  'drs.',
  'ir.',
  'ing.',
  'prof.',
  'stb.',
  'stcrt.',
  'blz.',
  'p.',
  'pag.',
  'vgl.',
  'zgn.',
  'z.g.',
  'a.s.',
  'o.b.v.',
  'i.o.m.',
  'i.h.k.v.',
  'm.n.',
  'n.a.v.',
  'n.v.t.',
  'p.m.',
  'vs.',
  'jo.',
  'e.v.',
  'mln.',
  'mld.',
  'mrd.',
  'min.',
  'max.',
  'gem.',
  'ibid.',
  'kst.',
  'aanh.',
  'wv.',
  'mvt.',
  'mva.',
]);

// Abbreviations that often end a sentence themselves (`op 5 juni jl.`, `1,5 mln.`, `blz. 3 e.v.`): before a capital
// or a new line the next sentence starts. The others (`o.a. Nederland`, `dhr. Jansen`, `art. 3`) always go on.
export const SENTENCE_FINAL_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'jl.',
  'j.l.',
  'a.s.',
  'enz.',
  'etc.',
  'e.v.',
  'e.d.',
  'e.a.',
  'c.s.',
  'mln.',
  'mld.',
  'mrd.',
  'ibid.',
  'n.v.t.',
]);

/** Whether `text` ends in an abbreviation that can end a sentence (`… op 5 juni jl.`). */
export function endsInFinalAbbreviation(text: string): boolean {
  const word = trailingAbbreviation(text);
  return !!word && SENTENCE_FINAL_ABBREVIATIONS.has(word);
}

/** The word (with dots) that ends `text` just before its final full stop, lower case: `… zie o.a.` → `o.a.`. */
export function trailingAbbreviation(text: string): string | undefined {
  const m = /(?:^|[\s(«"“‘'])((?:\p{L}{1,6}\.)+)$/u.exec(text);
  return m ? m[1].toLowerCase() : undefined;
}

/** Whether `text` ends in a known abbreviation or an initial (`D.`, `R.W.`) rather than a sentence's full stop. */
export function endsInAbbreviation(text: string): boolean {
  const word = trailingAbbreviation(text);
  if (!word) return false;
  if (DUTCH_ABBREVIATIONS.has(word)) return true;
  const token = text.slice(text.length - word.length);
  // Initials of a name: `R.W.`, `H.W.M.`; a single `D.` only at the start of a line or after a capitalised word or
  // title (`Minister J. de Vries`), not after a common noun (`bijlage B.` ends a sentence).
  if (/^(?:\p{Lu}\.){2,}$/u.test(token)) return true;
  if (!/^\p{Lu}\.$/u.test(token)) return false;
  const before = text.slice(0, text.length - token.length).trimEnd();
  const previous = /(\S+)$/u.exec(before)?.[1] ?? '';
  return !before || /\n\s*$/u.test(text.slice(0, text.length - token.length)) || /^\p{Lu}/u.test(previous) || DUTCH_ABBREVIATIONS.has(previous.toLowerCase());
}
