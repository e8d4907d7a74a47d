// Canonical ids (DESIGN.md): what the CLI prints, tests compare and the metadata resolver looks up.
import type { Kamer } from './types';
import { compactVergaderjaar } from './vergaderjaar';

export function kamerstukId(dossier: string, toevoeging: string | undefined, ondernummer: string): string {
  return `kst-${dossier}${toevoeging ? '-' + toevoeging.toUpperCase() : ''}-${ondernummer}`;
}

export function dossierId(dossier: string, toevoeging?: string): string {
  return `dossier-${dossier}${toevoeging ? '-' + toevoeging.toUpperCase() : ''}`;
}

const kamerCode = (k: Kamer | undefined): 'tk' | 'ek' => (k === 'I' ? 'ek' : 'tk');

/** `h-tk-20102011-108-5`, or null without vergaderjaar or item (pre-2011 Handelingen are cited by page). */
export function handelingenId(kamer: Kamer | undefined, vergaderjaar: string | undefined, vergadering: string, item: string | undefined): string | null {
  const vj = compactVergaderjaar(vergaderjaar);
  return vj && item ? `h-${kamerCode(kamer)}-${vj}-${vergadering}-${item}` : null;
}

/** `ah-tk-20142015-1241`, or null without vergaderjaar. */
export function aanhangselId(kamer: Kamer | undefined, vergaderjaar: string | undefined, nr: string): string | null {
  const vj = compactVergaderjaar(vergaderjaar);
  return vj ? `ah-${kamerCode(kamer)}-${vj}-${nr}` : null;
}

export const staatsbladId = (year: string, nr: string): string => `stb-${year}-${nr}`;
/**
 * The canonical form of a toezegging number: a Tweede Kamer `TZ202504-057` (upper case, a plain dash) or an Eerste
 * Kamer `T01237`; undefined for anything else.
 */
export function toezeggingId(raw: string): string | undefined {
  const m = /^(TZ)((?:199|20\d)\d)(0[1-9]|1[0-2])[-\u2010-\u2015\u2212](\d{3})$/i.exec(raw.trim());
  if (m) return `${m[1].toUpperCase()}${m[2]}${m[3]}-${m[4]}`;
  // The Eerste Kamer register numbers its toezeggingen `T` and five digits (`T01237`, eerstekamer.nl rappel pages).
  const ek = /^T(\d{5})$/i.exec(raw.trim());
  return ek ? `T${ek[1]}` : undefined;
}

/** The Kamer whose register a toezegging id belongs to: `I` for an Eerste Kamer T-number, `II` for a TZ number. */
export function toezeggingKamer(id: string): Kamer | undefined {
  return /^TZ/.test(id) ? 'II' : /^T\d{5}$/.test(id) ? 'I' : undefined;
}

export const staatscourantId = (year: string, nr: string): string => `stcrt-${year}-${nr}`;

/** Kamer as written: `II`, `TK`, `T.K.`, `Tweede Kamer` -> `II`; `I`, `EK`, `Eerste Kamer` -> `I`. */
export function kamerOf(word: string): Kamer | undefined {
  const w = word.replace(/[.\s\u00A0\u202F]/g, '').toLowerCase();
  if (w === 'ii' || w === 'tk' || w === 'tweedekamer' || w === '2') return 'II';
  if (w === 'i' || w === 'ek' || w === 'eerstekamer' || w === '1') return 'I';
  return undefined;
}
