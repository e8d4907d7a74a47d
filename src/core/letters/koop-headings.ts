// Heading levels of a KOOP publication. Numbered headings (`divisie/kop/nr`) take their level from the number,
// because the nesting of `divisie`s is not always consistent ("2.1" can stand beside "2." instead of inside it);
// unnumbered `tussenkop`s are ranked by their typography (vet above vetcur above cur) within one container.
import type { Element } from 'xast';
import { attribute, elements } from './xml';

export const MAX_DEPTH = 6;

/** How many levels a heading number has: `2.` 1, `2.1` 2, `2.1.3.` 3, `A.` 1, `§ 4` 1; 0 for no number. */
export function numberLevels(nr: string | undefined): number {
  const n = (nr ?? '')
    .replace(/^(?:§|art(?:ikel)?\.?|hoofdstuk|paragraaf|afdeling)\s*/i, '')
    .trim()
    .replace(/[.)]+$/, '');
  if (!n) return 0;
  return n.split('.').filter(Boolean).length;
}

/** Where a section stands: the depth of its own heading and of the nearest unnumbered heading above it. */
export interface SectionDepth {
  /** Depth of the innermost heading (1: the stuk's title). */
  current: number;
  /** Depth of the innermost unnumbered heading, from which numbers count (1: the title). */
  unnumbered: number;
}

export const TOP: SectionDepth = { current: 1, unnumbered: 1 };

/**
 * The depth of a `divisie`'s heading numbered `nr` (or unnumbered), inside `outer`: a number counts its levels
 * from the nearest unnumbered heading, never less than one below the section it sits in.
 */
export function divisieDepth(outer: SectionDepth, nr: string | undefined): SectionDepth {
  const levels = numberLevels(nr);
  if (levels === 0) {
    const d = Math.min(outer.current + 1, MAX_DEPTH);
    return { current: d, unnumbered: d };
  }
  const d = Math.min(Math.max(outer.unnumbered + levels, outer.current + 1), MAX_DEPTH);
  return { current: d, unnumbered: outer.unnumbered };
}

const TYPOGRAPHY = ['vet', 'vetcur', 'cur'];

/** The depth of each `tussenkop` among `container`'s children: one level per typography in use, vet first. */
export function tussenkopDepths(container: Element, outer: SectionDepth): Map<Element, number> {
  const koppen = elements(container, 'tussenkop', 'tuskop');
  const styles = [...new Set(koppen.map(style))].sort((a, b) => rank(a) - rank(b));
  return new Map(koppen.map((k) => [k, Math.min(outer.current + 1 + styles.indexOf(style(k)), MAX_DEPTH)]));
}

function style(kop: Element): string {
  return attribute(kop, 'kopopmaak') ?? 'vet';
}

function rank(s: string): number {
  const i = TYPOGRAPHY.indexOf(s);
  return i < 0 ? TYPOGRAPHY.length : i;
}
