// Tweede Kamer register numbers of oral commitments (toezeggingen): `TZ202504-057` as the register and letters
// write them: `TZ`, the year and month the commitment was registered, a dash and a three-digit serial.
// The only real `TO` number found (`TO3357`, test/fixtures/real passage 24) is an Eerste Kamer T-number written
// with a letter O; that register is not in the Tweede Kamer API, so `TO…` and `T0…` are left alone.
// A wrong id is worse than none, so only the exact shape counts: capitals only, a real year (1990–2099) and month,
// and nothing of an identifier glued on either side (`ABTZ202504-057`, `TZ202504-0571`, `TZ202504-057-A` and a
// product code `TZ2000` are no references).
import { at, isAlnum, isDash, isDigit } from './chars';
import { toezeggingId } from './ids';
import { makeRef } from './match';
import type { CitationRef } from './types';

const SERIAL_DIGITS = 3;

/** A toezegging number at `p` (the caller checked the left boundary), or null. */
export function parseToezegging(s: string, p: number, end: number): CitationRef | null {
  if (s.charCodeAt(p) !== 84 /* T */) return null;
  const second = at(s, p + 1, end);
  if (second !== 90 /* Z */) return null;
  let i = p + 2;
  const digitsFrom = i;
  while (i < end && i - digitsFrom < 6 && isDigit(s.charCodeAt(i))) i++;
  if (i - digitsFrom !== 6 || !isDash(at(s, i, end))) return null;
  i++;
  const serialFrom = i;
  while (i < end && i - serialFrom < SERIAL_DIGITS && isDigit(s.charCodeAt(i))) i++;
  if (i - serialFrom !== SERIAL_DIGITS) return null;
  // Nothing of an identifier goes on: not a further letter or digit, nor a dash with one after it.
  const next = at(s, i, end);
  if (isAlnum(next) || (isDash(next) && isAlnum(at(s, i + 1, end)))) return null;
  const id = toezeggingId(s.slice(p, i));
  if (!id) return null;
  return makeRef(s, 'toezegging', id, p, i, { number: id }, 'id');
}
