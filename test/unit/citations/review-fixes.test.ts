// Review fixes: no ids invented from ordinary numbers after `en`, two-digit vergaderjaren, `nr.680`, Eerste Kamer
// letter lists and ranges, joint documents with `en`, a comma before a toevoeging or rijkswet number, Handelingen
// lists, implausible ranges, HTML comments, future vergaderjaren and range spans. Each input is its own paragraph;
// ids and spans are exact.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { citationDiagnostics } from '../../../src/core/citations';
import { scanPlain } from '../../../src/core/citations/scanner';
import { scanMarkdown } from '../../../src/core/markdown';
import { assertSpans } from './helpers';

/** [id, span text] of every reference, in plain text and as a markdown paragraph (which must agree). */
function refs(text: string): Array<[string | null, string]> {
  const plain = scanPlain(text, { now: new Date(2026, 10, 28) }).refs;
  assertSpans(text, plain);
  const md = scanMarkdown(text);
  assertSpans(text, md);
  const got = plain.map((r): [string | null, string] => [r.id, r.text]);
  assert.deepEqual(
    md.map((r): [string | null, string] => [r.id, r.text]),
    got,
    'markdown agrees with plain text',
  );
  return got;
}

const cases: Array<[string, Array<[string | null, string]>]> = [
  // HIGH: `en N` after a singular `nr.` (or a list) is not an ondernummer unless the clause ends at N.
  ['Kamerstuk 29 754, nr. 680 en 5 juli 2024', [['kst-29754-680', 'Kamerstuk 29 754, nr. 680']]],
  ['Kamerstuk 29 754, nr. 680 en 2 andere brieven', [['kst-29754-680', 'Kamerstuk 29 754, nr. 680']]],
  ['Kamerstuk 29 754, nr. 680 en 12 345 euro', [['kst-29754-680', 'Kamerstuk 29 754, nr. 680']]],
  ['Kamerstuk 29 754, nr. 680 en 681 zijn verstuurd', [['kst-29754-680', 'Kamerstuk 29 754, nr. 680']]],
  [
    'Kamerstuk 29 754, nr. 680 en 29 754, nr. 681',
    [
      ['kst-29754-680', 'Kamerstuk 29 754, nr. 680'],
      ['kst-29754-681', '29 754, nr. 681'],
    ],
  ],
  [
    'Kamerstuk 29 754, nr. 680 en 36 200-VI, nr. 5',
    [
      ['kst-29754-680', 'Kamerstuk 29 754, nr. 680'],
      ['kst-36200-VI-5', '36 200-VI, nr. 5'],
    ],
  ],
  [
    'Kamerstuk 29 754, nrs. 680 en 681 en 25 295, nr. 12',
    [
      ['kst-29754-680', 'Kamerstuk 29 754, nrs. 680'],
      ['kst-29754-681', '681'],
      ['kst-25295-12', '25 295, nr. 12'],
    ],
  ],
  [
    'Kamerstuk 29 754, nr. 680 en 681.',
    [
      ['kst-29754-680', 'Kamerstuk 29 754, nr. 680'],
      ['kst-29754-681', '681'],
    ],
  ],
  [
    '(Kamerstuk 29 754, nr. 680 en 681)',
    [
      ['kst-29754-680', 'Kamerstuk 29 754, nr. 680'],
      ['kst-29754-681', '681'],
    ],
  ],
  [
    'Kamerstuk 29 754, nrs. 680 en 681 zijn verstuurd',
    [
      ['kst-29754-680', 'Kamerstuk 29 754, nrs. 680'],
      ['kst-29754-681', '681'],
    ],
  ],
  ['Kamerstuk 29 754, nrs. 680 en 2 andere brieven', [['kst-29754-680', 'Kamerstuk 29 754, nrs. 680']]],
  [
    'Kamerstuk 29 754, nrs. 680, 681 en 5 juli',
    [
      ['kst-29754-680', 'Kamerstuk 29 754, nrs. 680'],
      ['kst-29754-681', '681'],
    ],
  ],
  // MEDIUM: two-digit vergaderjaren
  ['Kamerstukken II 22/23, 29754, nr. 680', [['kst-29754-680', 'Kamerstukken II 22/23, 29754, nr. 680']]],
  ['Kamerstukken II 99/00, 29754, nr. 680', [['kst-29754-680', 'Kamerstukken II 99/00, 29754, nr. 680']]],
  // no space after `nr.`
  ['Kamerstuk 29754, nr.680', [['kst-29754-680', 'Kamerstuk 29754, nr.680']]],
  // Eerste Kamer letter lists and ranges
  [
    'Kamerstukken I 2022/23, 35 925, A en B',
    [
      ['kst-35925-A', 'Kamerstukken I 2022/23, 35 925, A'],
      ['kst-35925-B', 'B'],
    ],
  ],
  [
    'Kamerstukken I 2022/23, 35 925, C, D en E',
    [
      ['kst-35925-C', 'Kamerstukken I 2022/23, 35 925, C'],
      ['kst-35925-D', 'D'],
      ['kst-35925-E', 'E'],
    ],
  ],
  [
    'Kamerstukken I 2022/23, 36 200 VI, nrs. A en B',
    [
      ['kst-36200-VI-A', 'Kamerstukken I 2022/23, 36 200 VI, nrs. A'],
      ['kst-36200-VI-B', 'B'],
    ],
  ],
  [
    'Kamerstukken I 2022/23, 36 200 VI, A–C',
    [
      ['kst-36200-VI-A', 'Kamerstukken I 2022/23, 36 200 VI, A'],
      ['kst-36200-VI-B', '–'],
      ['kst-36200-VI-C', 'C'],
    ],
  ],
  [
    'Kamerstukken I 2022/23, 36 200 VI, AA–AC',
    [
      ['kst-36200-VI-AA', 'Kamerstukken I 2022/23, 36 200 VI, AA'],
      ['kst-36200-VI-AB', '–'],
      ['kst-36200-VI-AC', 'AC'],
    ],
  ],
  [
    'Kamerstukken I 2022/23, 36 200 VI, Y–AB',
    [
      ['kst-36200-VI-Y', 'Kamerstukken I 2022/23, 36 200 VI, Y'],
      ['kst-36200-VI-AB', 'AB'],
    ],
  ],
  // joint documents
  ['Kamerstukken II 2022/23, 29 754 en 25 295, nr. 680', [['kst-29754-680', 'Kamerstukken II 2022/23, 29 754 en 25 295, nr. 680']]],
  ['Kamerstuk 21 501-32 en 21 501-02, nr. 1500', [['kst-21501-32-1500', 'Kamerstuk 21 501-32 en 21 501-02, nr. 1500']]],
  // a comma before the Roman toevoeging or the rijkswet number
  ['Kamerstukken II 2008/09, 31700, VI, nr. 10', [['kst-31700-VI-10', 'Kamerstukken II 2008/09, 31700, VI, nr. 10']]],
  ['Kamerstukken I 2022/23, 36 200, VI, A', [['kst-36200-VI-A', 'Kamerstukken I 2022/23, 36 200, VI, A']]],
  ['Kamerstukken II 2009/10, 32 123, R 1883, nr. 3', [['kst-32123-3', 'Kamerstukken II 2009/10, 32 123, R 1883, nr. 3']]],
  ['Kamerstukken II 2009/10, 32 123 R1883, nr. 3', [['kst-32123-3', 'Kamerstuk' + 'ken II 2009/10, 32 123 R1883, nr. 3']]],
  // Handelingen lists (no item: no id)
  [
    'Handelingen II 2019/20, nrs. 70 en 71',
    [
      [null, 'Handelingen II 2019/20, nrs. 70'],
      [null, '71'],
    ],
  ],
  // a range ending in a year is not a range
  ['Kamerstuk 29 754, nr. 680 t/m 2024', [['kst-29754-680', 'Kamerstuk 29 754, nr. 680']]],
  ['Kamerstuk 29 754, nrs. 5–9000', [['kst-29754-5', 'Kamerstuk 29 754, nrs. 5']]],
  // range spans: the first from the label, the implied numbers the dash, the last its own number
  [
    'Kamerstuk 29 754, nrs. 1 t/m 3, p. 4',
    [
      ['kst-29754-1', 'Kamerstuk 29 754, nrs. 1'],
      ['kst-29754-2', 't/m'],
      ['kst-29754-3', '3, p. 4'],
    ],
  ],
];

describe('review fixes', () => {
  for (const [text, expected] of cases) {
    it(JSON.stringify(text), () => assert.deepEqual(refs(text), expected));
  }

  it('two-digit vergaderjaren give the full parts', () => {
    const [a] = scanPlain('Kamerstukken II 22/23, 29754, nr. 680').refs;
    assert.deepEqual(a.parts, { kamer: 'II', vergaderjaar: '2022-2023', dossier: '29754', ondernummer: '680' });
    assert.equal(a.form, 'leidraad');
    assert.equal(scanPlain('Kamerstukken II 99/00, 29754, nr. 680').refs[0].parts.vergaderjaar, '1999-2000');
  });

  it('joint documents keep the further dossiers in parts', () => {
    assert.deepEqual(scanPlain('Kamerstukken II 2022/23, 29 754 en 25 295, nr. 680').refs[0].parts.extraDossiers, ['25295']);
    const r = scanPlain('Kamerstuk 21 501-32 en 21 501-02, nr. 1500').refs[0];
    assert.deepEqual(r.parts, { dossier: '21501', toevoeging: '32', extraDossiers: ['21501-02'], ondernummer: '1500' });
  });

  it('a rijkswet number after a comma is a part, not an ondernummer', () => {
    const out = scanPlain('Kamerstukken II 2009/10, 32 123, R 1883, nr. 3');
    assert.equal(out.refs[0].parts.rijkswet, 'R1883');
    assert.deepEqual(out.problems, []);
  });

  it('a range ending in a year gives no large-range warning', () => {
    assert.deepEqual(scanPlain('Kamerstuk 29 754, nr. 680 t/m 2024').problems, []);
  });

  it('range references share the group of the whole citation', () => {
    const text = 'Zie Kamerstuk 29 754, nrs. 1–3.';
    const got = scanPlain(text).refs;
    assert.equal(got.length, 3);
    for (const r of got) assert.equal(text.slice(r.group!.start, r.group!.end), 'Kamerstuk 29 754, nrs. 1–3');
  });

  it('an HTML comment in markdown is not prose', () => {
    const text =
      '<!-- Kamerstuk 29 754, nr. 686 -->\n\nTekst <!-- Kamerstuk 29 754, nr. 687 --> en Kamerstuk 29 754, nr. 688.\n\n<!--\nKamerstuk 29 754, nr. 689\n-->\n';
    const got = scanMarkdown(text);
    assert.deepEqual(
      got.map((r) => [r.id, r.text]),
      [['kst-29754-688', 'Kamerstuk 29 754, nr. 688']],
    );
  });

  it('a vergaderjaar in the future is a warning (the date comes from the scan context)', () => {
    const text = 'Kamerstukken II 2030/31, 29 754, nr. 680';
    const future = scanPlain(text, { now: new Date(2026, 10, 28) }).problems;
    assert.deepEqual(
      future.map((p) => [p.code, p.start, p.end, p.args]),
      [['future-vergaderjaar', 16, 23, ['2030/31']]],
    );
    const d = citationDiagnostics(future, text)[0];
    assert.equal(d.severity, 'warning');
    assert.equal(d.message, 'Vergaderjaar {0} lies in the future');
    // The running vergaderjaar is not in the future: 2026/27 from September 2026.
    assert.deepEqual(scanPlain('Kamerstukken II 2026/27, 29 754, nr. 680', { now: new Date(2026, 8, 20) }).problems, []);
    assert.equal(scanPlain('Kamerstukken II 2026/27, 29 754, nr. 680', { now: new Date(2026, 5, 1) }).problems[0].code, 'future-vergaderjaar');
    assert.equal(scanPlain('Handelingen II 2031/32, nr. 5, item 3', { now: new Date(2026, 10, 28) }).problems[0].code, 'future-vergaderjaar');
  });

  it('property: no ondernummer is taken from a number followed by a month name or a further digit group', () => {
    const lead = fc.constantFrom(
      'Kamerstuk 29 754, nr. 680',
      'Kamerstuk 29 754, nrs. 680',
      'Kamerstukken II 2022/23, 36 200 VI, nr. 45',
      '(35300-A, nr. 15',
      'Kamerstuk 29 754, nrs. 680 en 681',
      'Kamerstukken II 2022/23, 29 754,',
      'Handelingen II 2010/11, nr. 108, items 5',
      'Aanhangsel Handelingen II 2014/15, nr.',
      'Kamerstuk 29 754, nr.',
    );
    const joint = fc.constantFrom(' en ', ', ', ', en ', ' & ', ' en nr. ', ', nr. ', '; nr. ', ' t/m ', '–', ' tot ', ' ');
    const follower = fc.constantFrom(
      ' juli 2024',
      ' januari',
      '\u00A0mei',
      ' dec. 2023',
      ' sept',
      ' 345 euro',
      ' 345',
      '\u00A0345',
      '\u202F000',
      ' 2024',
      ' 12 345',
    );
    const space = fc.constantFrom('', '.', ')', ' zijn verstuurd.');
    fc.assert(
      fc.property(lead, joint, fc.integer({ min: 1, max: 99_999 }), follower, space, (l, j, n, f, tail) => {
        const number = String(n);
        const text = `${l}${j}${number}${f}${tail}`;
        const start = l.length + j.length;
        for (const r of scanPlain(text).refs) {
          const values = [r.parts.ondernummer, r.parts.item, r.parts.number, r.parts.vergadering];
          if (!values.includes(number)) continue;
          // The value may also be written in the lead (`680`); it must not be the number at `start`.
          assert.ok(r.end <= start || r.start > start + number.length, `${JSON.stringify(text)} took ${number} as ${r.id}`);
          assert.ok(!(r.group && r.end > start && r.start <= start), `${JSON.stringify(text)} took ${number}`);
        }
      }),
      { numRuns: 20_000, seed: 20261129 },
    );
  });
});
