import { strict as assert } from 'node:assert';
import { parse as parseCsv } from 'csv-parse/sync';
import ICAL from 'ical.js';
import type { Annotation } from '../../../src/core/annotations/model';
import { collectCommitments, commitmentsAs, foldLine, type CommitmentLetter } from '../../../src/core/commitments';

const TRICKY =
  'Wij sturen; "zo" snel, als\\ kan —\nuiterlijk voor de zomer een brief over de ëxtra maatregelen 🇳🇱 aan de Kamer, met een bijlage die lang genoeg is om te vouwen.';

function ann(id: string, quote: string, extra: Partial<Annotation> = {}): Annotation {
  return { id, tag: 'commitment', quote, prefix: '', suffix: '', start: 0, end: quote.length, ...extra };
}

const LETTERS: CommitmentLetter[] = [
  {
    path: 'letters/kst-29754-716.md',
    id: 'kst-29754-716',
    title: 'Stand van zaken',
    date: '2025-03-10',
    dossier: '29754',
    ministry: 'Justitie en Veiligheid',
    text: '',
    annotations: [
      ann('a1b2c3d4e5', TRICKY, { note: 'let op; komma, "quote"' }),
      ann('b1b2c3d4e5', 'Ik informeer u in het najaar van 2025.', { fulfilment: 'fulfilled', fulfilledBy: ['kst-29754-720'], fulfilled: '2025-10-02' }),
      ann('c1b2c3d4e5', '=SOM(A1) zo spoedig mogelijk'),
    ],
  },
];
const TODAY = '2025-08-01';
const list = () => collectCommitments(LETTERS, { today: TODAY });

describe('commitments as CSV for Dutch Excel (read back with csv-parse)', () => {
  const csv = commitmentsAs(list(), 'csv', { lang: 'nl', today: TODAY });
  const rows = parseCsv(csv, { delimiter: ';', bom: true, columns: true, record_delimiter: '\r\n', relax_quotes: false }) as Record<string, string>[];

  it('BOM, semicolons, CRLF between records (a line break inside a field is kept)', () => {
    assert.ok(csv.startsWith('\uFEFFBrief;Bestand;Datum brief;'));
    assert.ok(csv.endsWith('\r\n'));
    assert.equal(rows.length, 3);
  });

  it('every value read back as written, with Dutch dates (dd-mm-jjjj) and Dutch states', () => {
    const [overdue, fulfilled, vague] = rows;
    assert.equal(overdue['Passage'], TRICKY);
    assert.equal(overdue['Notitie'], 'let op; komma, "quote"');
    assert.equal(overdue['Termijn tot en met'], '03-07-2025');
    assert.equal(overdue['Termijn vanaf'], '10-03-2025');
    assert.equal(overdue['Termijn (tekst)'], 'voor de zomer');
    assert.equal(overdue['Over tijd'], 'ja');
    assert.equal(overdue['Status'], 'open');
    assert.equal(overdue['Datum brief'], '10-03-2025');
    assert.equal(overdue['Ministerie'], 'Justitie en Veiligheid');
    assert.equal(fulfilled['Status'], 'nagekomen');
    assert.equal(fulfilled['Nagekomen met'], 'kst-29754-720');
    assert.equal(fulfilled['Nagekomen op'], '02-10-2025');
    assert.equal(fulfilled['Over tijd'], '');
    assert.equal(vague['Termijn tot en met'], '');
    assert.equal(vague['Termijn (tekst)'], 'zo spoedig mogelijk');
  });

  it('a passage that looks like a formula is never one', () => {
    assert.equal(rows[2]['Passage'], "'=SOM(A1) zo spoedig mogelijk");
  });

  it('English headers and ISO dates with --lang en', () => {
    const en = parseCsv(commitmentsAs(list(), 'csv', { lang: 'en', today: TODAY }), { delimiter: ';', bom: true, columns: true }) as Record<string, string>[];
    assert.equal(en[0]['Due by'], '2025-07-03');
    assert.equal(en[1]['Status'], 'fulfilled');
  });
});

describe('commitments as an ICS calendar (read back with ical.js)', () => {
  const ics = commitmentsAs(list(), 'ics', { lang: 'nl', today: TODAY });
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const events = calendar.getAllSubcomponents('vevent');

  it('a VCALENDAR with one all-day VEVENT per dated commitment (the vague one has no date, so no event)', () => {
    assert.equal(calendar.name, 'vcalendar');
    assert.equal(calendar.getFirstPropertyValue('version'), '2.0');
    assert.equal(events.length, 2);
    const first = new ICAL.Event(events[0]);
    assert.equal(first.startDate.isDate, true);
    assert.equal(first.startDate.toString(), '2025-07-03');
    assert.equal(first.endDate.toString(), '2025-07-04');
    assert.equal(new ICAL.Event(events[1]).startDate.toString(), '2025-11-30');
  });

  it('text escaped and unfolded back to what was written', () => {
    const first = new ICAL.Event(events[0]);
    assert.ok(first.description.includes(TRICKY), first.description);
    assert.ok(first.description.includes('let op; komma, "quote"'));
    assert.match(first.summary, /^Termijn toezegging: Wij sturen; "zo" snel, als\\ kan/);
  });

  it('lines are at most 75 octets, end with CRLF, and are folded outside UTF-8 characters', () => {
    const lines = ics.split('\r\n');
    assert.equal(lines.pop(), '');
    for (const line of lines) assert.ok(Buffer.byteLength(line, 'utf8') <= 75, line);
    assert.ok(
      lines.some((l) => l.startsWith(' ')),
      'something was folded',
    );
    assert.ok(!ics.replace(/\r\n/g, '').includes('\n'));
    const folded = foldLine('DESCRIPTION:' + 'ë'.repeat(100));
    assert.equal(folded.split('\r\n ').join(''), 'DESCRIPTION:' + 'ë'.repeat(100));
    for (const part of folded.split('\r\n')) assert.ok(Buffer.byteLength(part) <= 75 && !part.includes('\uFFFD'));
  });

  it('the UID is stable per annotation: the same on another day, different per annotation', () => {
    const again = new ICAL.Component(ICAL.parse(commitmentsAs(list(), 'ics', { lang: 'en', today: '2026-01-01' })));
    const uids = (c: ICAL.Component) => c.getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('uid'));
    assert.deepEqual(uids(again), uids(calendar));
    assert.equal(new Set(uids(calendar)).size, 2);
    assert.match(String(uids(calendar)[0]), /^a1b2c3d4e5\.kst-29754-716@/);
  });

  it('a fulfilled commitment is CONFIRMED, an open one TENTATIVE', () => {
    assert.deepEqual(
      events.map((e) => e.getFirstPropertyValue('status')),
      ['TENTATIVE', 'CONFIRMED'],
    );
  });
});

describe('commitments as markdown and JSON', () => {
  it('markdown: counts, groups by due month, the passage quoted, overdue marked', () => {
    const md = commitmentsAs(list(), 'md', { lang: 'en', today: TODAY });
    assert.match(md, /^# Commitments\n\n3 commitments, 2 open, 1 overdue \(1 August 2025\)\./);
    assert.ok(md.includes('## July 2025\n\n- **3 July 2025** ("voor de zomer"): open, **overdue**. [kst-29754-716]'), md);
    assert.ok(md.includes('- **No date (vague)** ("zo spoedig mogelijk"): open.'), md);
    assert.ok(md.indexOf('## July 2025') < md.indexOf('## November 2025'));
    assert.ok(md.includes('  - Fulfilled by: kst-29754-720 (2 October 2025)'));
    assert.ok(md.includes('[kst-29754-716](letters/kst-29754-716.md)'));
  });

  it('JSON: one object per commitment with ISO dates and state', () => {
    const data = JSON.parse(commitmentsAs(list(), 'json', { lang: 'en', today: TODAY })) as { today: string; commitments: Record<string, unknown>[] };
    assert.equal(data.today, TODAY);
    assert.deepEqual(
      data.commitments.map((c) => [c.id, (c.due as { to?: string } | null)?.to, c.state, c.overdue]),
      [
        ['a1b2c3d4e5', '2025-07-03', 'open', true],
        ['b1b2c3d4e5', '2025-11-30', 'fulfilled', false],
        ['c1b2c3d4e5', undefined, 'open', false],
      ],
    );
  });
});
