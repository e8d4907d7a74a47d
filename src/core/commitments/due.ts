// Deadlines in a commitment's passage ("voor de zomer", "in het eerste kwartaal van 2026", "binnen drie maanden"),
// read as a range of dates relative to the letter's date. date-fns does the calendar arithmetic and gives the Dutch
// month names (its `nl` locale formats and names months; it has no parser for phrases such as "na de zomer", so
// those are our own table below, with the parliamentary calendar of ./calendar).
//
// A phrase without a year means its next occurrence: "voor de zomer" in a letter of October is next year's summer.
// The earliest deadline of the passage wins; a range that ended before the letter is history ("in 2023 is
// besloten"), never a deadline. "zo spoedig mogelijk" and its kind give a vague range.

import { addBusinessDays, addDays, addMonths, addWeeks, endOfMonth, format, isValid, lastDayOfQuarter } from 'date-fns';
import { nl } from 'date-fns/locale';
import type { DueRange } from '../annotations/model';
import {
  najaarsnotaDeadline,
  type Period,
  prinsjesdag,
  recess,
  type RecessName,
  season,
  type Season,
  verantwoordingsdag,
  voorjaarsnotaDeadline,
} from './calendar';

/** A range read from a phrase, before the earliest is chosen. */
interface Reading {
  from?: Date;
  to?: Date;
  vague?: boolean;
  /**
   * A reading that may not be a deadline at all: a bare "voor 2026" is as often "for 2026" ("de middelen voor
   * 2026"). It ranks below every other phrase, vague ones too.
   */
  weak?: boolean;
}

interface Context {
  letter: Date;
  /** The year of a phrase: explicit, "dit jaar", "volgend jaar"; undefined when the phrase names none. */
  yearOf(words: string | undefined): number | undefined;
}

interface Rule {
  re: RegExp;
  read(groups: Record<string, string | undefined>, ctx: Context): Reading | undefined;
}

// Dutch month names from date-fns's locale (januari … december), plus its abbreviations without the dot (mrt, okt).
const MONTHS: Array<{ full: string; short: string }> = Array.from({ length: 12 }, (_, i) => ({
  full: format(new Date(2000, i, 1), 'MMMM', { locale: nl }),
  short: format(new Date(2000, i, 1), 'MMM', { locale: nl }).replace(/\.$/, ''),
}));
// An abbreviation only with its dot ("1 jan. 2026"): "voor Jan de Vries" is no deadline.
const MONTH = `(?<month>(?:${MONTHS.map((m) => m.full).join('|')})\\b|(?:${MONTHS.map((m) => m.short).join('|')})\\.)`;

/** Dutch day names from date-fns's locale ("vrijdag 13 september 2024"). */
const WEEKDAY = `(?:${Array.from({ length: 7 }, (_, i) => format(new Date(2000, 0, 2 + i), 'EEEE', { locale: nl })).join('|')})`;

function monthIndex(word: string): number {
  const w = word.replace(/\.$/, '');
  return MONTHS.findIndex((m) => m.full === w || m.short === w);
}

/** Numbers as written in letters: digits, or words up to twaalf ("een", "één" after normalising: "een"). */
const NUMBER_WORDS: Record<string, number> = {
  een: 1,
  twee: 2,
  drie: 3,
  vier: 4,
  vijf: 5,
  zes: 6,
  zeven: 7,
  acht: 8,
  negen: 9,
  tien: 10,
  elf: 11,
  twaalf: 12,
  veertien: 14,
  twintig: 20,
  dertig: 30,
  enkele: 3,
  'een paar': 3,
  'een aantal': 3,
};
const NUMBER = `(?<n>\\d{1,3}|${Object.keys(NUMBER_WORDS)
  .sort((a, b) => b.length - a.length)
  .join('|')})`;

function numberOf(word: string): number {
  return /^\d+$/.test(word) ? Number(word) : NUMBER_WORDS[word];
}

// Each a whole word: "het nieuwe jaarplan" and "dit jaarverslag" name no year.
const YEAR_WORDS =
  '(?:(?:19|20)\\d{2}|het nieuwe jaar|dit jaar|dit kalenderjaar|volgend jaar|komend jaar|het komende jaar|het volgende jaar|volgende jaar|komende jaar|volgend kalenderjaar)\\b';
/** An optional year after a phrase: "voor de zomer van 2025", "in het voorjaar 2026", "eind van dit jaar". */
const OF_YEAR = `(?:\\s+(?:van\\s+)?(?<year>${YEAR_WORDS}))?`;
const BEFORE = '(?:voor|uiterlijk|ruim voor|nog voor|tot)';

const day = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate());

/**
 * The next occurrence of a yearly period: the first of last year's (a period that runs into January: the kerstreces,
 * the winter), this year's and next year's that has not ended by the letter's date.
 */
function next(ctx: Context, year: number | undefined, period: (y: number) => Period): Period {
  if (year !== undefined) return period(year);
  const y = ctx.letter.getFullYear();
  return [period(y - 1), period(y)].find((p) => p.to >= ctx.letter) ?? period(y + 1);
}

/**
 * The next date of a yearly event on or after the letter's date (last year's event may fall in January: the end of
 * the kerstreces), or in `year`. `after`: strictly after the letter, for "before X" in a letter of X's own day.
 */
function nextDay(ctx: Context, year: number | undefined, at: (y: number) => Date, after = false): Date {
  if (year !== undefined) return at(year);
  const y = ctx.letter.getFullYear();
  const ahead = (d: Date) => (after ? d > ctx.letter : d >= ctx.letter);
  return [at(y - 1), at(y)].find(ahead) ?? at(y + 1);
}

/** The next X that is still to come for "before X": a letter of X's own day means next year's X. */
const nextBefore = (ctx: Context, year: number | undefined, at: (y: number) => Date): Date => nextDay(ctx, year, at, year === undefined);

/** "before X": from the letter's date to the day before X. */
const before = (ctx: Context, x: Date): Reading => ({ from: ctx.letter, to: addDays(x, -1) });
const within = (p: Period): Reading => ({ from: p.from, to: p.to });
const yearPeriod = (y: number): Period => ({ from: new Date(y, 0, 1), to: new Date(y, 11, 31) });
const monthPeriod = (y: number, m: number): Period => ({ from: new Date(y, m, 1), to: endOfMonth(new Date(y, m, 1)) });
const part = (y: number, m0: number, d0: number, m1: number, d1: number): Period => ({ from: new Date(y, m0, d0), to: new Date(y, m1, d1) });

const RECESS = '(?<recess>zomerreces|kerstreces|voorjaarsreces|krokusreces|meireces|herfstreces|zomervakantie|kerstvakantie)';
const recessName = (w: string): RecessName =>
  (({ krokusreces: 'voorjaarsreces', zomervakantie: 'zomerreces', kerstvakantie: 'kerstreces' }) as Record<string, RecessName>)[w] ?? (w as RecessName);

const SEASON = '(?<season>voorjaar|lente|zomer|najaar|herfst|winter)';
const seasonName = (w: string): Season => (({ lente: 'voorjaar', herfst: 'najaar' }) as Record<string, Season>)[w] ?? (w as Season);

const QUARTER = '(?<q>eerste|tweede|derde|vierde|laatste|[1-4]e|[1-4]de)';
const quarterNumber = (w: string): number => ({ eerste: 1, tweede: 2, derde: 3, vierde: 4, laatste: 4 })[w] ?? Number(w[0]);

/** The "after the summer" period: from the end of the zomerreces to the end of November (the autumn's sittings). */
const afterSummer = (y: number): Period => ({ from: recess('zomerreces', y).to, to: new Date(y, 10, 30) });

// The phrase table. Each regular expression reads the normalised passage (lower case, accents off, one space).
const RULES: Rule[] = [
  // Vague: no date, tracked all the same (reference §5.2).
  {
    re: /\b(?:zo spoedig mogelijk|zo snel mogelijk|zo spoedig als (?:dat )?(?:mogelijk|kan)|zo snel als (?:dat )?(?:mogelijk|kan)|spoedig|op korte termijn|binnenkort|de komende periode|in de nabije toekomst|te zijner tijd|t\.z\.t\.|zodra\b[^.;,]*|na afloop van\b[^.;,]*|op een later moment|in een later stadium)/g,
    read: () => ({ vague: true }),
  },
  // Recesses: "voor het zomerreces", "voor het kerstreces van 2025", "na het meireces", "tijdens het herfstreces".
  {
    re: new RegExp(`\\b(?<dir>${BEFORE}|direct na|na|tijdens|in)\\s+(?:het|de)\\s+${RECESS}${OF_YEAR}`, 'g'),
    read: (g, ctx) => {
      const name = recessName(g.recess!);
      const year = ctx.yearOf(g.year);
      if (g.dir === 'tijdens' || g.dir === 'in') return within(next(ctx, year, (y) => recess(name, y)));
      if (g.dir === 'na' || g.dir === 'direct na') {
        const end = nextDay(ctx, year, (y) => recess(name, y).to);
        return { from: end, to: name === 'zomerreces' ? afterSummer(end.getFullYear()).to : addDays(end, 41) };
      }
      return before(
        ctx,
        nextBefore(ctx, year, (y) => recess(name, y).from),
      );
    },
  },
  // The end of a recess: "uiterlijk voor het einde van het zomerreces", "voor het eind van het meireces" (the day the
  // Kamer sits again is the first after it).
  {
    re: new RegExp(`\\b(?:${BEFORE}|aan|tegen)\\s+(?:het\\s+)?eind(?:e)?\\s+van\\s+(?:het|de)\\s+${RECESS}${OF_YEAR}`, 'g'),
    read: (g, ctx) =>
      before(
        ctx,
        nextDay(ctx, ctx.yearOf(g.year), (y) => recess(recessName(g.recess!), y).to, true),
      ),
  },
  // The municipal and provincial fund's circulaires: the meicirculaire at the end of May, the septembercirculaire on
  // Prinsjesdag, the decembercirculaire in December (their usual dates; the ministry fixes them each year).
  {
    re: /\b(?<dir>voor|uiterlijk bij|bij|met|tegelijk met|in)\s+(?:het\s+verschijnen\s+van\s+)?de\s+(?<month>mei|september|december)circulaire(?:\s+(?:gemeentefonds|provinciefonds|gemeente- en provinciefonds))?(?:\s+(?:van\s+)?(?<year>(?:19|20)\d{2}))?/g,
    read: (g, ctx) => {
      const at = (y: number) => (g.month === 'september' ? prinsjesdag(y) : g.month === 'mei' ? new Date(y, 4, 31) : new Date(y, 11, 31));
      const y = g.year ? Number(g.year) : undefined;
      return g.dir === 'voor' ? before(ctx, nextBefore(ctx, y, at)) : { from: ctx.letter, to: nextDay(ctx, y, at) };
    },
  },
  // "voor (de) kerst": before the kerstreces.
  {
    re: /\b(?:voor|uiterlijk|nog voor) (?:de )?kerst(?:mis)?\b/g,
    read: (_g, ctx) =>
      before(
        ctx,
        nextBefore(ctx, undefined, (y) => recess('kerstreces', y).from),
      ),
  },
  // Seasons. "voor de zomer" means before the zomerreces, "na de zomer" the autumn after it; "in het najaar" the season.
  {
    re: new RegExp(
      `\\b(?<dir>${BEFORE}|na|in de loop van|in|tijdens|deze|dit|het komende|de komende|komende?|aankomende?)\\s+(?:(?:het|de)\\s+)?(?:(?:komende|aankomende|volgende)\\s+)?${SEASON}${OF_YEAR}`,
      'g',
    ),
    read: (g, ctx) => {
      const name = seasonName(g.season!);
      const year = ctx.yearOf(g.year);
      const isBefore = new RegExp(`^${BEFORE}$`).test(g.dir!);
      if (name === 'zomer' && g.dir === 'na') return within(next(ctx, year, afterSummer));
      if (name === 'zomer' && isBefore)
        return before(
          ctx,
          nextBefore(ctx, year, (y) => recess('zomerreces', y).from),
        );
      const p = next(ctx, year, (y) => season(name, y));
      if (g.dir === 'na') return { from: addDays(p.to, 1), to: addMonths(p.to, 3) };
      // "voor de winter" in a letter of the winter itself: next winter.
      if (isBefore) return before(ctx, year === undefined && p.from <= ctx.letter ? season(name, p.from.getFullYear() + 1).from : p.from);
      return within(p);
    },
  },
  // Prinsjesdag and the budget: "voor Prinsjesdag", "bij de begroting (2026)", "met de Miljoenennota".
  {
    re: /\b(?<dir>voor|uiterlijk|op|rond|bij|met|tegelijk met)\s+(?:de\s+)?(?<what>prinsjesdag|miljoenennota|(?:ontwerp)?begroting|(?:[a-z]+)begroting)(?:\s+(?:van\s+)?(?<year>(?:19|20)\d{2}))?(?!s?behandeling|sdebat)/g,
    read: (g, ctx) => {
      // The begroting for year Y is presented on Prinsjesdag of Y - 1.
      const y = g.year ? Number(g.year) - 1 : undefined;
      if (g.dir === 'op' && g.what !== 'prinsjesdag') return undefined; // "op de begroting" is where money is, not when
      const at = g.dir === 'voor' ? nextBefore(ctx, y, prinsjesdag) : nextDay(ctx, y, prinsjesdag);
      return g.dir === 'voor' ? before(ctx, at) : { from: ctx.letter, to: at };
    },
  },
  // The budget debates, October to the kerstreces: "voor de begrotingsbehandeling", "voor behandeling van de Defensiebegroting 2026".
  {
    re: /\b(?:voor|uiterlijk bij|bij|tijdig voor)\s+(?:de\s+|het\s+)?(?:(?:[a-z]+)?begrotingsbehandeling|(?:[a-z]+)?begrotingsdebat|behandeling van de (?:[a-z]*)begroting)(?:\s+(?:van\s+)?(?:[a-z]+\s+)?(?<year>(?:19|20)\d{2}))?/g,
    read: (g, ctx) => {
      const y = g.year ? Number(g.year) - 1 : undefined;
      return before(
        ctx,
        nextBefore(ctx, y, (yy) => recess('kerstreces', yy).from),
      );
    },
  },
  // Voorjaarsnota (before 1 June), Najaarsnota (before 1 December), Verantwoordingsdag (third Wednesday of May).
  {
    re: /\b(?:voor|uiterlijk|bij|met|in|rond|op)\s+(?:de\s+|het\s+)?(?<doc>voorjaarsnota|najaarsnota|verantwoordingsdag|jaarverslag|suppletoire begroting)(?:\s+(?:van\s+)?(?<year>(?:19|20)\d{2}))?/g,
    read: (g, ctx) => {
      const at =
        { voorjaarsnota: voorjaarsnotaDeadline, najaarsnota: najaarsnotaDeadline, verantwoordingsdag, jaarverslag: verantwoordingsdag }[
          g.doc as 'voorjaarsnota'
        ] ?? voorjaarsnotaDeadline;
      // The jaarverslag over year Y comes on Verantwoordingsdag of Y + 1.
      const y = g.year ? Number(g.year) + (g.doc === 'jaarverslag' ? 1 : 0) : undefined;
      return { from: ctx.letter, to: nextDay(ctx, y, at) };
    },
  },
  // A day: "voor 1 januari 2025" (the day before), "uiterlijk 1 maart", "per 1 juli 2026", "op 15 mei".
  {
    re: new RegExp(
      `\\b(?<dir>voor|uiterlijk|uiterlijk op|op|per|tot|tot en met|t/m|niet later dan|met ingang van)\\s+(?:${WEEKDAY}\\s+)?(?<d>[0-3]?\\d)\\s+${MONTH}(?:\\s+(?<year>(?:19|20)\\d{2}))?(?!\\s+(?:jl\\b|j\\.l\\.|jongstleden))`,
      'g',
    ),
    read: (g, ctx) => {
      const m = monthIndex(g.month!);
      const d = Number(g.d);
      const year = g.year ? Number(g.year) : undefined;
      const at = g.dir === 'voor' ? nextBefore(ctx, year, (y) => new Date(y, m, d)) : nextDay(ctx, year, (y) => new Date(y, m, d));
      if (!isValid(at) || at.getDate() !== d) return undefined;
      return g.dir === 'voor' ? before(ctx, at) : { from: ctx.letter, to: at };
    },
  },
  // A month: "in maart", "eind maart 2026", "voor maart", "uiterlijk januari 2019", "begin juni", "medio mei".
  {
    re: new RegExp(
      `\\b(?<dir>voor eind|voor het einde van|nog voor|ruim voor|voor|uiterlijk eind|uiterlijk in|uiterlijk|in de loop van|in|eind|einde|begin|medio|half|halverwege|rond|vanaf|na)\\s+${MONTH}(?:\\s+(?<year>(?:19|20)\\d{2}))?`,
      'g',
    ),
    read: (g, ctx) => {
      const m = monthIndex(g.month!);
      const p = next(ctx, g.year ? Number(g.year) : undefined, (y) => monthPeriod(y, m));
      const y = p.from.getFullYear();
      switch (g.dir) {
        case 'voor':
          // "voor januari 2026" is as often "for January 2026" as "before it".
          return { ...before(ctx, p.from), ...(g.year ? { weak: true } : {}) };
        case 'nog voor':
        case 'ruim voor':
          return before(ctx, p.from);
        case 'voor eind':
        case 'voor het einde van':
        case 'uiterlijk':
        case 'uiterlijk in':
        case 'uiterlijk eind':
          return { from: ctx.letter, to: p.to };
        case 'eind':
        case 'einde':
          return { from: new Date(y, m, 16), to: p.to };
        case 'begin':
          return { from: p.from, to: new Date(y, m, 15) };
        case 'medio':
        case 'half':
        case 'halverwege':
          return { from: new Date(y, m, 10), to: new Date(y, m, 20) };
        case 'vanaf':
        case 'na':
          return { from: p.from, to: addMonths(p.to, 1) };
        default:
          return within(p);
      }
    },
  },
  // Half a month: "in de tweede helft van oktober 2013", "de eerste helft van maart".
  {
    re: new RegExp(`\\b(?:in\\s+|voor\\s+|uiterlijk in\\s+)?de\\s+(?<h>eerste|tweede)\\s+helft\\s+van\\s+${MONTH}(?:\\s+(?<year>(?:19|20)\\d{2}))?`, 'g'),
    read: (g, ctx) => {
      const m = monthIndex(g.month!);
      const p = next(ctx, g.year ? Number(g.year) : undefined, (y) => monthPeriod(y, m));
      const y = p.from.getFullYear();
      return g.h === 'eerste' ? { from: p.from, to: new Date(y, m, 15) } : { from: new Date(y, m, 16), to: p.to };
    },
  },
  // Quarters: "in het eerste kwartaal (van 2026)", "Q3 2025", "voor het einde van het tweede kwartaal".
  {
    re: new RegExp(
      `\\b(?:(?<dir>voor het einde van|voor het eind van|uiterlijk in|uiterlijk|in|eind|begin)\\s+)?(?:het\\s+)?${QUARTER}\\s+kwartaal${OF_YEAR}`,
      'g',
    ),
    read: (g, ctx) => {
      const q = quarterNumber(g.q!);
      const p = next(ctx, ctx.yearOf(g.year), (y) => ({ from: new Date(y, (q - 1) * 3, 1), to: lastDayOfQuarter(new Date(y, (q - 1) * 3, 1)) }));
      return g.dir && /voor|uiterlijk/.test(g.dir) ? { from: ctx.letter, to: p.to } : within(p);
    },
  },
  {
    re: /\bq(?<q>[1-4])\s+(?<year>(?:19|20)\d{2})\b/g,
    read: (g) => {
      const y = Number(g.year);
      const start = new Date(y, (Number(g.q) - 1) * 3, 1);
      return { from: start, to: lastDayOfQuarter(start) };
    },
  },
  // Halves: "in de eerste helft van 2026", "in de tweede helft van dit jaar".
  {
    re: new RegExp(`\\b(?:in\\s+|voor het einde van\\s+|uiterlijk in\\s+)?de\\s+(?<h>eerste|tweede)\\s+(?:jaar)?helft${OF_YEAR}`, 'g'),
    read: (g, ctx) => {
      const first = g.h === 'eerste';
      return within(next(ctx, ctx.yearOf(g.year), (y) => (first ? part(y, 0, 1, 5, 30) : part(y, 6, 1, 11, 31))));
    },
  },
  // The end of a year: "eind dit jaar", "eind 2025", "(voor/aan) het eind(e) van het jaar", "uiterlijk eind 2025", "jaareinde".
  {
    re: new RegExp(
      `\\b(?:(?:voor|uiterlijk|tegen|aan|rond|nog voor)\\s+)?(?:het\\s+)?eind(?:e)?\\s+(?:van\\s+)?(?:(?:(?:het|dit)\\s+)?(?:jaar|kalenderjaar)(?:\\s+(?<year>(?:19|20)\\d{2}))?|(?<year2>${YEAR_WORDS}))|\\bvoor (?:het )?jaareinde|\\bvoor de jaarwisseling`,
      'g',
    ),
    read: (g, ctx) => ({ from: ctx.letter, to: next(ctx, ctx.yearOf(g.year ?? g.year2), yearPeriod).to }),
  },
  // The turn of the year: "rond de jaarwisseling", "rond de jaarwisseling 2025-2026".
  {
    re: /\b(?:rond|omstreeks|bij|na) de (?:jaarwisseling|jaarovergang)(?:\s+(?:van\s+)?(?<year>(?:19|20)\d{2}))?/g,
    read: (g, ctx) => within(next(ctx, g.year ? Number(g.year) : undefined, (y) => part(y, 11, 1, 12, 31))),
  },
  // The start and middle of a year: "begin 2025", "begin volgend jaar", "medio 2026", "halverwege dit jaar".
  {
    re: new RegExp(`\\b(?:(?:aan|in)\\s+)?(?:het\\s+)?(?<dir>begin|start|medio|half|halverwege|midden)\\s+(?:van\\s+)?(?:het\\s+)?(?<year>${YEAR_WORDS})`, 'g'),
    read: (g, ctx) => {
      const y = ctx.yearOf(g.year)!;
      return within(/^(?:begin|start)$/.test(g.dir!) ? part(y, 0, 1, 2, 31) : part(y, 4, 1, 7, 31));
    },
  },
  // A whole year: "nog dit jaar", "in 2026", "in de loop van 2026", "volgend jaar", "uiterlijk 2027".
  {
    re: new RegExp(
      `\\b(?<dir>nog voor|ruim voor|uiterlijk voor|nog|in de loop van|in het jaar|in|voor|uiterlijk in|uiterlijk|gedurende|ergens in|later)?\\s*(?<year>${YEAR_WORDS})`,
      'g',
    ),
    read: (g, ctx) => {
      const y = ctx.yearOf(g.year)!;
      // A bare "voor 2026" is as often "for 2026" ("de middelen voor 2026") as "before it"; "nog voor" is "before".
      if (g.dir === 'voor') return { ...before(ctx, new Date(y, 0, 1)), weak: true };
      if (g.dir === 'nog voor' || g.dir === 'ruim voor' || g.dir === 'uiterlijk voor') return before(ctx, new Date(y, 0, 1));
      if (g.dir === 'uiterlijk' || g.dir === 'uiterlijk in') return { from: ctx.letter, to: new Date(y, 11, 31) };
      if (/^(?:19|20)\d{2}$/.test(g.year!) && !g.dir) return undefined; // a bare year is a mention, not a deadline
      return within(yearPeriod(y));
    },
  },
  // Spans: "binnen drie maanden", "binnen twee weken", "binnen een half jaar", "in de komende weken", "over zes weken".
  {
    re: new RegExp(
      `\\b(?<intro>binnen|over|uiterlijk over|in de komende|de komende|in de eerstvolgende|de eerstvolgende|komende)\\s+(?:(?:${NUMBER})\\s+)?(?<half>halve?\\s+|anderhalve?\\s+)?(?<unit>werkdagen|werkdag|dagen|dag|weken|week|maanden|maand|jaar|jaren)\\b|\\bbinnen\\s+(?<half2>een half|anderhalf)\\s+jaar`,
      'g',
    ),
    read: (g, ctx) => {
      if (g.half2) return { from: ctx.letter, to: addMonths(ctx.letter, g.half2 === 'een half' ? 6 : 18) };
      const unit = g.unit!;
      // "over jaren", "binnen dagen": a span without a number is one only after "komende" / "eerstvolgende".
      if (!g.n && !g.half && /(?:en|ren)$/.test(unit) && !/komende|eerstvolgende/.test(g.intro!)) return undefined;
      // Without a number, a plural is read as a usual span: "de komende weken" six weeks, "de komende maanden" six months.
      const n = g.n ? numberOf(g.n) : /(?:en|ren)$/.test(unit) ? (/^jaren/.test(unit) ? 2 : /^dagen|^werkdagen/.test(unit) ? 14 : 6) : 1;
      const half = g.half?.trim();
      let to: Date;
      if (/^werkdag/.test(unit)) to = addBusinessDays(ctx.letter, n);
      else if (/^dag/.test(unit)) to = addDays(ctx.letter, n);
      else if (/^we/.test(unit)) to = addWeeks(ctx.letter, n);
      else if (/^maand/.test(unit)) to = half ? addDays(ctx.letter, half.startsWith('anderhalf') ? 45 : 15) : addMonths(ctx.letter, n);
      else to = addMonths(ctx.letter, half ? (half.startsWith('anderhalf') ? 18 : 6) : 12 * n);
      return { from: ctx.letter, to };
    },
  },
  // "deze maand", "volgende maand", "komende maand".
  {
    re: /\b(?<which>deze|volgende|komende) maand\b/g,
    read: (g, ctx) =>
      within(monthPeriod(addMonths(ctx.letter, g.which === 'deze' ? 0 : 1).getFullYear(), addMonths(ctx.letter, g.which === 'deze' ? 0 : 1).getMonth())),
  },
];

/**
 * Lower case, accents off, non-breaking and other spaces as spaces: every character maps to one, so offsets into
 * the normalised text are offsets into the passage, and the range's text is the passage's own words.
 */
function normalise(text: string): string {
  // ASCII (most passages): lower case and whitespace keep the length as they are.
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase().replace(/\s/g, ' ');
  let out = '';
  for (const ch of text) {
    const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    const c = base.length === ch.length ? base : ch;
    out += /\s/.test(c) ? ' '.repeat(c.length) : c.toLowerCase().length === c.length ? c.toLowerCase() : c;
  }
  return out;
}

function toIso(d: Date): string {
  return format(d, 'yyyy-MM-dd');
}

function parseIsoDay(iso: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return undefined;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return isValid(d) && d.getDate() === Number(m[3]) ? d : undefined;
}

interface Found extends Reading {
  index: number;
  length: number;
}

/**
 * The deadline of a commitment's passage, relative to the letter's date (ISO `yyyy-mm-dd`): the earliest deadline
 * phrase it contains, as `{from, to, text}` with `text` the phrase as written; `{text, vague: true}` when the only
 * phrases name no date ("zo spoedig mogelijk"); undefined when the passage has none or the date is not a date.
 */
export function parseDue(passage: string, letterDate: string): DueRange | undefined {
  const letter = parseIsoDay(letterDate);
  if (!letter) return undefined;
  const text = normalise(passage);
  const ctx: Context = {
    letter,
    yearOf(words) {
      if (!words) return undefined;
      if (/^\d{4}$/.test(words)) return Number(words);
      // "het nieuwe jaar" is next year, unless the letter is of January (the year just begun).
      if (/nieuwe/.test(words)) return letter.getFullYear() + (letter.getMonth() === 0 ? 0 : 1);
      return letter.getFullYear() + (/volgend|komend/.test(words) ? 1 : 0);
    },
  };
  const found: Found[] = [];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (const m of text.matchAll(rule.re)) {
      const phrase = m[0].trim();
      if (!phrase) continue;
      const reading = rule.read(m.groups ?? {}, ctx);
      if (!reading) continue;
      const index = m.index + (m[0].length - m[0].trimStart().length);
      // "vóór" with its accents is "before", never "for".
      if (reading.weak && /v[óò][óò]r/i.test(passage.slice(index, index + phrase.length))) delete reading.weak;
      found.push({ ...reading, index, length: phrase.length });
    }
  }
  const chosen = earliest(found, letter);
  if (!chosen) return undefined;
  const phrase = passage.slice(chosen.index, chosen.index + chosen.length).replace(/\s+/g, ' ');
  if (chosen.vague || !chosen.to) return { text: phrase, vague: true };
  // A period the letter is already in starts at the letter ("nog dit jaar", "in maart" in a letter of 10 March).
  const start = chosen.from && chosen.from < letter && chosen.to >= letter ? letter : chosen.from;
  const from = start && start <= chosen.to ? start : undefined;
  return { ...(from ? { from: toIso(day(from)) } : {}), to: toIso(day(chosen.to)), text: phrase };
}

/**
 * The earliest dated reading still ahead of the letter, else the first vague one, else the earliest weak one ("voor
 * 2026"); a past date is history.
 */
function earliest(found: Found[], letter: Date): Found | undefined {
  // A phrase inside a longer one of the same place ("2026" in "in de loop van 2026") yields to it.
  const kept = found.filter(
    (f) => !found.some((o) => o !== f && !o.vague && o.index <= f.index && o.index + o.length >= f.index + f.length && o.length > f.length),
  );
  const dated = kept.filter((f) => f.to && !f.vague);
  const order = (a: Found, b: Found) => a.to!.getTime() - b.to!.getTime() || a.index - b.index;
  const ahead = dated.filter((f) => f.to! >= letter).sort(order);
  const strong = ahead.find((f) => !f.weak);
  if (strong) return strong;
  return kept.filter((f) => f.vague).sort((a, b) => a.index - b.index)[0] ?? ahead[0];
}

export { toIso as isoDay, parseIsoDay };
