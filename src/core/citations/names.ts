// Names of Kamerleden as they appear after `motie`: `Van Haga`, `Remco Dijkstra`, `Van der Lee`, `El Abassi`,
// `Yeşilgöz-Zegerius`, `in 't Veld`, and in capitals in headings (`SJOERDSMA`, `VAN DER LEE`).
import { at, isHSpace, isLetter, isLower, isUpper } from './chars';
import { lineBreakEnd } from './dossier';

const particles = new Set([
  'van',
  'de',
  'der',
  'den',
  'het',
  'ter',
  'ten',
  'te',
  "'t",
  'in',
  'op',
  'la',
  'le',
  'du',
  'da',
  'di',
  'del',
  'von',
  'zu',
  'vande',
  'vander',
]);

/** Capitalised words that are never the (first) word of a name in this position. */
// prettier-ignore
const stopwords = new Set([
  'Kamer', 'Tweede', 'Eerste', 'Kamerstuk', 'Kamerstukken', 'Handelingen', 'De', 'Het', 'Een', 'Dit', 'Deze', 'Die', 'Dat',
  'Daarin', 'Daarom', 'Daarnaast', 'Hierin', 'Hierbij', 'Zij', 'Hij', 'Ik', 'Wij', 'We', 'U', 'Uw', 'Ook', 'Er', 'En', 'Maar',
  'Nr', 'Over', 'Zie', 'Met', 'Voor', 'Als', 'Bij', 'Tot', 'Om', 'Na', 'Door', 'Aan', 'Uit', 'In', 'Op', 'Wordt', 'Werd',
  'Is', 'Was', 'Heeft', 'Verzoekt', 'Regering', 'Minister', 'Staatssecretaris', 'Motie', 'Moties', 'Wel', 'Niet', 'Nog',
  'Zo', 'Toen', 'Waarin', 'Welke', 'Wat', 'Wie', 'Hoe', 'Ten', 'Sinds', 'Inzake', 'Betreffende', 'Conform', 'Gelet',
  'OVER', 'EN', 'INZAKE', 'OM', 'NR', 'VOORGESTELD', 'GEWIJZIGDE', 'MOTIE', 'MOTIES', 'TER', 'TEN', 'DIE', 'HET', 'LID',
  'LEDEN', 'VAN', 'DE', 'C', 'S',
]);

/** A word at `i`: letters joined by inner apostrophes or hyphens (`Yeşilgöz-Zegerius`, `D'Hondt`, `'t`). */
function wordEnd(s: string, i: number, end: number): number {
  let j = i;
  if (at(s, j, end) === 39 || at(s, j, end) === 0x2019) j++; // `'t`
  const first = j;
  while (j < end) {
    const c = s.charCodeAt(j);
    if (isLetter(c)) j++;
    else if ((c === 45 || c === 39 || c === 0x2019) && j > first && isLetter(at(s, j + 1, end))) j++;
    else break;
  }
  return j > first ? j : -1;
}

function isCore(word: string, caps: boolean): boolean {
  if (stopwords.has(word)) return false;
  const c0 = word.charCodeAt(0);
  if (!isUpper(c0)) return false;
  if (caps) {
    if (word.length < 2) return false;
    for (let k = 1; k < word.length; k++) if (isLower(word.charCodeAt(k))) return false;
    return true;
  }
  // Capitalised, not all capitals (an acronym such as `NCTV` is no name), at least two letters.
  if (word.length < 2) return false;
  for (let k = 1; k < word.length; k++) if (isLower(word.charCodeAt(k))) return true;
  return false;
}

/**
 * Initials before a name (`M.B. Vos`, `J.Z.C.M. Tellegen`, `A.H.Kuik`): one to five capitals each with its full
 * stop, then at most one space; their length, or 0 when no name could follow.
 */
function initialsLength(s: string, i: number, end: number): number {
  let j = i;
  for (let n = 0; n < 5 && isUpper(at(s, j, end)) && at(s, j + 1, end) === 46; n++) j += 2;
  if (j === i) return 0;
  if (isHSpace(at(s, j, end))) j++;
  return isUpper(at(s, j, end)) || isLower(at(s, j, end)) ? j - i : 0;
}

/**
 * Reads one name at `i` and returns its end, or -1. A name is particles followed by one or more capitalised
 * words, words separated by a single space; at most six words.
 */
export function readName(s: string, i: number, end: number, caps: boolean): number {
  let j = i + initialsLength(s, i, end);
  let last = -1;
  let pendingParticle = false;
  for (let n = 0; n < 6; n++) {
    const e = wordEnd(s, j, end);
    if (e < 0) break;
    const word = s.slice(j, e);
    const lower = word.toLowerCase().replace(/\u2019/g, "'");
    const particleCase = caps ? word === word.toUpperCase() : n === 0 || lower === word || last < 0;
    if (particles.has(lower) && particleCase && !(caps && lower === 'ter' && /^\s*VERVANGING/.test(s.slice(e, e + 12)))) {
      pendingParticle = true;
    } else if (isCore(word, caps)) {
      last = e;
      pendingParticle = false;
    } else break;
    // Next word after exactly one space; after a particle also after a line break (`Van der` / `Lee`), as a name
    // cannot end on a particle.
    if (isHSpace(at(s, e, end)) && !isHSpace(at(s, e + 1, end))) j = e + 1;
    else if (pendingParticle && lineBreakEnd(s, e, end) > 0) j = lineBreakEnd(s, e, end);
    else break;
  }
  return pendingParticle && last < 0 ? -1 : last;
}
