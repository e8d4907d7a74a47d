// Motions: submitters, attached numbers, t.v.v., headings, name-only mentions.
import { strict as assert } from 'node:assert';
import { scanPlain } from '../../../src/core/citations/scanner';
import { assertSpans, one } from './helpers';

function motie(text: string, selfId?: string) {
  const out = scanPlain(text, { selfId });
  assertSpans(text, out.refs);
  const m = out.refs.filter((r) => r.kind === 'motie');
  assert.equal(m.length, 1, `one motion in ${JSON.stringify(text)}: ${JSON.stringify(out.refs)}`);
  return { ref: m[0], out };
}

describe('motions', () => {
  const withNumber: Array<[string, string, string[]]> = [
    ['de motie-Van Aalst/Remco Dijkstra over het openbaar vervoer (35300-A, nr. 15)', 'kst-35300-A-15', ['Van Aalst', 'Remco Dijkstra']],
    ['de aangehouden motie-Lodders/Geurts (33576, nr. 105)', 'kst-33576-105', ['Lodders', 'Geurts']],
    ['de aangehouden motie-Agema/Gerbrands (25424, nr. 359)', 'kst-25424-359', ['Agema', 'Gerbrands']],
    ['de motie van het lid Boswijk c.s. (Kamerstuk 36 200 XIV, nr. 12)', 'kst-36200-XIV-12', ['Boswijk']],
    ['de motie Van Haga (Kamerstukken II 2022/23, 29 754, nr. 683)', 'kst-29754-683', ['Van Haga']],
    ['de motie van de leden Kuik, Bikker en Ceder over zorg (36200-XVI, nr. 40)', 'kst-36200-XVI-40', ['Kuik', 'Bikker', 'Ceder']],
    ['de motie (29 754, nr. 683)', 'kst-29754-683', []],
    ['de motie-Yeşilgöz-Zegerius (kst-29754-690)', 'kst-29754-690', ['Yeşilgöz-Zegerius']],
    ['(motie-Hijink, Kamerstuk 29 689, nr. 1234)', 'kst-29689-1234', ['Hijink']],
    ['de door uw Kamer aangenomen motie-Omtzigt c.s. (Kamerstuk 35 570, nr. 20)', 'kst-35570-20', ['Omtzigt']],
    ['de motie-Van Weyenberg/Palland over de fiscale regels (36 202, nr. 31)', 'kst-36202-31', ['Van Weyenberg', 'Palland']],
  ];
  for (const [text, id, submitters] of withNumber) {
    it(text, () => {
      const { ref, out } = motie(text);
      assert.equal(ref.id, id);
      assert.deepEqual(ref.parts.submitters ?? [], submitters);
      assert.equal(out.refs.length, 1, 'the cited number is not reported twice');
    });
  }

  it('gewijzigde motie: t.v.v. gives the id and what it replaces', () => {
    const { ref } = motie('Gewijzigde motie van de leden Sjoerdsma en Van der Lee over steun (t.v.v. 36200-V-32)');
    assert.equal(ref.id, 'kst-36200-V-32');
    assert.equal(ref.parts.replaces, 'kst-36200-V-32');
    assert.equal(ref.parts.gewijzigd, true);
    assert.deepEqual(ref.parts.submitters, ['Sjoerdsma', 'Van der Lee']);
    assert.ok(ref.text.startsWith('Gewijzigde motie'));
  });

  it('t.v.v. without toevoeging', () => {
    assert.equal(motie('de gewijzigde motie-Graus (t.v.v. 31497-297)').ref.parts.replaces, 'kst-31497-297');
  });

  const nameOnly: Array<[string, string[]]> = [
    ['de motie Ellian c.s.', ['Ellian']],
    ['de aangenomen motie van het lid Boswijk c.s.', ['Boswijk']],
    ['twee door de Kamer aangenomen moties-Koffeman c.s.', ['Koffeman']],
    ['motie van de leden Sjoerdsma en Van der Lee', ['Sjoerdsma', 'Van der Lee']],
    ['Op 6 juli 2023 heeft uw Kamer een motie aangenomen van het lid Van Haga.', ['Van Haga']],
    ['MOTIE VAN HET LID SEGERS C.S.', ['SEGERS']],
    ['MOTIE VAN DE LEDEN SAMSOM EN PECHTOLD', ['SAMSOM', 'PECHTOLD']],
    ['de motie van het lid in ’t Veld', ['in ’t Veld']],
  ];
  for (const [text, submitters] of nameOnly) {
    it(text, () => {
      const { ref, out } = motie(text);
      assert.equal(ref.id, null);
      assert.deepEqual(ref.parts.submitters, submitters);
      assert.equal(ref.form, 'name');
      assert.ok(out.problems.some((p) => p.code === 'motie-unresolved'));
    });
  }

  it('the span of a name-only motion ends after the names (and c.s.)', () => {
    assert.equal(one('Zie de motie Ellian c.s. over drugs.').text, 'motie Ellian c.s.');
  });

  it('a heading in the motion document itself gets the document id and what it replaces', () => {
    const text = 'Nr. 57 GEWIJZIGDE MOTIE VAN DE LEDEN SJOERDSMA EN VAN DER LEE TER VERVANGING VAN DIE GEDRUKT ONDER NR. 32';
    const { ref } = motie(text, 'kst-36200-V-57');
    assert.equal(ref.id, 'kst-36200-V-57');
    assert.equal(ref.parts.replaces, 'kst-36200-V-32');
    assert.deepEqual(ref.parts.submitters, ['SJOERDSMA', 'VAN DER LEE']);
  });

  it('a footnote in the same sentence is recorded for the markdown layer', () => {
    const out = scanPlain('… de motie van het lid Van Haga, die oproept te onderzoeken of dit vaker voorkomt.[^2] Daarna.');
    assert.deepEqual(
      out.pending.map((p) => p.label),
      ['2'],
    );
  });

  it('a footnote after the next sentence does not belong to the motion', () => {
    const out = scanPlain('De motie van het lid Van Haga is aangenomen. Zie ook de brief.[^2]');
    assert.deepEqual(out.pending, []);
  });

  it('a name-only motion in parentheses after a kamerstuk names that kamerstuk', () => {
    const text = 'Kamerstukken II 2021/22, 35 788, nr. 78 (motie Van der Plas).';
    const out = scanPlain(text);
    assertSpans(text, out.refs);
    assert.deepEqual(
      out.refs.map((r) => [r.kind, r.id, r.parts.submitters]),
      [['motie', 'kst-35788-78', ['Van der Plas']]],
    );
    assert.equal(out.refs[0].text, 'Kamerstukken II 2021/22, 35 788, nr. 78 (motie Van der Plas)');
    assert.deepEqual(out.problems, []);
  });

  it('two motions, each with its own number', () => {
    const refs = scanPlain('de motie Van Haga (29 754, nr. 683) en de motie Klaver (29 754, nr. 690)').refs;
    assert.deepEqual(
      refs.map((r) => [r.kind, r.id]),
      [
        ['motie', 'kst-29754-683'],
        ['motie', 'kst-29754-690'],
      ],
    );
  });
});
