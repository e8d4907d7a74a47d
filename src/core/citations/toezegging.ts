// Register numbers of oral commitments (toezeggingen), kind `toezegging`.
//
// Tweede Kamer: `TZ202504-057` as the register and letters write them: `TZ`, the year and month the commitment was
// registered, a dash and a three-digit serial. A wrong id is worse than none, so only the exact shape counts:
// capitals only, a real year (1990–2099) and month, and nothing of an identifier glued on either side
// (`ABTZ202504-057`, `TZ202504-0571`, `TZ202504-057-A` and a product code `TZ2000` are no references).
//
// Eerste Kamer: `T01237`, `T0` and four digits (every real number is: T01153 … T03480; `T72000` is a tank type);
// the id is the number itself and the Kamer `I`. The shape alone is not enough (`T` and digits is also a product
// code, a type or a table label), so a number counts only where the
// text says it is a register number, in the three ways real text does (test/fixtures/real 18–20 and 24,
// real-heldout 07 and 08; the staten-generaal.nl notes of 23 November 2021):
//   1. a word `toezegging…` (toezegging, toezeggingen, toezeggingenrappel) earlier in the same sentence:
//      the register's headings "Toezegging Toezending conceptversie richtlijn (22.112 / 31.544, CK) (T01237)"
//      (eerstekamer.nl/rappel), committee notes "toezeggingen T02867, T02849, T02857, T02887 en T02908" and
//      "toezegging T02853 als “deels voldaan” aan te merken" (staten-generaal.nl korte aantekeningen), a letter's
//      "Deze toezegging is bij uw Kamer geregistreerd onder nr. TO3357" (kst-35979-H). A sentence ends at `.`, `!`,
//      `?` or `;` before a space, except after an abbreviation (`nr.`, `blz.`, `c.s.`), and at a blank line. A
//      block ends it too: a line that starts a heading (`#`), a list item (`-`, `*`, `+`, `1.`), a fence (```, ~~~)
//      or a comment (`<!--`), and the line after a heading, a fence, a setext underline or a thematic break or a
//      comment's end (so "## Toezeggingen\nTabel T01234" is no reference); a plain line break inside a paragraph
//      does not. A word inside a comment or a link (its text or its address) is no context. Only a word before the
//      number counts: "T01237 is een toezegging aan de Eerste Kamer." is not read (a known limit: the sentence
//      after a number is not looked at, which keeps "T01237 … Tabel 3 toont de toezeggingen" prose too);
//   2. the register's own label row, `Nummer` and the number alone on a line: "Nummer T01237" and the table row
//      "Nummer | T01970 |" (the Kerngegevens of eerstekamer.nl rappel pages);
//   3. a committee agenda item that names the number, the dossier and its letters: "T02200 / 34109, L" (korte
//      aantekeningen OCW, 11 October 2022); without the `, <letters>` ("Formulier T01234 / 12345 invullen") it is none.
// `TO3357` (kst-35979-H, in a sentence with "toezegging") is an Eerste Kamer number written with a letter O; the
// register's numbers are digits only (all real ones are T0nnnn: T01153 … T03480), so it is read as `T03357`, and
// only with the same context as any other number. Nothing else of the shape is a reference: not `T01237` without
// context, not `T012345` or `T01237-A` (more of an identifier), not lower case `t01237`.
import { at, isAlnum, isDash, isDigit, isLetter } from './chars';
import { toezeggingId, toezeggingKamer } from './ids';
import { makeRef } from './match';
import type { CitationRef } from './types';

const SERIAL_DIGITS = 3;
/** How far back the context of an Eerste Kamer number is looked for: one long sentence. */
const CONTEXT_REACH = 400;

/** A toezegging number at `p` (the caller checked the left boundary), or null. */
export function parseToezegging(s: string, p: number, end: number): CitationRef | null {
  if (s.charCodeAt(p) !== 84 /* T */) return null;
  const second = at(s, p + 1, end);
  if (second === 90 /* Z */) return parseTweedeKamer(s, p, end);
  return parseEersteKamer(s, p, end);
}

function parseTweedeKamer(s: string, p: number, end: number): CitationRef | null {
  let i = p + 2;
  const digitsFrom = i;
  while (i < end && i - digitsFrom < 6 && isDigit(s.charCodeAt(i))) i++;
  if (i - digitsFrom !== 6 || !isDash(at(s, i, end))) return null;
  i++;
  const serialFrom = i;
  while (i < end && i - serialFrom < SERIAL_DIGITS && isDigit(s.charCodeAt(i))) i++;
  if (i - serialFrom !== SERIAL_DIGITS) return null;
  if (gluedOn(s, i, end, false)) return null;
  const id = toezeggingId(s.slice(p, i));
  if (!id) return null;
  return makeRef(s, 'toezegging', id, p, i, { number: id }, 'id');
}

/**
 * Whether more of an identifier goes on after `i`: a further letter or digit, or a dash (for an Eerste Kamer number
 * also a slash) with one after it. (`T02200 / 34109` has spaces around its slash.)
 */
function gluedOn(s: string, i: number, end: number, slash: boolean): boolean {
  const next = at(s, i, end);
  return isAlnum(next) || ((isDash(next) || (slash && next === 47)) /* / */ && isAlnum(at(s, i + 1, end)));
}

function parseEersteKamer(s: string, p: number, end: number): CitationRef | null {
  // `T0` and four digits, or `TO` and four (a letter O for the leading zero).
  const letterO = at(s, p + 1, end) === 79; /* O */
  let i = letterO ? p + 2 : p + 1;
  const digitsFrom = i;
  while (i < end && isDigit(s.charCodeAt(i))) i++;
  if (i - digitsFrom !== (letterO ? 4 : 5) || gluedOn(s, i, end, true)) return null;
  if (!letterO && s.charCodeAt(digitsFrom) !== 48 /* 0 */) return null; // every real number is T0 and four digits
  if (!sentenceSaysToezegging(s, p) && !registerLabel(s, p, i) && !agendaItem(s, i, end)) return null;
  const id = toezeggingId(letterO ? `T0${s.slice(digitsFrom, i)}` : s.slice(p, i));
  if (!id) return null;
  return makeRef(s, 'toezegging', id, p, i, { number: id, kamer: 'I' }, 'id');
}

const ABBREVIATIONS = new Set([
  'nr',
  'nrs',
  'no',
  'blz',
  'p',
  'pp',
  'pag',
  'jl',
  'art',
  'artt',
  'bijv',
  'resp',
  'ca',
  'vgl',
  'zgn',
  'dhr',
  'mevr',
  'mr',
  'dr',
  'drs',
  'prof',
  'ir',
]);

/**
 * Whether a word `toezegging…` comes before `p` in the same sentence. Besides the sentence marks and a blank line,
 * a block ends the context: it stops at a line that starts a heading, a list item, a fence or a comment, and after a
 * heading or fence line, and it takes no word from a comment or a link (its text or its address).
 */
function sentenceSaysToezegging(s: string, p: number): boolean {
  const from = Math.max(0, p - CONTEXT_REACH);
  for (let i = p - 1; i >= from; i--) {
    const c = s.charCodeAt(i);
    if (c === 10 /* \n */ && (blankLineBefore(s, i, from) || startsBlock(lineAt(s, i + 1)) || endsBlock(lineAt(s, s.lastIndexOf('\n', i - 1) + 1))))
      return false;
    if ((c === 46 || c === 33 || c === 63 || c === 59) /* . ! ? ; */ && /\s/.test(s[i + 1] ?? ' ') && !(c === 46 && abbreviationBefore(s, i))) return false;
    if (s.startsWith('<!--', i) || s.startsWith('-->', i)) return false;
    if (c === 41 /* ) */) {
      const open = s.lastIndexOf('(', i);
      if (open >= from && s[open - 1] === ']' && !s.slice(open, i).includes('\n')) i = open; // a link's address
      continue;
    }
    if (c === 93 /* ] */) {
      const open = s.lastIndexOf('[', i);
      if (open < from) return false;
      i = open; // a link's text (or a reference label)
      continue;
    }
    if ((c | 0x20) === 116 /* t */ && !isLetter(s.charCodeAt(i - 1)) && s.slice(i, i + 10).toLowerCase() === 'toezegging') return true;
  }
  return false;
}

/** The line that starts at `i`, without its line break. */
function lineAt(s: string, i: number): string {
  const end = s.indexOf('\n', i);
  return s.slice(i, end < 0 ? s.length : end);
}

/** The markers of a block quote, then up to three spaces of indent. */
const QUOTE = /^(?:[ \t]{0,3}>)*[ \t]{0,3}/;

/** A line that starts a block of its own: a heading, a list item, a fence or a comment. */
function startsBlock(line: string): boolean {
  const rest = line.replace(QUOTE, '');
  return /^(?:#{1,6}(?:[ \t]|$)|[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|`{3}|~{3}|<!--)/.test(rest);
}

/** A line after which no context goes on: a heading, a fence, or the end of a comment. */
function endsBlock(line: string): boolean {
  const rest = line.replace(QUOTE, '');
  // A setext underline or a thematic break (`===`, `---`, `***`) ends a block too.
  return /^(?:#{1,6}(?:[ \t]|$)|`{3}|~{3}|=+[ \t]*$|-{2,}[ \t]*$|(?:[*_][ \t]*){3,}$)/.test(rest) || line.includes('-->');
}

/** The line break at `i` ends a blank line (only spaces since the line break before it). */
function blankLineBefore(s: string, i: number, from: number): boolean {
  for (let j = i - 1; j >= from; j--) {
    const c = s.charCodeAt(j);
    if (c === 10) return true;
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return false;
}

/** The period at `i` closes an abbreviation (`nr.`, `blz.`) or one letter of a dotted one (`c.s.`, `o.a.`). */
function abbreviationBefore(s: string, i: number): boolean {
  let j = i;
  while (j > 0 && isLetter(s.charCodeAt(j - 1))) j--;
  const word = s.slice(j, i);
  return ABBREVIATIONS.has(word.toLowerCase()) || (word.length === 1 && /[a-z]/.test(word) && (j === 0 || s[j - 1] === '.' || s[j - 1] === ' '));
}

/** The register's label row, the number all of it: `Nummer T01237`, `Nummer | T01970 |`, `| Nummer | T01970 |`. */
function registerLabel(s: string, p: number, i: number): boolean {
  const lineStart = s.lastIndexOf('\n', p - 1) + 1;
  const lineEnd = s.indexOf('\n', i);
  const rest = s.slice(i, lineEnd < 0 ? s.length : lineEnd);
  return p - lineStart <= 24 && /^[ \t]*\|?[ \t]*Nummer[ \t]*[:|]?[ \t]*$/.test(s.slice(lineStart, p)) && /^[ \t|]*\r?$/.test(rest.slice(0, 24));
}

/** A committee agenda item naming the number, its dossier and the dossier's letters: `T02200 / 34109, L`. */
function agendaItem(s: string, i: number, end: number): boolean {
  return /^[ \t]*\/[ \t]*\d{2}\.?\d{3}[ \t]*,[ \t]*[A-Z]{1,8}(?![A-Za-z0-9])/.test(s.slice(i, Math.min(end, i + 32)));
}

// The registers' own pages. Neither register has a page per number that a stored official page shows (the
// eerstekamer.nl rappel pages name their entries by opaque ids: /rappel?ministerie=vghyngkof7kr&rappel=vmqtf141wdrz),
// so the link opens the register, where the number can be looked up.
// - Eerste Kamer: https://www.eerstekamer.nl/begrip/toezeggingen (stored page: "De sinds juni 2003 gedane toezeggingen
//   zijn ook op internet toegankelijk. Toezeggingen worden in onderstaand overzicht opgenomen …").
// - Tweede Kamer: tweedekamer.nl/toezeggingen, as the Kamer's news item of 10 May 2023 writes it ("Op
//   Tweedekamer.nl/toezeggingen staan alle mondelinge toezeggingen …"; stored copy at
//   kikotapasando.com/2023/05/11/toezeggingen-bewindspersonen-aan-tweede-kamer-inzichtelijker/).
const EK_REGISTER = 'https://www.eerstekamer.nl/begrip/toezeggingen';
const TK_REGISTER = 'https://www.tweedekamer.nl/toezeggingen';

/** The register a toezegging id belongs to: its Kamer and the address of the register's page; undefined for other ids. */
export function toezeggingRegister(id: string): { kamer: 'I' | 'II'; url: string } | undefined {
  const kamer = toezeggingId(id) === id ? toezeggingKamer(id) : undefined;
  return kamer ? { kamer, url: kamer === 'I' ? EK_REGISTER : TK_REGISTER } : undefined;
}
