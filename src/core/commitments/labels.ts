// The words of the register's reports and groups, in English and Dutch (like the reading view's labels: a report
// is written in one language chosen by the caller, so these are no l10n bundle strings).

import { format } from 'date-fns';
import { enGB, nl } from 'date-fns/locale';
import type { CommitmentState } from './model';
import { parseIsoDay } from './due';

export type CommitmentLanguage = 'en' | 'nl';

export interface CommitmentLabels {
  title: string;
  states: Record<CommitmentState, string>;
  overdue: string;
  noDue: string;
  vague: string;
  noMinistry: string;
  noDossier: string;
  due: string;
  letter: string;
  ministry: string;
  dossier: string;
  status: string;
  passage: string;
  fulfilledBy: string;
  fulfilled: string;
  note: string;
  none: string;
  counts: (total: number, open: number, overdue: number) => string;
  dueSource: { stored: string; parsed: string; none: string };
  /** The ICS event's summary prefix. */
  eventPrefix: string;
}

const EN: CommitmentLabels = {
  title: 'Commitments',
  states: { open: 'open', partly: 'partly fulfilled', fulfilled: 'fulfilled', dropped: 'dropped' },
  overdue: 'overdue',
  noDue: 'No deadline',
  vague: 'No date (vague)',
  noMinistry: 'No ministry',
  noDossier: 'No dossier',
  due: 'Due',
  letter: 'Letter',
  ministry: 'Ministry',
  dossier: 'Dossier',
  status: 'Status',
  passage: 'Passage',
  fulfilledBy: 'Fulfilled by',
  fulfilled: 'Fulfilled on',
  note: 'Note',
  none: '-',
  counts: (total, open, overdue) => `${total} ${total === 1 ? 'commitment' : 'commitments'}, ${open} open, ${overdue} overdue`,
  dueSource: { stored: 'set', parsed: 'read from the text', none: '' },
  eventPrefix: 'Commitment due',
};

const NL: CommitmentLabels = {
  title: 'Toezeggingen',
  states: { open: 'open', partly: 'deels nagekomen', fulfilled: 'nagekomen', dropped: 'vervallen' },
  overdue: 'over tijd',
  noDue: 'Geen termijn',
  vague: 'Geen datum (vaag)',
  noMinistry: 'Geen ministerie',
  noDossier: 'Geen dossier',
  due: 'Termijn',
  letter: 'Brief',
  ministry: 'Ministerie',
  dossier: 'Dossier',
  status: 'Status',
  passage: 'Passage',
  fulfilledBy: 'Nagekomen met',
  fulfilled: 'Nagekomen op',
  note: 'Notitie',
  none: '-',
  counts: (total, open, overdue) => `${total} ${total === 1 ? 'toezegging' : 'toezeggingen'}, ${open} open, ${overdue} over tijd`,
  dueSource: { stored: 'vastgelegd', parsed: 'uit de tekst gelezen', none: '' },
  eventPrefix: 'Termijn toezegging',
};

export function commitmentLabels(lang: CommitmentLanguage): CommitmentLabels {
  return lang === 'nl' ? NL : EN;
}

/** `2025-06-30` as `30 juni 2025` / `30 June 2025`; other text as it is. */
export function longDate(iso: string, lang: CommitmentLanguage): string {
  const d = parseIsoDay(iso);
  return d ? format(d, 'd MMMM yyyy', { locale: lang === 'nl' ? nl : enGB }) : iso;
}

/** `2025-06` as `juni 2025` / `June 2025`. */
export function monthLabel(yearMonth: string, lang: CommitmentLanguage): string {
  const d = parseIsoDay(`${yearMonth}-01`);
  return d ? format(d, 'MMMM yyyy', { locale: lang === 'nl' ? nl : enGB }) : yearMonth;
}

/** A range for people: `30 juni 2025`, `1 september - 30 november 2025`, or the vague label. */
export function dueLabel(due: { from?: string; to?: string; vague?: boolean } | undefined, lang: CommitmentLanguage): string {
  const l = commitmentLabels(lang);
  if (!due) return l.noDue;
  if (due.vague || !due.to) return l.vague;
  if (!due.from || due.from === due.to) return longDate(due.to, lang);
  return `${longDate(due.from, lang)} - ${longDate(due.to, lang)}`;
}
