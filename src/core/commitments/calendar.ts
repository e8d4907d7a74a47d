// The parliamentary calendar as far as deadlines in letters lean on it: the Tweede Kamer's recesses, Prinsjesdag,
// the Voorjaarsnota, Verantwoordingsdag. The Kamer fixes its recesses year by year; the rules below give the USUAL
// dates (checked against 2023-2025), so a parsed deadline is a fair reading, not the Kamer's own schedule. That is
// why every range keeps the phrase it was read from, and why the analyst can edit it.
//
// Dates here are calendar days as date-fns works with them (local-time Date at midnight); no clock is read.

import { addDays, getDay } from 'date-fns';

export interface Period {
  from: Date;
  to: Date;
}

export type RecessName = 'zomerreces' | 'kerstreces' | 'voorjaarsreces' | 'meireces' | 'herfstreces';

/**
 * The usual recesses, each from its first Friday to the Monday the Kamer sits again:
 * - zomerreces: the first Friday of July until the first Monday of September (2024: 5 Jul - 2 Sep);
 * - kerstreces: the Friday between 16 and 22 December until the Monday 24 days later (2024: 20 Dec - 13 Jan);
 * - voorjaarsreces (krokusreces): the Friday between 13 and 19 February, for ten days (2025: 14 - 24 Feb);
 * - meireces: the Friday between 22 and 28 April until the Monday 17 days later (2025: 25 Apr - 12 May);
 * - herfstreces: the Friday between 15 and 21 October, for ten days (2025: 17 - 27 Oct).
 */
const RECESS_RULES: Record<RecessName, { month: number; firstDay: number; days: number }> = {
  zomerreces: { month: 6, firstDay: 1, days: 0 },
  kerstreces: { month: 11, firstDay: 16, days: 24 },
  voorjaarsreces: { month: 1, firstDay: 13, days: 10 },
  meireces: { month: 3, firstDay: 22, days: 17 },
  herfstreces: { month: 9, firstDay: 15, days: 10 },
};

const FRIDAY = 5;
const MONDAY = 1;
const TUESDAY = 2;
const WEDNESDAY = 3;

/** The first `weekday` (0 = Sunday) on or after day `day` of `month` (0-based) in `year`. */
export function weekdayOnOrAfter(year: number, month: number, day: number, weekday: number): Date {
  const d = new Date(year, month, day);
  return addDays(d, (weekday - getDay(d) + 7) % 7);
}

/** The usual recess `name` that starts in `year` (the kerstreces of 2025 runs into January 2026). */
export function recess(name: RecessName, year: number): Period {
  const rule = RECESS_RULES[name];
  const from = weekdayOnOrAfter(year, rule.month, rule.firstDay, FRIDAY);
  const to = name === 'zomerreces' ? weekdayOnOrAfter(year, 8, 1, MONDAY) : addDays(from, rule.days);
  return { from, to };
}

/** Prinsjesdag, when the budget (Miljoenennota and begrotingen) is presented: the third Tuesday of September. */
export function prinsjesdag(year: number): Date {
  return addDays(weekdayOnOrAfter(year, 8, 1, TUESDAY), 14);
}

/** Verantwoordingsdag (jaarverslagen): the third Wednesday of May. */
export function verantwoordingsdag(year: number): Date {
  return addDays(weekdayOnOrAfter(year, 4, 1, WEDNESDAY), 14);
}

/** The Voorjaarsnota is sent before 1 June (Comptabiliteitswet); usually in April or May. */
export function voorjaarsnotaDeadline(year: number): Date {
  return new Date(year, 4, 31);
}

/** The Najaarsnota is sent before 1 December. */
export function najaarsnotaDeadline(year: number): Date {
  return new Date(year, 10, 30);
}

export type Season = 'voorjaar' | 'zomer' | 'najaar' | 'winter';

/** Meteorological seasons, as "in het najaar" is usually meant: voorjaar March-May, zomer June-August, … */
export function season(name: Season, year: number): Period {
  const start = { voorjaar: 2, zomer: 5, najaar: 8, winter: 11 }[name];
  return { from: new Date(year, start, 1), to: addDays(new Date(year, start + 3, 1), -1) };
}
