// The register as CSV for Dutch Excel: UTF-8 with BOM, `;` separators, CRLF, dates as dd-mm-jjjj (which Dutch
// Excel reads as dates), quoting and formula protection as the tag report does (core/report csvField).

import { csvField } from '../report/csv';
import { commitmentLabels, type CommitmentLanguage } from './labels';
import type { Commitment } from './model';

/** Column keys in order; the header row gives their labels in the report's language. */
export const COMMITMENT_CSV_COLUMNS = [
  'letter',
  'letterPath',
  'letterDate',
  'title',
  'dossier',
  'ministry',
  'id',
  'tag',
  'quote',
  'dueFrom',
  'dueTo',
  'dueText',
  'dueSource',
  'status',
  'overdue',
  'fulfilledBy',
  'fulfilled',
  'fulfilmentNote',
  'refs',
  'note',
] as const;

const HEADERS_NL: Record<(typeof COMMITMENT_CSV_COLUMNS)[number], string> = {
  letter: 'Brief',
  letterPath: 'Bestand',
  letterDate: 'Datum brief',
  title: 'Titel',
  dossier: 'Dossier',
  ministry: 'Ministerie',
  id: 'Id',
  tag: 'Tag',
  quote: 'Passage',
  dueFrom: 'Termijn vanaf',
  dueTo: 'Termijn tot en met',
  dueText: 'Termijn (tekst)',
  dueSource: 'Termijn bron',
  status: 'Status',
  overdue: 'Over tijd',
  fulfilledBy: 'Nagekomen met',
  fulfilled: 'Nagekomen op',
  fulfilmentNote: 'Notitie nakoming',
  refs: 'Verwijzingen',
  note: 'Notitie',
};

const HEADERS_EN: Record<(typeof COMMITMENT_CSV_COLUMNS)[number], string> = {
  letter: 'Letter',
  letterPath: 'File',
  letterDate: 'Letter date',
  title: 'Title',
  dossier: 'Dossier',
  ministry: 'Ministry',
  id: 'Id',
  tag: 'Tag',
  quote: 'Passage',
  dueFrom: 'Due from',
  dueTo: 'Due by',
  dueText: 'Due (text)',
  dueSource: 'Due source',
  status: 'Status',
  overdue: 'Overdue',
  fulfilledBy: 'Fulfilled by',
  fulfilled: 'Fulfilled on',
  fulfilmentNote: 'Fulfilment note',
  refs: 'References',
  note: 'Note',
};

/** `2025-06-30` as `30-06-2025`. */
export function dutchDate(iso: string | undefined): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return m ? `${m[3]}-${m[2]}-${m[1]}` : (iso ?? '');
}

export function commitmentsCsv(list: Commitment[], options: { lang: CommitmentLanguage }): string {
  const l = commitmentLabels(options.lang);
  const headers = options.lang === 'nl' ? HEADERS_NL : HEADERS_EN;
  const date = options.lang === 'nl' ? dutchDate : (iso: string | undefined) => iso ?? '';
  const yes = options.lang === 'nl' ? 'ja' : 'yes';
  const rows = [COMMITMENT_CSV_COLUMNS.map((c) => csvField(headers[c])).join(';')];
  for (const c of list) {
    const a = c.annotation;
    const values: Record<(typeof COMMITMENT_CSV_COLUMNS)[number], string> = {
      letter: c.letter.id ?? '',
      letterPath: c.letter.path,
      letterDate: date(c.letter.date),
      title: c.letter.title ?? '',
      dossier: c.letter.dossier ?? '',
      ministry: c.letter.ministry ?? '',
      id: a.id,
      tag: a.tag,
      quote: a.quote,
      dueFrom: date(c.due?.from),
      dueTo: date(c.due?.to),
      dueText: c.due?.text ?? '',
      dueSource: l.dueSource[c.dueSource],
      status: l.states[c.state],
      overdue: c.overdue ? yes : '',
      fulfilledBy: (a.fulfilledBy ?? []).join(' '),
      fulfilled: date(a.fulfilled),
      fulfilmentNote: a.fulfilmentNote ?? '',
      refs: (a.refs ?? []).join(' '),
      note: a.note ?? '',
    };
    rows.push(COMMITMENT_CSV_COLUMNS.map((k) => csvField(values[k])).join(';'));
  }
  return '\uFEFF' + rows.join('\r\n') + '\r\n';
}
