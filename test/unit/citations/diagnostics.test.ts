// Diagnostics logic: codes, severities, message templates with args, fixes in three styles, Dutch translations.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { citationDiagnostics, DIAGNOSTIC_MESSAGES, FIX_TITLES, rewriteFixes, scanText } from '../../../src/core/citations';
import { scanPlain } from '../../../src/core/citations/scanner';

function diagnose(text: string) {
  return citationDiagnostics(scanPlain(text).problems, text);
}

function apply(text: string, fix: { start: number; end: number; replacement: string }): string {
  return text.slice(0, fix.start) + fix.replacement + text.slice(fix.end);
}

describe('citation diagnostics', () => {
  it("'nr.' without a number", () => {
    const text = 'Zie Kamerstukken II 2022/23, 29 754, nr. en verder.';
    const [d] = diagnose(text);
    assert.equal(d.code, 'missing-ondernummer');
    assert.equal(d.severity, 'error');
    assert.deepEqual(d.args, ['nr.']);
    assert.equal(text.slice(d.start, d.end), 'Kamerstukken II 2022/23, 29 754, nr.');
    assert.equal(d.fixes[0].snippet, true);
    assert.equal(apply(text, d.fixes[0]), 'Zie Kamerstukken II 2022/23, 29 754, nr. ${1:nummer} en verder.');
    assert.equal(apply(text, d.fixes[1]), 'Zie Kamerstukken II 2022/23, 29 754 en verder.');
  });

  it('an impossible vergaderjaar and no number: a fix for each problem, none keeping the impossible year', () => {
    const text = 'Zie Kamerstukken II 2022/24, 29754, nr. voor de aanleiding.';
    const all = diagnose(text);
    const year = all.find((x) => x.code === 'invalid-vergaderjaar')!;
    assert.deepEqual(
      year.fixes.filter((f) => !f.style).map((f) => apply(text, f)),
      ['Zie Kamerstukken II 2022/23, 29754, nr. voor de aanleiding.', 'Zie Kamerstukken II 2023/24, 29754, nr. voor de aanleiding.'],
    );
    const number = all.find((x) => x.code === 'missing-ondernummer')!;
    assert.deepEqual(
      number.fixes.map((f) => apply(text, f)),
      ['Zie Kamerstukken II 2022/24, 29754, nr. ${1:nummer} voor de aanleiding.', 'Zie Kamerstukken II 2022/23, 29 754 voor de aanleiding.'],
    );
    // Each repair of the year leaves no error about the year; the whole-dossier fix leaves no error at all.
    for (const f of year.fixes) assert.ok(!diagnose(apply(text, f)).some((x) => x.code === 'invalid-vergaderjaar'), f.replacement);
    assert.deepEqual(
      diagnose(apply(text, number.fixes[1])).filter((x) => x.severity === 'error'),
      [],
    );
  });

  for (const [vj, repaired] of [
    ['2022/24', '2022/23'],
    ['2023/22', '2023/24'],
    ['2022-2022', '2022/23'],
  ]) {
    it(`impossible vergaderjaar ${vj}`, () => {
      const text = `Kamerstukken II ${vj}, 29 754, nr. 680.`;
      const d = diagnose(text).find((x) => x.code === 'invalid-vergaderjaar')!;
      assert.equal(d.severity, 'error');
      assert.deepEqual(d.args, [vj, repaired]);
      assert.equal(apply(text, d.fixes[0]), `Kamerstukken II ${repaired}, 29 754, nr. 680.`);
      const styles = d.fixes.filter((f) => f.style).map((f) => [f.style, f.replacement]);
      assert.deepEqual(styles, [
        ['leidraad', `Kamerstukken II ${repaired}, 29 754, nr. 680`],
        ['short', 'Kamerstuk 29 754, nr. 680'],
        ['link', '[Kamerstuk 29 754, nr. 680](https://zoek.officielebekendmakingen.nl/kst-29754-680.html)'],
      ]);
    });
  }

  it('a bare dossier number without ondernummer', () => {
    const [d] = diagnose('(Kamerstukken 31945)');
    assert.equal(d.code, 'dossier-only');
    assert.equal(d.severity, 'info');
  });

  it('a letter ondernummer with Kamerstukken II', () => {
    const text = 'Kamerstukken II 2014/15, 33802, C';
    const [d] = diagnose(text);
    assert.equal(d.code, 'letter-ondernummer-tweede-kamer');
    assert.equal(d.severity, 'warning');
    assert.deepEqual(d.args, ['C']);
    assert.equal(d.fixes[0].replacement, 'Kamerstukken I 2014/15, 33 802, C');
  });

  it('a label and nr. without dossier', () => {
    assert.equal(diagnose('Kamerstukken II 2022/23, nr. 5')[0].code, 'missing-dossier');
  });

  it('reversed and large ranges', () => {
    assert.equal(diagnose('Kamerstuk 29 754, nrs. 7–3')[0].code, 'reversed-range');
    const d = diagnose('Kamerstuk 29 754, nrs. 1–500')[0];
    assert.equal(d.code, 'large-range');
    assert.deepEqual(d.args, ['1–500', '500']);
    assert.deepEqual(
      scanText('Kamerstuk 29 754, nrs. 1–500').map((r) => r.id),
      ['kst-29754-1', 'kst-29754-500'],
    );
  });

  it('Handelingen after 2011 without item', () => {
    assert.equal(diagnose('Handelingen II 2015/16, nr. 70, p. 12')[0].code, 'handelingen-without-item');
    assert.deepEqual(diagnose('Handelingen II 2007/08, nr. 70, p. 4867'), []);
  });

  it('a name-only motion', () => {
    const [d] = diagnose('de motie Ellian c.s.');
    assert.equal(d.code, 'motie-unresolved');
    assert.deepEqual(d.args, ['Ellian']);
  });

  it('well-formed citations have no diagnostics', () => {
    assert.deepEqual(diagnose('Kamerstukken II 2022/23, 29 754, nr. 680; kst-29754-716; (35300-A, nr. 15)'), []);
  });

  it('rewrite fixes leave out the style already written', () => {
    const text = 'Kamerstuk 29 754, nr. 680';
    const fixes = rewriteFixes(scanText(text), text);
    assert.deepEqual(
      fixes.map((f) => f.style),
      ['leidraad', 'link'],
    );
    assert.equal(fixes[0].replacement, 'Kamerstukken II 29 754, nr. 680');
  });

  it('every message and fix title has a Dutch translation with the same placeholders', () => {
    const nl = JSON.parse(readFileSync('l10n/parts/citations.nl.json', 'utf8')) as Record<string, string>;
    const templates = [...Object.values(DIAGNOSTIC_MESSAGES).map((m) => m.message), ...Object.values(FIX_TITLES)];
    for (const t of templates) {
      assert.ok(nl[t], `no Dutch for ${JSON.stringify(t)}`);
      const ph = (s: string) => (s.match(/\{\d\}/g) ?? []).sort().join();
      assert.equal(ph(nl[t]), ph(t), t);
    }
    assert.deepEqual(Object.keys(nl).sort(), [...templates].sort(), 'no stale translations');
  });
});
