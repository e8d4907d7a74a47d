// Property tests: 100,000 random and mutated citation inputs never throw, and every span lies inside the text
// with its text equal to the source slice. (No timing assertions: linearity is shown by `npm run bench`.)
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse } from 'yaml';
import { citationDiagnostics, formatCitation } from '../../../src/core/citations';
import { scanPlain } from '../../../src/core/citations/scanner';

// prettier-ignore
const FRAGMENTS = [
  'Kamerstukken', 'Kamerstuk', 'Kst.', 'KAMERSTUKKEN', 'Bijlage bij ', ' II ', ' I ', ' TK ', 'Tweede Kamer', 'Eerste Kamer',
  'vergaderjaar ', '2022/23', '2022–2023', '2022-2023', '1993/94-1996/97', '2022/24', '29 754', '29\u00A0754', '29\u202F754',
  '29.754', '29754', '5380', '21 501-32', '36200-VI', '35300-A', ' hoofdstuk XV', ' (R 1669)', '-(R1519)-', ', ', ',', '; ',
  'nr.', 'nrs.', 'nr', ' nr. ', 'letter ', ' en ', ' t/m ', '–', '-', '—', 'VI', 'XIII', 'IIA', 'A', 'AB', 'C', '188b', 'p. 7',
  ', blz. 3-4', ' e.v.', '(', ')', '[', ']', 'motie', 'moties', 'MOTIE VAN HET LID ', 'Gewijzigde ', '-Van Haga', '/Remco Dijkstra',
  ' van het lid ', ' van de leden ', 'Van der Lee', ' c.s.', ' over ', 't.v.v. ', 'kst-', 'kst-29754-716', 'h-tk-', 'ah-tk-',
  'h-tk-20102011-108-5', 'stb-', 'stcrt-2019-', '2024D25640', '2024Z10806', 'https://', 'zoek.officielebekendmakingen.nl/',
  'www.tweedekamer.nl/kamerstukken/detail?id=2024Z06635&did=', '.html', '[^2]', '[^2]: ', '`', '```\n', '\n', '\n\n', ' ',
  '\u00A0', '€', 'Handelingen', 'Aanhangsel Handelingen', 'Hand. ', 'item ', 'items ', 'Stb. ', 'Stcrt. ', '2022', '524',
  '12 345', 'W16.19.0054/II', '2024-0000129720', '070-3182211', '2513 AA', '.', '. ', '*', '_', 'é', '\uD83D\uDE00', '\uD800',
];

const corpus = (parse(readFileSync('test/fixtures/corpus/citations.yaml', 'utf8')) as { cases: Array<{ text: string }> }).cases.map((c) => c.text);

const fragment = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 2, arbitrary: fc.nat(99999).map(String) },
  { weight: 1, arbitrary: fc.string({ maxLength: 4, unit: 'grapheme' }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 3, unit: 'binary' }) },
);

const randomText = fc.array(fragment, { maxLength: 40 }).map((xs) => xs.join(''));

const mutatedText = fc
  .tuple(
    fc.constantFrom(...corpus),
    fc.array(fc.record({ at: fc.nat(), del: fc.nat(4), ins: fc.oneof(fragment, fc.constant('')) }), { minLength: 1, maxLength: 6 }),
  )
  .map(([base, edits]) => {
    let t = base;
    for (const e of edits) {
      const p = e.at % (t.length + 1);
      t = t.slice(0, p) + e.ins + t.slice(p + e.del);
    }
    return t;
  });

function check(text: string): void {
  const out = scanPlain(text);
  let last = -1;
  for (const r of out.refs) {
    assert.ok(r.start >= 0 && r.start < r.end && r.end <= text.length, 'span inside the text');
    assert.equal(text.slice(r.start, r.end), r.text);
    assert.ok(r.start >= last, 'in order');
    last = r.start;
    if (r.group) assert.ok(r.group.start >= 0 && r.group.end <= text.length);
    formatCitation(r, 'leidraad');
    formatCitation(r, 'short');
    formatCitation(r, 'link');
  }
  for (const d of citationDiagnostics(out.problems, text)) {
    assert.ok(d.start >= 0 && d.start <= d.end && d.end <= text.length, 'diagnostic inside the text');
    for (const f of d.fixes) assert.ok(f.start >= 0 && f.end <= text.length && f.start <= f.end, 'fix inside the text');
  }
}

describe('citation scanner properties', function () {
  this.timeout(120_000);

  it('50,000 random fragment texts: no exception, exact spans', () => {
    fc.assert(
      fc.property(randomText, (t) => check(t)),
      { numRuns: 50_000, seed: 20261128 },
    );
  });

  it('50,000 mutated corpus citations: no exception, exact spans', () => {
    fc.assert(
      fc.property(mutatedText, (t) => check(t)),
      { numRuns: 50_000, seed: 71620243 },
    );
  });

  it('long adversarial inputs finish (digits, commas and nr. repeated)', () => {
    const unit = ['12345, ', 'nr. ', '1, ', '29 754, ', 'nrs. 1–3, ', '(', 'motie-Van ', 'Kamerstukken II 2022/23, '];
    let s = '';
    for (let i = 0; s.length < 200_000; i++) s += unit[(i * 7) % unit.length];
    check(s);
  });
});
