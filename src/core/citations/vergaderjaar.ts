// Vergaderjaar (parliamentary year): `2022/23`, `2022–2023`, `2022-2023`, `2021/2022`, OCR `1985/- 86`, and a
// multi-year behandeling `1993/94-1996/97`. A vergaderjaar runs from September to September, so its two years are
// consecutive; anything else is kept (for a diagnostic) but marked invalid.
import { at, digitRun, hws, isDash, isDigit, isLetter, stick } from './chars';

export interface Vergaderjaar {
  start: number;
  end: number;
  /** `2022-2023`, or `1993-1994/1996-1997` for a multi-year behandeling. */
  value: string;
  /** First and second (full) year of each part. */
  years: Array<[number, number]>;
  /** Every part runs over two consecutive years. */
  valid: boolean;
}

/** A two-digit year: kamerstukken are numbered since 1945, so `45`–`99` are 19xx and `00`–`44` are 20xx. */
const fullYear = (yy: number): number => (yy >= 45 ? 1900 + yy : 2000 + yy);

/** One `YYYY/YY` part at `i` (with `short`, also `YY/YY`), or null. */
function part(s: string, i: number, end: number, short: boolean): { end: number; y1: number; y2: number } | null {
  const run = digitRun(s, i, end);
  let y1: number;
  if (run === 4) {
    const c0 = s.charCodeAt(i);
    if (c0 !== 49 && c0 !== 50) return null; // 1xxx or 2xxx
    y1 = Number(s.slice(i, i + 4));
  } else if (run === 2 && short) y1 = fullYear(Number(s.slice(i, i + 2)));
  else return null;
  let j = hws(s, i + run, end);
  const sep = at(s, j, end);
  if (sep === 47 /* / */) {
    j++;
    j = hws(s, j, end);
    if (isDash(at(s, j, end))) j = hws(s, j + 1, end); // OCR `1985/- 86`
  } else if (isDash(sep)) j = hws(s, j + 1, end);
  else return null;
  const n = digitRun(s, j, end);
  if (n !== 2 && (n !== 4 || run === 2)) return null;
  const after = at(s, j + n, end);
  // A letter may follow only as the glued `nr.` of officielebekendmakingen's page header (`2019-2020nr. 31`).
  const glued = isLetter(after) && /^nrs?\./.test(s.slice(j + n, j + n + 4));
  if (after >= 0 && ((isLetter(after) && !glued) || (after === 46 /* . */ && isDigit(at(s, j + n + 1, end))))) return null;
  let y2 = Number(s.slice(j, j + n));
  if (n === 2) {
    y2 += Math.floor(y1 / 100) * 100;
    if (y2 < y1 && y1 % 100 === 99) y2 += 100;
  }
  return { end: j + n, y1, y2 };
}

const keyword = /(?:[Vv]ergaderjaar|VERGADERJAAR|[Zz]ittingsjaar|[Zz]itting|ZITTING)(?![\p{L}\p{N}])/uy;

/** The word `vergaderjaar`/`zitting` before a vergaderjaar: returns the position after it, or -1. */
export function vergaderjaarKeyword(s: string, i: number, end: number): number {
  const m = stick(keyword, s, i, end);
  return m ? i + m[0].length : -1;
}

/**
 * Parses a vergaderjaar at `i` (no leading space), or returns null. `short` also accepts two-digit first years
 * (`22/23`, `99/00`), which only a citation label (`Kamerstukken II 22/23`) makes recognisable.
 */
export function parseVergaderjaar(s: string, i: number, end: number, short = false): Vergaderjaar | null {
  const first = part(s, i, end, short);
  if (!first) return null;
  const years: Array<[number, number]> = [[first.y1, first.y2]];
  let stop = first.end;
  // Multi-year behandeling: `1993/94-1996/97`.
  const j = hws(s, stop, end);
  if (isDash(at(s, j, end))) {
    const second = part(s, hws(s, j + 1, end), end, short);
    if (second && second.y1 > first.y1) {
      years.push([second.y1, second.y2]);
      stop = second.end;
    }
  }
  if (isDigit(at(s, stop, end))) return null;
  const value = years.map(([a, b]) => `${a}-${b}`).join('/');
  const valid = years.every(([a, b]) => b === a + 1);
  return { start: i, end: stop, value, years, valid };
}

/** `2022-2023` -> `2022/23` (Leidraad notation); a multi-year value keeps both parts: `1993/94-1996/97`. */
export function leidraadVergaderjaar(value: string): string {
  return value
    .split('/')
    .map((p) => {
      const [a, b] = p.split('-');
      return b && b.length === 4 ? `${a}/${b.slice(2)}` : p;
    })
    .join('-');
}

/** `2010-2011` -> `20102011`, as used in Handelingen and Aanhangsel ids; null for a multi-year value. */
export function compactVergaderjaar(value: string | undefined): string | null {
  if (!value || value.includes('/')) return null;
  const [a, b] = value.split('-');
  return a && b ? a + b : null;
}

/** The vergaderjaar that starts in the first year of `value`: a repair for `2022/24` -> `2022-2023`. */
export function repairVergaderjaar(value: string): string {
  return repairsOfVergaderjaar(value)[0];
}

/**
 * The vergaderjaren an impossible one may have meant: the one starting in its first year, and the one ending in its
 * second (`2022/24` -> `2022-2023`, `2023-2024`). A multi-year value gives the first only.
 */
export function repairsOfVergaderjaar(value: string): string[] {
  const first = Number(value.slice(0, 4));
  const out = [`${first}-${first + 1}`];
  const second = /^\d{4}-(\d{4})$/.exec(value);
  const last = second ? Number(second[1]) : NaN;
  if (Number.isInteger(last) && last - 1 !== first && last > first) out.push(`${last - 1}-${last}`);
  return out;
}
