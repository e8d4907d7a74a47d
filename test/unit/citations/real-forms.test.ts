// Forms that real parliamentary text uses and our own examples did not (issue 13): the Eerste Kamer site's
// notation, older Handelingen, hard-wrapped lines, long bill titles, tkconv headers, motions written the ways the
// Kamer writes them, amendments, Roman Eerste Kamer dossiers. Each grammar rule has its own cases here.
import { strict as assert } from 'node:assert';
import { scanPlain } from '../../../src/core/citations/scanner';
import { analyseMarkdown } from '../../../src/core/markdown';
import type { CitationRef } from '../../../src/core/citations/types';
import { assertSpans } from './helpers';

function scan(text: string, selfId?: string): CitationRef[] {
  const refs = scanPlain(text, { selfId }).refs;
  assertSpans(text, refs);
  return refs;
}

const idsOf = (text: string, selfId?: string): Array<string | null> => scan(text, selfId).map((r) => r.id);
const kinds = (text: string): string[] => scan(text).map((r) => `${r.kind} ${r.id}`);

describe('real forms: the Eerste Kamer site', () => {
  const cases: Array<[string, string[]]> = [
    ['Zie 35.788, K voor de memorie van antwoord.', ['kst-35788-K']],
    ['de nota naar aanleiding van het verslag (35.788, AB)', ['kst-35788-AB']],
    ['Brief van 3 juli (33 802, C).', ['kst-33802-C']],
    ['het wetsvoorstel met nummer 35.788 werd aangenomen', ['dossier-35788']],
    ['Het wetsvoorstel Wet toekomst pensioenen (36.067) is aanvaard.', ['dossier-36067']],
    ['Zie EK 36 600 B, A en EK 34 568, H.', ['kst-36600-B-A', 'kst-34568-H']],
    ['TK 29 754, nr. 680', ['kst-29754-680']],
    ['Kamerstukken I 2021/22, 35925 VII / 35925 IV, A', ['kst-35925-VII-A']],
  ];
  for (const [text, expected] of cases) it(text, () => assert.deepEqual(idsOf(text), expected));

  it('a joint Eerste Kamer document keeps its second dossier', () => {
    const [ref] = scan('35925 VII / 35925 IV, A');
    assert.equal(ref.id, 'kst-35925-VII-A');
    assert.deepEqual(ref.parts.extraDossiers, ['35925-IV']);
  });

  it('a letter list stops at the next citation label (`A en EK …`)', () => {
    assert.deepEqual(idsOf('EK 36 600 B, A en EK 34 568, H'), ['kst-36600-B-A', 'kst-34568-H']);
  });
});

describe('real forms: Roman-numbered Eerste Kamer dossiers', () => {
  const cases: Array<[string, string[]]> = [
    ['Kamerstukken I 2017/18, CXXIV, G', ['kst-CXXIV-G']],
    ['Kamerstukken I 2019/20, CXXIV, letter A en CLV, letter A', ['kst-CXXIV-A', 'kst-CLV-A']],
    ['het voorstel (CLV, A) en de brief CLV, letter B', ['kst-CLV-A', 'kst-CLV-B']],
    ['https://zoek.officielebekendmakingen.nl/kst-cxxiv-g.html', ['kst-CXXIV-G']],
    ['zie kst-CLV-A', ['kst-CLV-A']],
  ];
  for (const [text, expected] of cases) it(text, () => assert.deepEqual(idsOf(text), expected));

  it('a Roman numeral alone is not a dossier', () => {
    for (const text of ['Het kabinet-Rutte IV, hoofdstuk CI, de kosten.', 'Karel V en CD, DVD en CC.', 'kst-CIIII-A is geen getal']) {
      assert.deepEqual(idsOf(text), [], text);
    }
  });
});

describe('real forms: older Handelingen and Aanhangsel', () => {
  it('Aanhangsel der Handelingen, in lower case too', () => {
    assert.deepEqual(idsOf('Aanhangsel der Handelingen, vergaderjaar 2006–2007, nr. 520 en aanhangsel handelingen II 2006/07, nr. 521.'), [
      'ah-tk-20062007-520',
      'ah-tk-20062007-521',
    ]);
  });

  it('Handelingen der Kamer II / der Staten-Generaal: reported as Handelingen without id (cited by page)', () => {
    for (const text of [
      'Handelingen der Kamer II, vergaderjaar 1999–2000, nr. 45, blz. 3210.',
      'Handelingen der Staten-Generaal, Tweede Kamer, 1999–2000, nr. 45, blz. 3210',
    ]) {
      const refs = scan(text);
      assert.equal(refs.length, 1, text);
      assert.equal(refs[0].kind, 'handelingen');
      assert.equal(refs[0].id, null);
      assert.equal(refs[0].parts.kamer, 'II');
      assert.equal(refs[0].parts.page, '3210');
    }
  });

  it('lower case labels need a vergaderjaar', () => {
    assert.deepEqual(idsOf('de handelingen nr. 5 van de vereniging en het aanhangsel nr. 3'), []);
  });
});

describe('real forms: citations broken over a line', () => {
  const cases: Array<[string, string[]]> = [
    ['Zie Aanhangsel\nHandelingen II, vergaderjaar 2014–2015, nr. 1241.', ['ah-tk-20142015-1241']],
    ['Zie Aanhangsel\r\nHandelingen II, vergaderjaar 2014–2015, nr. 1241.', ['ah-tk-20142015-1241']],
    ['Kamerstukken\nII 2022/23, 29 754, nr. 680', ['kst-29754-680']],
    ['Kamerstukken II 2022/23, 29\n754, nr. 681.', ['kst-29754-681']],
    ['> Kamerstukken II 2022/23, 29\n> 754, nr. 681.', ['kst-29754-681']],
    ['Tweede\nKamer, vergaderjaar 2022–2023, 29 754, nr. 683', ['kst-29754-683']],
    ['Bijlage\nbij Kamerstuk 29 754, nr. 680', ['kst-29754-680']],
    ['de motie van het\nlid Van der\nLee (36200-V, nr. 32)', ['kst-36200-V-32']],
  ];
  for (const [text, expected] of cases) it(JSON.stringify(text), () => assert.deepEqual(idsOf(text), expected));

  it('a blank line ends a citation', () => {
    assert.deepEqual(idsOf('Aanhangsel\n\nHandelingen II, vergaderjaar 2014–2015, nr. 1241.'), [null]);
    assert.deepEqual(idsOf('Kamerstukken II 2022/23, 29\n\n754, nr. 681.'), []);
  });

  it('a name does not run on into the next line after a full name', () => {
    const [ref] = scan('de motie-Van Haga\nAfgelopen week (29754, nr. 683)');
    assert.deepEqual(ref.parts.submitters, ['Van Haga']);
  });
});

describe('real forms: a dossier after a bill title', () => {
  const title =
    'Wijziging van de Wet op het financieel toezicht in verband met de implementatie van richtlijn (EU) 2019/2177 van het Europees Parlement en de Raad van 18 december 2019 tot wijziging van Richtlijn 2009/138/EG betreffende de toegang tot en uitoefening van het verzekerings- en het herverzekeringsbedrijf (Solvabiliteit II), Richtlijn 2014/65/EU betreffende markten voor financiële instrumenten en Verordening (EU) 2015/847 (Implementatiewet wijziging richtlijnen en verordening inzake Europese toezichthoudende autoriteiten)';

  it('a title of 580 characters, with abbreviations and parentheses inside', () => {
    assert.ok(title.length > 500);
    assert.deepEqual(idsOf(`- ${title} (35124)`), ['dossier-35124']);
  });

  it('compound names of acts and budgets count', () => {
    assert.deepEqual(idsOf('De Omgevingswet (33 962) en de Rijksbegroting (36 600).'), ['dossier-33962', 'dossier-36600']);
  });

  it('the title must be in the same sentence or list item', () => {
    assert.deepEqual(idsOf('Over de Omgevingswet is veel gezegd. Het aantal banen (35 000) stijgt.'), []);
    assert.deepEqual(idsOf('- Wijziging van de Wet op de zorg\n- Het aantal banen (35 000)'), []);
    assert.deepEqual(idsOf('het aantal banen (35.000) en (12345)'), []);
  });
});

describe('real forms: tkconv page headers', () => {
  it('`kamerstukdossier 21501 32-1691` is a document, not the dossier', () => {
    assert.deepEqual(idsOf('kamerstukdossier 21501 32-1691'), ['kst-21501-32-1691']);
  });
  it('`26643 -971` (no toevoeging)', () => {
    assert.deepEqual(idsOf('Onderdeel van kamerstukdossier 26643 -971 Brief regering'), ['kst-26643-971']);
    assert.deepEqual(idsOf('Het saldo daalde van 12500 -300 naar 12200; factuur 12345 12-2024.'), []);
  });
  it('only after a plain five-digit dossier, and not with spaces around the dash', () => {
    assert.deepEqual(idsOf('in 12345 - 5 gevallen, 29 754 -6 dagen en 1234 56-78'), []);
  });
});

describe('real forms: motions', () => {
  it('submitters with initials', () => {
    const [ref] = scan('de motie-M.B. Vos over betaalbaarheid (35925-VI, nr. 12)');
    assert.equal(ref.kind, 'motie');
    assert.equal(ref.id, 'kst-35925-VI-12');
    assert.deepEqual(ref.parts.submitters, ['M.B. Vos']);
    const [two] = scan('de motie van het lid J.Z.C.M. Tellegen c.s. (35925-VI, nr. 13)');
    assert.deepEqual(two.parts.submitters, ['J.Z.C.M. Tellegen']);
  });

  it('plural motions continued with `letter U`: two motions, two ids', () => {
    const refs = scan('de moties van het lid Van Nispen over rechtsbijstand, 35925-VI, letter T, en over mediation, letter U');
    assert.deepEqual(
      refs.map((r) => [r.kind, r.id, r.text]),
      [
        ['motie', 'kst-35925-VI-T', '35925-VI, letter T'],
        ['motie', 'kst-35925-VI-U', 'letter U'],
      ],
    );
    assert.deepEqual(refs[1].parts.submitters, ['Van Nispen']);
  });

  it('a singular named motion takes the one citation set off later in its sentence', () => {
    assert.deepEqual(kinds('de motie van het lid Dassen over stikstof, 35925-XIV, nr. 40, is aangenomen.'), ['motie kst-35925-XIV-40']);
  });

  it('a later citation that is not set off by punctuation stays a kamerstuk', () => {
    assert.deepEqual(kinds('de motie-Van Haga vraagt om de brief 29754-680 te volgen.'), ['motie null', 'kamerstuk kst-29754-680']);
  });

  it('`letter Y herdruk`: a reprint is the same document', () => {
    const [ref] = scan('de motie van het lid Dittrich (35300-VI, letter Y herdruk)');
    assert.equal(ref.id, 'kst-35300-VI-Y');
    assert.ok(ref.text.endsWith('herdruk)'));
  });

  it('several names in plural: `de moties Marijnissen c.s. en Klaver c.s.` are two motions', () => {
    const refs = scan('de moties Marijnissen c.s. en Klaver c.s. zijn aangenomen.');
    assert.deepEqual(
      refs.map((r) => [r.kind, r.id, r.parts.submitters]),
      [
        ['motie', null, ['Marijnissen']],
        ['motie', null, ['Klaver']],
      ],
    );
    const numbered = scan('de moties Marijnissen c.s. en Klaver c.s. (35 570, nrs. 18 en 21)');
    assert.deepEqual(
      numbered.map((r) => [r.kind, r.id, r.parts.submitters]),
      [
        ['motie', 'kst-35570-18', ['Marijnissen']],
        ['motie', 'kst-35570-21', ['Klaver']],
      ],
    );
  });

  it('compact ids after `moties` in the same sentence are motions', () => {
    assert.deepEqual(kinds('Zij verzoeken de door hen ingediende moties (Van Dijk en Klaver) aan te houden: 29911-226; 29911-227.'), [
      'motie kst-29911-226',
      'motie kst-29911-227',
    ]);
  });

  it('`moties op stuk nrs. 226 en 227` without a dossier before them: motions without id, with a diagnostic', () => {
    const out = scanPlain('de door hen ingediende moties op stuk nrs. 226 en 227 aan te houden');
    assert.deepEqual(
      out.refs.map((r) => [r.kind, r.id, r.parts.stuk]),
      [
        ['motie', null, '226'],
        ['motie', null, '227'],
      ],
    );
    assert.deepEqual(
      out.problems.map((p) => p.code),
      ['stuk-unresolved'],
    );
  });

  it('the next sentence is outside the mention', () => {
    assert.deepEqual(kinds('De moties zijn aangehouden. Zie ook: 29911-228.'), ['kamerstuk kst-29911-228']);
  });
});

describe('real forms: amendments', () => {
  it('`amendement van het lid X (36067, nr. 61)` and `gewijzigd amendement`', () => {
    const refs = scan('het amendement van het lid Omtzigt (36067, nr. 61) en het gewijzigd amendement van het lid Dijk (36067, nr. 70)');
    assert.deepEqual(
      refs.map((r) => [r.kind, r.id, r.parts.submitters, r.parts.gewijzigd]),
      [
        ['amendement', 'kst-36067-61', ['Omtzigt'], undefined],
        ['amendement', 'kst-36067-70', ['Dijk'], true],
      ],
    );
  });

  it('`amendement-Lambrechts (stuk nr. 13, I)` takes the dossier under discussion', () => {
    const text = 'Aan de orde is het wetsvoorstel Wijziging van de Pensioenwet (36067). In stemming komt het amendement-Lambrechts (stuk nr. 13, I).';
    const refs = scan(text);
    assert.deepEqual(
      refs.map((r) => `${r.kind} ${r.id}`),
      ['dossier dossier-36067', 'amendement kst-36067-13'],
    );
    assert.deepEqual(idsOf('het amendement-Lambrechts (stuk nr. 13, I)', 'kst-36067-10'), ['kst-36067-13']);
  });

  it('without a dossier under discussion the amendment is named, without id', () => {
    const out = scanPlain('het amendement-Lambrechts (stuk nr. 13, I)');
    assert.deepEqual(
      out.refs.map((r) => [r.kind, r.id]),
      [['amendement', null]],
    );
    assert.deepEqual(
      out.problems.map((p) => p.code),
      ['stuk-unresolved'],
    );
  });

  it('`amendementen` and a compact list after them', () => {
    assert.deepEqual(kinds('de amendementen van het lid Van Dijk: 36067-20; 36067-21.'), ['amendement kst-36067-20', 'amendement kst-36067-21']);
  });
});

describe('real forms: look-alikes stay prose', () => {
  const negatives = [
    'Raadsdocument ST 8803/16 en ST 12345/20 INIT.',
    'Kamervragen nr. 2060702480 en 2024Z0000.',
    'Onderdeel T01237 en type TO3357.', // Eerste Kamer toezegging numbers only where the sentence says so (toezegging-ek.test.ts)
    'Kenmerk nr. 2024-0000123456.',
    'Het kost € 12 345 of 35.788 euro.',
    'Bel 06-12345678 of 070 -3182211.',
    'EK 2023, A en TK 12, nr. 3',
    'De Tweede Kamer 29 754 aanvragen.',
    'Het kabinet-Rutte IV en Willem II, A.',
  ];
  for (const text of negatives) it(JSON.stringify(text), () => assert.deepEqual(idsOf(text), []));
});

describe('real forms: documents of the dossier under discussion', () => {
  const md = (text: string) => analyseMarkdown(text);

  it('`stuk nr.` takes the dossier cited before it in an earlier paragraph', () => {
    const text = [
      'Aan de orde zijn de stemmingen over het wetsvoorstel Wijziging van de Kieswet (25227).',
      '',
      'In stemming komt het amendement-Te Veldhuis/Mateman (stuk nr. 10, I).',
      '',
      'Ik stel vast dat het andere op stuk nr. 10 voorkomende amendement als verworpen kan worden beschouwd.',
      '',
      'Dit impliceert dat de heer Rehwinkel zijn amendementen op stuk nr. 8 intrekt, en de motie op stuk nr. 12 ook.',
    ].join('\n');
    const scan = md(text);
    assert.deepEqual(
      scan.refs.map((r) => `${r.kind} ${r.id}`),
      ['dossier dossier-25227', 'amendement kst-25227-10', 'amendement kst-25227-10', 'amendement kst-25227-8', 'motie kst-25227-12'],
    );
    assert.deepEqual(scan.refs[1].parts.submitters, ['Te Veldhuis', 'Mateman']);
    assert.ok(!scan.problems.some((p) => p.code === 'stuk-unresolved'), 'resolved stukken leave no diagnostic');
  });

  it('a later `stuk nr.` of an amendment named earlier is that amendment', () => {
    const text =
      'De Wet op het onderwijs (27171) ligt voor.\n\nHet amendement op stuk nr. 18 gaat voor.\n\nAls wij eerst over stuk nr. 18 stemmen, vervalt stuk nr. 19.';
    assert.deepEqual(
      md(text).refs.map((r) => `${r.kind} ${r.id}`),
      ['dossier dossier-27171', 'amendement kst-27171-18', 'amendement kst-27171-18', 'kamerstuk kst-27171-19'],
    );
  });

  it('the document’s own id gives the dossier', () => {
    const text = '---\nkamerstuk: kst-36067-20\n---\n\nHet amendement op stuk nr. 13 is aangenomen.\n';
    assert.deepEqual(
      md(text).refs.map((r) => r.id),
      ['kst-36067-13'],
    );
  });

  it('a dossier heading gives the dossier, without being a citation itself', () => {
    const text =
      'CXXIV\n\nDit verslag (EK, A) van de commissie. Tijdens het debat is de motie-Nagel (50PLUS) c.s. over het volgen van vergaderingen (EK, B) ingediend.';
    const scan = md(text);
    assert.deepEqual(
      scan.refs.map((r) => `${r.kind} ${r.id}`),
      ['kamerstuk kst-CXXIV-A', 'motie kst-CXXIV-B'],
    );
    assert.deepEqual(scan.refs[1].parts.submitters, ['Nagel']);
    assert.deepEqual(
      md('26 643 Informatie- en communicatietechnologie (ICT)\n\nZie stuk nr. 970.').refs.map((r) => r.id),
      ['kst-26643-970'],
    );
  });

  it('without any dossier before it the id stays null, with a diagnostic; a dossier after it does not count', () => {
    const scan = md('In de motie op stuk nr. 347 wijzig ik het dictum.\n\nDe motie-Gesthuizen (32317, nr. 347) luidt nu:');
    assert.deepEqual(
      scan.refs.map((r) => `${r.kind} ${r.id}`),
      ['motie null', 'motie kst-32317-347'],
    );
    assert.deepEqual(
      scan.problems.map((p) => p.code),
      ['stuk-unresolved'],
    );
  });

  it('`(EK, A)` outside parentheses or with a number is not a document', () => {
    assert.deepEqual(idsOf('EK, A en (EK, 12) en de EK, B'), []);
  });
});

describe('real forms: Handelingen formulas and page headers', () => {
  it('`Zij krijgt nr. 348, was nr. 347 (32317)`: the altered motion and the one it replaces', () => {
    const refs = scan('Zij krijgt nr. 348, was nr. 347 (32317).');
    assert.deepEqual(
      refs.map((r) => [r.kind, r.id, r.text]),
      [
        ['motie', 'kst-32317-348', 'nr. 348'],
        ['motie', 'kst-32317-347', 'was nr. 347 (32317)'],
      ],
    );
    assert.equal(refs[0].parts.replaces, 'kst-32317-347');
    assert.deepEqual(kinds('Zij krijgt nr. 49 (26263).'), ['motie kst-26263-49']);
    assert.deepEqual(kinds('Het debat over nr. 456 (36800-XVI).'), ['kamerstuk kst-36800-XVI-456']);
  });

  it('officielebekendmakingen’s page header, with the vergaderjaar glued on', () => {
    assert.deepEqual(idsOf('Tweede Kamer der Staten-Generaal2019-2020nr. 31, item 8'), ['h-tk-20192020-31-8']);
    const [old] = scan('Tweede Kamer der Staten-Generaal1996-1997nr. 41, pagina 3369-3373');
    assert.deepEqual([old.kind, old.id, old.parts.vergadering, old.parts.page], ['handelingen', null, '41', '3369-3373']);
  });

  it('a Kamer, a vergaderjaar and a number without dossier: a vergadering', () => {
    assert.deepEqual(kinds('Tweede Kamer, vergaderjaar 2022–2023, nr. 45, item 3'), ['handelingen h-tk-20222023-45-3']);
    assert.deepEqual(kinds('Tweede Kamer, vergaderjaar 2022–2023, 29 754, nr. 683'), ['kamerstuk kst-29754-683']);
  });

  it('the Eerste Kamer’s dated form `Handelingen I 23 juni 2009, 36–1624`', () => {
    const [ref] = scan('Handelingen I 23 juni 2009, 36–1624');
    assert.deepEqual([ref.kind, ref.id, ref.parts.kamer, ref.parts.vergadering, ref.parts.page], ['handelingen', null, 'I', '36', '1624']);
  });

  it('a glued year takes only `nr.`', () => {
    assert.deepEqual(idsOf('Tweede Kamer der Staten-Generaal2019-2020abc'), []);
  });
});

describe('real forms: more motion and amendment notations', () => {
  it('`amendement 36067 – 61` and `motie 36067-62`, the number right after the word', () => {
    assert.deepEqual(kinds('(amendement 36067 – 61) en motie 36067-62'), ['amendement kst-36067-61', 'motie kst-36067-62']);
    assert.deepEqual(kinds('de moties 29911-226; 29911-227.'), ['motie kst-29911-226', 'motie kst-29911-227']);
    assert.deepEqual(idsOf('de motie 12 keer en amendement 2023 – 24'), []);
  });

  it('a party after the name belongs to the name', () => {
    const [ref] = scan('de motie-De Graaf (D66) c.s. (35 570, nr. 3)');
    assert.deepEqual([ref.id, ref.parts.submitters], ['kst-35570-3', ['De Graaf']]);
  });

  it('a single capitalised word after `motie` is a name only when a motion’s words follow', () => {
    assert.deepEqual(kinds('de motie Ellian over x. De motie Ellian is aangenomen.'), ['motie null', 'motie null']);
    assert.deepEqual(idsOf('Stemmingen moties Debat naar aanleiding van de regeringsverklaring'), []);
    assert.deepEqual(idsOf('10 Stemming motie Staat van de rechtsstaat'), []);
  });

  it('a dossier in parentheses after a decree, nomination, EU proposal or letter', () => {
    assert.deepEqual(idsOf('- Goedkeuring van het koninklijk besluit van 14 februari 2019 (35196);'), ['dossier-35196']);
    assert.deepEqual(idsOf('- de voordracht ter vervulling van een vacature (31096);'), ['dossier-31096']);
    assert.deepEqual(idsOf('Kamerstukken Europees voorstel voor richtlijn gelijke behandeling (31.544)'), ['dossier-31544']);
    assert.deepEqual(idsOf('Toezegging Beperking dubbelbenoemingen (30.585)'), ['dossier-30585']);
  });
});

describe('real forms: found on the second (held-out) set', () => {
  it('a joint Eerste Kamer document with `letter`: the first dossier gives the id', () => {
    const [ref] = scan('(35526, 35722, letter AJ)');
    assert.deepEqual([ref.id, ref.parts.extraDossiers], ['kst-35526-AJ', ['35722']]);
  });

  it('Eerste Kamer letters after a plain dossier or a toevoeging, not an initial', () => {
    assert.deepEqual(idsOf('36200 VIII, I; 34109, L; (34109,L)'), ['kst-36200-VIII-I', 'kst-34109-L', 'kst-34109-L']);
    assert.deepEqual(
      idsOf(
        'Het aantal steeg tot 15000, U weet waarom. PvdA 12345, SP 23456. Postbus 20018, EA Den Haag. Stuur uw CV, U krijgt. Mail je CV, CC aan HR. In hoofdstuk CI, A wordt',
      ),
      [],
    );
    assert.deepEqual(idsOf('dossier nr. 12345, A. Jansen schreef'), []);
  });

  it('a motion inside the name of another document does not take a parenthesis after a clause', () => {
    assert.deepEqual(kinds('het verslag over de uitvoering van de motie-Janssen c.s. over zeggenschap (35526, letter AC);'), [
      'motie null',
      'kamerstuk kst-35526-AC',
    ]);
    assert.deepEqual(kinds('de voortgangsrapportage over de uitvoering motie van het lid Marijnissen c.s. (Kamerstuk 35510-21)'), ['motie kst-35510-21']);
    assert.deepEqual(kinds('de motie-Janssen c.s. over zeggenschap (35526, letter L);'), ['motie kst-35526-L']);
  });

  it('the Eerste Kamer site’s sitting in parentheses: `(2018/2019 nr. 23)`', () => {
    const [ref] = scan('Verslag van de vergadering van 26 maart 2019 (2018/2019 nr. 23)');
    assert.deepEqual([ref.kind, ref.id, ref.parts.vergaderjaar, ref.parts.vergadering, ref.text], ['handelingen', null, '2018-2019', '23', '2018/2019 nr. 23']);
    assert.deepEqual(idsOf('(2022 nr. 5) en (2020/2022 nr. 4) en (2018/2019 nr. 23 en meer)'), []);
  });

  it('a labelled citation closing a parenthesised description', () => {
    const text = 'Gewijzigd Amendement van de leden Omtzigt en Leijten (niet slechts door middel van\neen notariële akte, Kamerstuk 36 151, nr. 23)';
    assert.deepEqual(kinds(text), ['amendement kst-36151-23']);
    assert.deepEqual(kinds('de motie-Omtzigt (over iets anders, zie 36151-23)'), ['motie null', 'kamerstuk kst-36151-23']);
  });

  it('a numbered mention in any bare notation: `motie 31 200 XVIII, nr. 22`', () => {
    assert.deepEqual(kinds('de motie 31 200 XVIII, nr. 22'), ['motie kst-31200-XVIII-22']);
  });

  it('names joined by `en` in the short form: `amendement Lodders en Van Weyenberg`', () => {
    const [ref] = scan('het amendement Lodders en Van Weyenberg over de hersteloperatie');
    assert.deepEqual([ref.kind, ref.parts.submitters], ['amendement', ['Lodders', 'Van Weyenberg']]);
  });

  it('a heading or table header that ends after `motie X` is no motion, unless X starts with a particle', () => {
    assert.deepEqual(idsOf('Stemming motie Verzamelwet Brexit\n\nOmschrijving motie Vindplaats Stand van Zaken'), []);
    assert.deepEqual(kinds('## Robuust systeem en motie Van Haga'), ['motie null']);
  });

  it('Handelingen by date with a vergaderjaar, and officielebekendmakingen’ metadata as a table', () => {
    const [dated] = scan('Handelingen Tweede Kamer 1985-1986 07 mei 1986 orde 3');
    assert.deepEqual([dated.kind, dated.id, dated.parts.vergaderjaar, dated.parts.item], ['handelingen', null, '1985-1986', '3']);
    assert.deepEqual(idsOf('| Tweede Kamer der Staten-Generaal | 2021-2022 | nr. 107, item 16 |'), ['h-tk-20212022-107-16']);
  });
});

describe('real forms: guards from the review of this change', () => {
  const md = (text: string) => analyseMarkdown(text);

  it('a motion of another dossier cited in passing does not change the bill under discussion', () => {
    const text = 'Wijziging van de Wet X (36 067). De heer Jansen verwees naar de motie (29 754, nr. 683). Het amendement op stuk nr. 13 is aangenomen.';
    assert.deepEqual(idsOf(text), ['dossier-36067', 'kst-29754-683', 'kst-36067-13']);
  });

  it('the same text gives the same id in one paragraph or two; a heading before it counts, the own id last', () => {
    const fm = '---\nkamerstuk: kst-36067-12\n---\n\n';
    const one = md(`${fm}Zie Kamerstuk 29754, nr. 5. Het amendement op stuk nr. 13 is aangenomen.\n`);
    const two = md(`${fm}Zie Kamerstuk 29754, nr. 5.\n\nHet amendement op stuk nr. 13 is aangenomen.\n`);
    assert.equal(one.refs[1].id, 'kst-29754-13');
    assert.equal(two.refs[1].id, 'kst-29754-13');
    assert.equal(md(`${fm}26 643 Informatie- en communicatietechnologie\n\nHet amendement op stuk nr. 13.\n`).refs[0].id, 'kst-26643-13');
    assert.equal(md(`${fm}Het amendement op stuk nr. 13.\n`).refs[0].id, 'kst-36067-13');
  });

  it('registration numbers after `stuknr.` are no documents; ranges keep their warnings', () => {
    assert.deepEqual(idsOf('Zie Kamerstuk 29754, nr. 5. Ons kenmerk: stuknr. 2024-123.'), ['kst-29754-5']);
    const out = scanPlain('Wijziging van de Wet X (36 067): stukken nrs. 1 t/m 80');
    assert.ok(
      out.problems.some((p) => p.code === 'large-range'),
      out.problems.map((p) => p.code).join(),
    );
  });

  it('a Roman dossier has letter documents only', () => {
    assert.deepEqual(idsOf('Kamerstukken I 2019/20, CXXIV, letter A. Het amendement op stuk nr. 3.'), ['kst-CXXIV-A', null]);
  });

  it('a parenthesis after a clause is not the motion’s when its citation only closes it', () => {
    assert.deepEqual(kinds('De motie-Jansen vraagt om een onderzoek (zie de brief van de minister, Kamerstuk 29754, nr. 12).'), [
      'motie null',
      'kamerstuk kst-29754-12',
    ]);
  });

  it('a citation in parentheses after a name is no party', () => {
    assert.deepEqual(kinds('De motie-Jansen (29754-12) is aangenomen.'), ['motie kst-29754-12']);
    assert.deepEqual(kinds('Het amendement-Jansen (36067-61) en de motie-Van der Lee (21501-32-1188).'), [
      'amendement kst-36067-61',
      'motie kst-21501-32-1188',
    ]);
    assert.deepEqual(kinds('de motie-Jansen (2024D12345)'), ['motie null', 'tk-document 2024D12345']);
  });

  it('a singular mention names nothing past its clause, nor after it found its number', () => {
    assert.deepEqual(kinds('De motie-Jansen is aangenomen; de regering reageerde, 29754-12, met een brief.'), ['motie null', 'kamerstuk kst-29754-12']);
    assert.deepEqual(kinds('Kamerstuk 35 788, nr. 78 (motie Van der Plas), zie ook de brief, 35788-80.'), ['motie kst-35788-78', 'kamerstuk kst-35788-80']);
  });

  it('hard-wrapped mentions and two mentions joined by `en`', () => {
    assert.deepEqual(kinds('de motie Omtzigt\nover de toeslagen is aangenomen'), ['motie null']);
    assert.deepEqual(scan('de motie-Omtzigt\nc.s. over de toeslagen')[0].parts.submitters, ['Omtzigt']);
    assert.deepEqual(kinds('de motie Jansen en de motie Pietersen zijn aangenomen'), ['motie null', 'motie null']);
  });

  it('a numbered mention’s problems point at the references it gives', () => {
    const out = scanPlain('motie 29754, nrs. 5 t/m 100');
    const problem = out.problems.find((p) => p.code === 'large-range')!;
    assert.ok(problem, out.problems.map((p) => p.code).join());
    for (const r of problem.refs) assert.ok(out.refs.includes(r), 'a problem points at a reference not in the output');
  });

  it('round numbers in prose after a document word are no dossiers', () => {
    assert.deepEqual(idsOf('Volgens de brief zijn de aantallen gestegen (12 500) en daarna gedaald (10 000).'), []);
    assert.deepEqual(idsOf('Het kabinetsbesluit leidde tot veel bezwaren (25 000).'), []);
    assert.deepEqual(idsOf('Volgens de brief waren er veel klachten (12.500).'), []);
  });
});
