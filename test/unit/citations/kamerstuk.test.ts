// Kamerstuk notations: vergaderjaren, spaces, toevoegingen, rijkswet, Eerste Kamer letters, lists and ranges.
import { strict as assert } from 'node:assert';
import { scanText } from '../../../src/core/citations';
import { ids, one } from './helpers';

const NBSP = '\u00A0';
const NNBSP = '\u202F';

const cases: Array<[string, Array<string | null>]> = [
  // vergaderjaar notations and labels
  ['Kamerstukken II 2022/23, 29 754, nr. 680', ['kst-29754-680']],
  ['Kamerstukken II 2022-2023, 29754, nr. 680', ['kst-29754-680']],
  ['Kamerstukken II 2021/2022, 29.754, nr. 680', ['kst-29754-680']],
  ['Kamerstukken II, 2022–2023, 29 754, nr 680', ['kst-29754-680']],
  ['Kamerstuk II 2022/23, 29754, nr. 680', ['kst-29754-680']],
  ['Kamerstukken TK 2022/23, 29754, nr. 680', ['kst-29754-680']],
  ['Kamerstukken Tweede Kamer 2022/23, 29754, nr. 680', ['kst-29754-680']],
  ['Kamerstukken II 1985/- 86, 19 123, nr. 4', ['kst-19123-4']],
  ['Kst. 29754, nr. 680', ['kst-29754-680']],
  ['kamerstuk 29 754, nr. 680', ['kst-29754-680']],
  ['Tweede Kamer, vergaderjaar 2022–2023, 29 754, nr. 683', ['kst-29754-683']],
  ['Eerste Kamer, vergaderjaar 2014–2015, 33 802, C', ['kst-33802-C']],
  ['TK 2009-2010, 32 123 XVI, nr. 40', ['kst-32123-XVI-40']],
  ['Bijlage bij Kamerstukken II 2015/16, 34389, nr. 9', ['kst-34389-9']],
  // spaces
  [`Kamerstukken${NBSP}II${NBSP}2022/23, 29${NBSP}754, nr.${NBSP}680`, ['kst-29754-680']],
  [`Kamerstuk 29${NNBSP}754, nr.${NNBSP}680`, ['kst-29754-680']],
  ['Kamerstukken II 2022/23,\n29 754, nr. 680', ['kst-29754-680']],
  // toevoegingen
  ['Kamerstukken II 2022/23, 36 200 VI, nr. 45', ['kst-36200-VI-45']],
  ['Kamerstukken II 2022/23, 36200-VI, nr. 45', ['kst-36200-VI-45']],
  ['Kamerstuk 33 400 IIA, nr. 2', ['kst-33400-IIA-2']],
  ['(31200-IXB, nr. 35)', ['kst-31200-IXB-35']],
  ['(35300-A, nr. 15)', ['kst-35300-A-15']],
  ['Kamerstuk 36 410 B, nr. 3', ['kst-36410-B-3']],
  ['Kamerstuk 21 501-32, nr. 1703', ['kst-21501-32-1703']],
  ['Kamerstuk 21 501-08, nr. 928', ['kst-21501-08-928']],
  ['Kamerstukken II 2008/09, 31 700 hoofdstuk XV, nr. 5', ['kst-31700-XV-5']],
  ['Kamerstukken II 2022/23, 36 600 vii, nr. 4', ['kst-36600-VII-4']],
  // rijkswet
  ['Kamerstukken II 2000/01, 27 484 (R 1669), nr. 3', ['kst-27484-3']],
  ['Kamerstuk 34 356 (R2064), nr. 7', ['kst-34356-7']],
  ['23908-(R1519)-131', ['kst-23908-131']],
  ['30874-(R1818)-8', ['kst-30874-8']],
  // Eerste Kamer
  ['Kamerstukken I 2014/15, 33802, C, p. 3.', ['kst-33802-C']],
  ['Kamerstukken I 2008/09, 31700 VI, D, p. 4', ['kst-31700-VI-D']],
  ['Kamerstukken I 2020/21, 34430, nr. AB, p. 7.', ['kst-34430-AB']],
  ['Kamerstukken I 2009/10, 32217, A', ['kst-32217-A']],
  ['(35300-VI, letter Y)', ['kst-35300-VI-Y']],
  ['Kamerstukken I 1995/96, 23700, nr. 188b, p. 3.', ['kst-23700-188b']],
  // lists and ranges
  ['Kamerstukken II 2015/16, 34442, nrs. 520 en 548', ['kst-34442-520', 'kst-34442-548']],
  ['Kamerstuk 29 754, nrs. 1–3', ['kst-29754-1', 'kst-29754-2', 'kst-29754-3']],
  ['Kamerstuk 29 754, nrs. 1 t/m 3', ['kst-29754-1', 'kst-29754-2', 'kst-29754-3']],
  ['Kamerstuk 29 754, nrs. 5, 6 en 7', ['kst-29754-5', 'kst-29754-6', 'kst-29754-7']],
  ['Kamerstukken II 2022/23, 29 754, nr. 6, p. 15-16; nr. 7', ['kst-29754-6', 'kst-29754-7']],
  ['Kamerstukken II 2015/16, 34442, nr. 4, p. 12 en 13, en nr. 6', ['kst-34442-4', 'kst-34442-6']],
  ['Kamerstukken II 2022/23, 29 754, nr. 680; 36 200 VI, nr. 45', ['kst-29754-680', 'kst-36200-VI-45']],
  ['35570-XIV-46; 35570-46', ['kst-35570-XIV-46', 'kst-35570-46']],
  ['21501-32-1188; 21501-32-1105', ['kst-21501-32-1188', 'kst-21501-32-1105']],
  ['Kamerstuk 31728, 30914, nr. 5', ['kst-31728-5']],
  ['Kamerstukken 9595,9596, nr. 3', ['kst-9595-3']],
  // bare and compact
  ['(29 754, nr. 683)', ['kst-29754-683']],
  ['zie 33835-100 en 34000-XIII-90', ['kst-33835-100', 'kst-34000-XIII-90']],
  ['Zij krijgt nr. 456 (36800-XVI).', ['kst-36800-XVI-456']],
  ['Kamerstuk 29754-680', ['kst-29754-680']],
  // dossiers
  ['(Kamerstukken 31945)', ['dossier-31945']],
  ['(Kamerstukken 1993/94-1996/97, 23761)', ['dossier-23761']],
  ['de begroting 36200-VI', ['dossier-36200-VI']],
  ['het dossier 21501-32', ['dossier-21501-32']],
  ['zie dossier 29 754 en wetsvoorstel 36 228', ['dossier-29754', 'dossier-36228']],
  ['Kamerstukdossier 36 200 VI, nr. 4', ['kst-36200-VI-4']],
  ['Wetsvoorstel Wet open overheid (33 328)', ['dossier-33328']],
  ['in dossier 2023 en (12345) mensen', []],
  ['Kamerstuk 29 754 nr. 680', ['kst-29754-680']],
  ['Kamerstukken II 2022/23, 29 754, 683', ['kst-29754-683']],
  ['Kamerstukken II 2022/23, 29 754, 12 345 euro', ['dossier-29754']],
  ['Kamerstukken II 2012/13, 33 400-VII, nr. 59; 2013/14, 33 750 VII, nr. 10', ['kst-33400-VII-59', 'kst-33750-VII-10']],
  ['Kamerstukken II 2012/13, 33 400 VII, nr. 59, pp. 3–5 en 7 e.v.', ['kst-33400-VII-59']],
  ['Kamerstukken I 2019/20, 35 165, nr. E', ['kst-35165-E']],
  ['Kamerstukken II 1999/2000, 26 800 VI, nr. 1 en Kamerstukken II 1999/00, 26 800 VI, nr. 2', ['kst-26800-VI-1', 'kst-26800-VI-2']],
];

describe('kamerstuk citations', () => {
  for (const [text, expected] of cases) {
    it(JSON.stringify(text), () => assert.deepEqual(ids(text), expected));
  }

  it('parts: kamer, vergaderjaar, dossier, toevoeging, ondernummer, page', () => {
    const r = one('Kamerstukken II 2022–2023, 36 200 VI, nr. 45, p. 7');
    assert.equal(r.kind, 'kamerstuk');
    assert.deepEqual(r.parts, { kamer: 'II', vergaderjaar: '2022-2023', dossier: '36200', toevoeging: 'VI', ondernummer: '45', page: '7' });
    assert.equal(r.form, 'leidraad');
  });

  it('a rijkswet number and extra dossiers are parts, not id', () => {
    assert.equal(one('Kamerstuk 34 356 (R2064), nr. 7').parts.rijkswet, 'R2064');
    assert.deepEqual(one('Kamerstuk 31728, 30914, nr. 5').parts.extraDossiers, ['30914']);
  });

  it('multi-year vergaderjaar', () => {
    assert.equal(one('(Kamerstukken II 1993/94-1996/97, 23761)').parts.vergaderjaar, '1993-1994/1996-1997');
  });

  it('a list: the first reference spans from the label, the others their number, all share the group', () => {
    const text = 'Zie Kamerstukken II 2015/16, 34442, nrs. 520 en 548.';
    const refs = ['Kamerstukken II 2015/16, 34442, nrs. 520', '548'];
    const got = scanText(text);
    assert.deepEqual(
      got.map((r) => r.text),
      refs,
    );
    assert.deepEqual(got[0].group, got[1].group);
    assert.equal(text.slice(got[0].group!.start, got[0].group!.end), 'Kamerstukken II 2015/16, 34442, nrs. 520 en 548');
  });

  it('a page reference is part of the span but never a document', () => {
    const r = one('Kamerstukken II 2015/16, 34442, nr. 3, p. 7-9.');
    assert.equal(r.text, 'Kamerstukken II 2015/16, 34442, nr. 3, p. 7-9');
    assert.equal(r.parts.page, '7-9');
  });
});
