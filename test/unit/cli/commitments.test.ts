import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { AnnotationStore } from '../../../src/core/annotations/store';
import { runCli, sampleWorkspace } from '../annotations/helpers';

const LETTER_720 = `---
kamerstuk: kst-29754-720
datum: 2025-03-10
dossier: 29754
titel: Voortgang screening
ondertekenaars:
  - naam: D. van Weel
    functie: minister van Justitie en Veiligheid
    relatie: Eerste ondertekenaar
---

Den Haag, 10 maart 2025

Ik stuur uw Kamer voor de zomer een brief over de pilot.

In het najaar van 2024 informeerde ik u over de evaluatie, die binnen drie weken verschijnt.

Wij ronden de verkenning af bij de begroting.
`;

function annotations(): string {
  const store = AnnotationStore.create({ id: 'kst-29754-720', path: 'kst-29754-720.md' });
  const add = (id: string, quote: string, extra: object = {}) => {
    const start = LETTER_720.indexOf(quote);
    store.add({ id, tag: 'commitment', quote, prefix: '', suffix: '', start, end: start + quote.length, ...extra });
  };
  add('aaaaaaaaa1', 'Ik stuur uw Kamer voor de zomer een brief over de pilot.');
  add('aaaaaaaaa2', 'die binnen drie weken verschijnt', { fulfilment: 'fulfilled', fulfilledBy: ['kst-29754-725'], fulfilled: '2025-03-28' });
  add('aaaaaaaaa3', 'Wij ronden de verkenning af bij de begroting.', { due: { to: '2025-06-01', text: 'juni (afgesproken in het debat)' } });
  store.add({
    id: 'mmmmmmmmm1',
    tag: 'measure',
    quote: 'Den Haag',
    prefix: '',
    suffix: '',
    start: LETTER_720.indexOf('Den Haag'),
    end: LETTER_720.indexOf('Den Haag') + 8,
  });
  return store.toString();
}

describe('kamerstuk report --commitments and check --overdue', () => {
  let dir: string;
  let cleanup: () => void;
  before(() => {
    ({ dir, cleanup } = sampleWorkspace('commitments'));
    writeFileSync(join(dir, 'letters/kst-29754-720.md'), LETTER_720);
    writeFileSync(join(dir, 'letters/kst-29754-720.annotations.yaml'), annotations());
  });
  after(() => cleanup());

  const run = (...args: string[]) => runCli(dir, ...args);

  it('json: every commitment of every letter, with facts from the front matter and overdue against --today', async () => {
    const r = await run('report', '--commitments', '--format', 'json', '--today', '2025-07-04');
    assert.equal(r.code, 0, r.err);
    const data = JSON.parse(r.out) as {
      commitments: { id: string; due: { to?: string; text: string } | null; state: string; overdue: boolean; letter: Record<string, string> }[];
    };
    const byId = new Map(data.commitments.map((c) => [c.id, c]));
    assert.deepEqual([...byId.keys()].sort(), ['aaaaaaaaa1', 'aaaaaaaaa2', 'aaaaaaaaa3', 'c6d7e8f9g0']);
    assert.deepEqual(byId.get('aaaaaaaaa3')!.due, { to: '2025-06-01', text: 'juni (afgesproken in het debat)' });
    assert.equal(byId.get('aaaaaaaaa3')!.overdue, true);
    assert.equal(byId.get('aaaaaaaaa1')!.due!.to, '2025-07-03');
    assert.equal(byId.get('aaaaaaaaa1')!.overdue, true);
    assert.equal(byId.get('aaaaaaaaa2')!.state, 'fulfilled');
    assert.equal(byId.get('aaaaaaaaa2')!.overdue, false);
    assert.deepEqual(byId.get('c6d7e8f9g0')!.due, { text: 'De komende periode', vague: true });
    const letter = byId.get('aaaaaaaaa1')!.letter;
    assert.equal(letter.path, 'letters/kst-29754-720.md');
    assert.equal(letter.ministry, 'Justitie en Veiligheid');
    assert.equal(letter.date, '2025-03-10');
    assert.equal(byId.get('c6d7e8f9g0')!.letter.date, '2024-06-18');
  });

  it('csv for Dutch Excel in Dutch, read back by csv-parse', async () => {
    const r = await run('report', '--commitments', '--format=csv', '--today', '2025-07-04', '--lang', 'nl');
    assert.equal(r.code, 0);
    assert.ok(r.out.startsWith('\uFEFF'));
    const rows = parseCsv(r.out, { delimiter: ';', bom: true, columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
    assert.equal(rows.length, 4);
    const first = rows.find((x) => x['Id'] === 'aaaaaaaaa1')!;
    assert.equal(first['Termijn tot en met'], '03-07-2025');
    assert.equal(first['Over tijd'], 'ja');
    assert.equal(first['Ministerie'], 'Justitie en Veiligheid');
  });

  it('ics: the dated commitments as all-day events, read back by ical.js', async () => {
    const r = await run('report', '--commitments', '--format', 'ics', '--today', '2025-07-04', '--lang', 'en');
    assert.equal(r.code, 0);
    const events = new ICAL.Component(ICAL.parse(r.out)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    assert.deepEqual(events.map((e) => e.startDate.toString()).sort(), ['2025-03-31', '2025-06-01', '2025-07-03']);
  });

  it('markdown in Dutch with counts', async () => {
    const r = await run('report', '--commitments', '--today', '2025-07-04', '--lang', 'nl');
    assert.equal(r.code, 0);
    assert.match(r.out, /^# Toezeggingen\n\n4 toezeggingen, 3 open, 2 over tijd \(4 juli 2025\)\./);
    assert.match(r.out, /## juli 2025\n\n- \*\*3 juli 2025\*\* \("voor de zomer"\): open, \*\*over tijd\*\*/);
  });

  it('check --overdue exits 0 on the last day of a deadline and 1 the day after, naming file, line and id', async () => {
    const ok = await run('check', '--overdue', '--today', '2025-05-31');
    assert.equal(ok.code, 0, ok.out);
    assert.match(ok.out, /checked 4 commitments on 2025-05-31: 3 open, 0 overdue$/);
    const late = await run('check', '--overdue', '--today', '2025-06-02');
    const line = LETTER_720.slice(0, LETTER_720.indexOf('Wij ronden')).split('\n').length;
    assert.ok(late.out.startsWith(`letters/kst-29754-720.md:${line}: `), late.out);
    assert.equal(late.code, 1);
    assert.match(late.out, /^letters\/kst-29754-720\.md:\d+: overdue since 2025-06-01 \(juni \(afgesproken in het debat\), open\): aaaaaaaaa3 "Wij ronden/m);
    assert.doesNotMatch(late.out, /aaaaaaaaa1/);
    const later = await run('check', 'letters', '--overdue', '--today', '2025-07-04');
    assert.equal((later.out.match(/\[commitment-overdue\]/g) ?? []).length, 2);
  });

  it('wrong usage exits 2: a bad --today, an unknown format, --today without --overdue or --commitments', async () => {
    for (const args of [
      ['check', '--overdue', '--today', '2025-02-30'],
      ['check', '--overdue', '--today', 'morgen'],
      ['report', '--commitments', '--format', 'xlsx'],
      ['report', '--commitments', '--lang', 'de'],
      ['check', '--today', '2025-01-01'],
      ['report', '--today', '2025-01-01'],
    ]) {
      const r = await run(...args);
      assert.equal(r.code, 2, args.join(' '));
    }
  });

  it('a tag written by its label (tag: toezegging) is a commitment too', async () => {
    const file = join(dir, 'letters/zz-label.annotations.yaml');
    writeFileSync(file, 'version: 1\nannotations:\n  - id: lbl0000001\n    tag: toezegging\n    quote: "zo spoedig mogelijk"\n    start: 0\n    end: 19\n');
    try {
      const r = await run('report', '--commitments', '--format', 'json', '--today', '2025-01-01');
      assert.ok((JSON.parse(r.out) as { commitments: { id: string }[] }).commitments.some((c) => c.id === 'lbl0000001'));
    } finally {
      writeFileSync(file, 'version: 1\nannotations: []\n');
    }
  });

  it('a broken annotation file is reported and fails the run; the other letters are still listed', async () => {
    const broken = join(dir, 'letters/zz-broken.annotations.yaml');
    writeFileSync(broken, 'version: 1\nannotations:\n  - id: x\n    tag: commitment\n    quote: q\n    start: 0\n    end: 1\n    due: soon\n');
    try {
      const r = await run('report', '--commitments', '--format', 'json', '--today', '2025-01-01');
      assert.equal(r.code, 1);
      assert.match(r.err, /zz-broken\.annotations\.yaml:8:\d+: error: .*"due" must be a mapping/);
      assert.equal((JSON.parse(r.out) as { commitments: unknown[] }).commitments.length, 4);
      assert.equal((await run('check', '--overdue', '--today', '2025-01-01')).code, 1);
    } finally {
      writeFileSync(broken, 'version: 1\nannotations: []\n');
    }
  });
});
