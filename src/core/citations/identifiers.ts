// Publication ids as written in text or URLs (`kst-29754-716`, `kst-36200-VI-45`, `kst-35925-E`,
// `h-tk-20102011-108-5`, `ah-tk-20142015-1241`, `stb-2022-524`, `stcrt-2019-64418`) and Tweede Kamer numbers
// (`2024D25640` document, `2024Z10806` zaak).
import { at, isAlnum, isDash, stick } from './chars';
import { isToevoegingWord, parseRomanDossier } from './dossier';

const isDigitChar = (t: string): boolean => t.charCodeAt(0) >= 48 && t.charCodeAt(0) <= 57;
import { cleanParts, makeRef } from './match';
import type { CitationParts, CitationRef, Kamer } from './types';

// A dossier number, or an Eerste Kamer Roman one (`kst-CXXIV-G`; officielebekendmakingen writes it lower case in URLs).
const kstRe = /[Kk][Ss][Tt]-(\d{4,6}|[Cc][CcLlXxVvIi]{1,8}(?=-))((?:-[A-Za-z0-9]{1,8}){1,3})/y;
const handRe = /([Aa]?[Hh])-([Tt][Kk]|[Ee][Kk])-(\d{8})-(\d{1,5})(?:-(\d{1,5}))?(-n\d{1,2})?/y;
const stbRe = /([Ss][Tt][Bb]|[Ss][Tt][Cc][Rr][Tt])-(\d{4})-(\d{1,7})(-b\d{1,3})?/y;
const tkNumberRe = /((?:19|20)\d{2})([DZ])(\d{5})/y;

/** Not followed by more of an identifier (`kst-29754-716.html` ends at the dot; `-716x` does not match). */
function endsHere(s: string, i: number, end: number): boolean {
  const c = at(s, i, end);
  if (c < 0) return true;
  if (isAlnum(c)) return false;
  return !(isDash(c) && isAlnum(at(s, i + 1, end)));
}

function vjOf(eight: string): string {
  return `${eight.slice(0, 4)}-${eight.slice(4)}`;
}

/** An id at `p` (the caller checked the left boundary). Returns the reference or null. */
export function parseIdentifier(s: string, p: number, end: number): CitationRef | null {
  const c = s.charCodeAt(p) | 0x20;
  if (c === 0x6b /* k */) {
    const m = stick(kstRe, s, p, end);
    if (!m) return null;
    const stop = p + m[0].length;
    if (!endsHere(s, stop, end)) return null;
    // The last segment is the ondernummer, the ones before it the toevoeging.
    const roman = !isDigitChar(m[1]);
    const dossier = roman ? m[1].toUpperCase() : m[1];
    if (roman && !parseRomanDossier(dossier, 0, dossier.length)) return null;
    const segs = (roman ? m[2].toUpperCase() : m[2]).slice(1).split('-');
    const onder = segs[segs.length - 1];
    const toev = segs.length > 1 ? segs.slice(0, -1).join('-').toUpperCase() : undefined;
    if (!/^(?:[1-9]\d{0,4}[a-z]?|[A-Z]{1,3})$/.test(onder)) return null;
    if (toev && !(isToevoegingWord(toev) || /^\d{2}$/.test(toev))) return null;
    if (roman && (toev || !/^[A-Z]{1,3}$/.test(onder))) return null;
    const parts: CitationParts = cleanParts({ dossier, toevoeging: toev, ondernummer: onder });
    const id = `kst-${dossier}${toev ? '-' + toev : ''}-${onder}`;
    return makeRef(s, 'kamerstuk', id, p, stop, parts, 'id');
  }
  if (c === 0x68 /* h */ || c === 0x61 /* a */) {
    const m = stick(handRe, s, p, end);
    if (!m || !endsHere(s, p + m[0].length, end)) return null;
    const aanhangsel = m[1].length === 2;
    const kamer: Kamer = m[2].toLowerCase() === 'ek' ? 'I' : 'II';
    const code = kamer === 'I' ? 'ek' : 'tk';
    if (aanhangsel) {
      if (m[5] || m[6]) return null;
      const parts = cleanParts({ kamer, vergaderjaar: vjOf(m[3]), number: m[4] });
      return makeRef(s, 'aanhangsel', `ah-${code}-${m[3]}-${m[4]}`, p, p + m[0].length, parts, 'id');
    }
    if (!m[5]) return null;
    const parts = cleanParts({ kamer, vergaderjaar: vjOf(m[3]), vergadering: m[4], item: m[5] });
    return makeRef(s, 'handelingen', `h-${code}-${m[3]}-${m[4]}-${m[5]}${m[6] ?? ''}`, p, p + m[0].length, parts, 'id');
  }
  if (c === 0x73 /* s */) {
    const m = stick(stbRe, s, p, end);
    if (!m || !endsHere(s, p + m[0].length, end)) return null;
    const stb = m[1].length === 3;
    const parts = cleanParts({ year: m[2], number: m[3] });
    const id = `${stb ? 'stb' : 'stcrt'}-${m[2]}-${m[3]}${m[4] ?? ''}`;
    return makeRef(s, stb ? 'staatsblad' : 'staatscourant', id, p, p + m[0].length, parts, 'id');
  }
  return null;
}

/** A Tweede Kamer document (`2024D25640`) or zaak (`2024Z10806`) number at `p`. */
export function parseTkNumber(s: string, p: number, end: number): CitationRef | null {
  const c = at(s, p + 4, end);
  if (c !== 68 && c !== 90) return null; // D or Z after four digits
  const m = stick(tkNumberRe, s, p, end);
  if (!m) return null;
  const stop = p + m[0].length;
  if (isAlnum(at(s, stop, end))) return null;
  const zaak = m[2] === 'Z';
  return makeRef(s, zaak ? 'tk-zaak' : 'tk-document', m[0], p, stop, { number: m[0] }, 'id');
}

export function tkNumberIn(text: string): RegExpMatchArray | null {
  return text.match(/(?<![A-Za-z0-9])(?:19|20)\d{2}[DZ]\d{5}(?![A-Za-z0-9])/);
}
