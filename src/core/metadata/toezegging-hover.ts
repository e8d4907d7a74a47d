// The hover lines of a toezegging: status (an open set: a status the extension does not know is shown as the
// register writes it), the bewindspersoon and ministry, the due date, the debate it was made in and the letters
// that fulfilled it. Every value from the API is escaped by the caller's `escape` (the one of hover.ts).
// Both registers' pages are linked (core/citations/toezegging.ts); an Eerste Kamer T-number has no details here, as
// its register is not in the Tweede Kamer API.
import { toezeggingRegister } from '../citations/toezegging';
import { HOVER_TEMPLATES as T, type Translate } from './hover-text';
import { tweedeKamerUrl } from './ids';
import type { ToezeggingInfo } from './toezegging';

export interface ToezeggingHoverHelpers {
  escape: (text: unknown, max?: number) => string;
  /** A markdown link when the target is allowed, else undefined. */
  link: (label: string, url: string) => string | undefined;
}

/** Known statuses (any case, spaces as written) and their labels; every other value is shown as written. */
const STATUS_LABELS: Record<string, string> = {
  openstaand: T.tzOpen,
  afgedaan: T.tzFulfilled,
  voldaan: T.tzFulfilled,
  'deels afgedaan': T.tzPartlyFulfilled,
  'deels voldaan': T.tzPartlyFulfilled,
  vervallen: T.tzLapsed,
};

/** The label of a register status: localised when known, the register's own word (escaped) otherwise. */
export function toezeggingStatusLabel(status: string, t: Translate, escape: ToezeggingHoverHelpers['escape']): string {
  const known = STATUS_LABELS[status.trim().replace(/\s+/g, ' ').toLowerCase()];
  return known ? t(known) : escape(status, 60);
}

export function toezeggingHoverBlocks(info: ToezeggingInfo, t: Translate, h: ToezeggingHoverHelpers): string[] {
  const e = h.escape;
  const blocks: string[] = [];
  if (info.status) blocks.push(t(T.tzStatus, `**${toezeggingStatusLabel(info.status, t, e)}**`));
  const who: string[] = [];
  if (info.bewindspersoon) {
    const p = info.bewindspersoon;
    who.push(t(T.tzMadeBy, e(p.naam, 80) + (p.functie ? ` \\(${e(p.functie, 120)}\\)` : '')));
  }
  if (info.ministerie) who.push(t(T.tzMinistry, e(info.ministerie, 120)));
  if (info.termijn) who.push(t(T.tzDue, e(info.termijn, 20)));
  if (who.length) blocks.push(who.join('  \n'));
  const d = info.debat;
  if (d) {
    const what = [d.soort && e(d.soort, 60), d.onderwerp && e(d.onderwerp, 200), d.datum && e(d.datum, 20), d.nummer && e(d.nummer, 20)].filter(Boolean);
    if (what.length) blocks.push(t(T.tzMadeIn, what.join(' · ')));
  }
  if (info.nagekomenIn?.length) {
    const letters = info.nagekomenIn.slice(0, 5).map((l) => {
      const label = h.link(l.documentnummer, tweedeKamerUrl(l.documentnummer, undefined, undefined)) ?? e(l.documentnummer, 20);
      const extra = [l.onderwerp && e(l.onderwerp, 160), l.datum && e(l.datum, 20)].filter(Boolean);
      return extra.length ? `${label} \\(${extra.join(', ')}\\)` : label;
    });
    blocks.push(t(T.tzFulfilledIn, letters.join('; ')));
  }
  return blocks;
}

/** The kind line of a toezegging's hover: `Eerste Kamer toezegging` for a T-number, else the plain kind. */
export function toezeggingKindLabel(id: string, t: Translate): string {
  return toezeggingRegister(id)?.kamer === 'I' ? t(T.kindToezeggingEk) : t(T.kindToezegging);
}

/** The link to the register that holds the toezegging `id` (label and address), or undefined for any other id. */
export function toezeggingRegisterLink(id: string, t: Translate): { label: string; url: string } | undefined {
  const r = toezeggingRegister(id);
  return r && { label: t(r.kamer === 'I' ? T.linkTzRegisterEk : T.linkTzRegisterTk), url: r.url };
}

/**
 * What a hover says of a toezegging no source knows: for an Eerste Kamer T-number the kind and that its register is
 * not in the API (whether online or not: there is nothing to ask); for a Tweede Kamer number, undefined (the
 * caller's own not-found or offline line).
 */
export function unresolvedToezeggingLines(id: string, t: Translate, escape: ToezeggingHoverHelpers['escape']): string[] | undefined {
  if (toezeggingRegister(id)?.kamer !== 'I') return undefined;
  return [t(T.kindToezeggingEk), t(T.tzEersteKamer, escape(id, 60))];
}
