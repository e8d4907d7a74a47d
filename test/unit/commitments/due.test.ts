import { strict as assert } from 'node:assert';
import { parseDue } from '../../../src/core/commitments';
import { prinsjesdag, recess, verantwoordingsdag } from '../../../src/core/commitments/calendar';

// Two letters: one of spring (before the summer recess) and one of autumn (after it).
const SPRING = '2025-03-10';
const AUTUMN = '2025-10-14';

/** [passage, letter date, from, to, text]: from/to undefined where the range has none. */
type Case = [string, string, string | undefined, string | undefined, string];

const CASES: Case[] = [
  // Summer: before the zomerreces (first Friday of July, so the Thursday before), and "next summer" after it.
  ['U ontvangt de voortgangsbrief voor de zomer.', SPRING, SPRING, '2025-07-03', 'voor de zomer'],
  ['U ontvangt de voortgangsbrief voor de zomer.', AUTUMN, AUTUMN, '2026-07-02', 'voor de zomer'],
  ['U ontvangt de voortgangsbrief voor het zomerreces.', SPRING, SPRING, '2025-07-03', 'voor het zomerreces'],
  ['U ontvangt de voortgangsbrief voor het zomerreces.', AUTUMN, AUTUMN, '2026-07-02', 'voor het zomerreces'],
  ['Ik stuur u voor de zomer van 2026 een brief.', SPRING, SPRING, '2026-07-02', 'voor de zomer van 2026'],
  ['Voor de zomer 2025 stuurt de minister het plan.', SPRING, SPRING, '2025-07-03', 'Voor de zomer 2025'],
  ['De bevindingen worden na de zomer naar de Kamer gestuurd.', SPRING, '2025-09-01', '2025-11-30', 'na de zomer'],
  ['De bevindingen worden na het zomerreces naar de Kamer gestuurd.', SPRING, '2025-09-01', '2025-11-30', 'na het zomerreces'],
  ['De verwachting is dat deze zomer partijen de mogelijkheden in kaart hebben gebracht.', '2024-06-18', '2024-06-18', '2024-08-31', 'deze zomer'],
  // Seasons (meteorological), with and without a year; a season already begun starts at the letter.
  ['Ik informeer uw Kamer in het najaar van 2025.', SPRING, '2025-09-01', '2025-11-30', 'in het najaar van 2025'],
  ['Ik informeer uw Kamer in het najaar.', SPRING, '2025-09-01', '2025-11-30', 'in het najaar'],
  ['Ik informeer uw Kamer in het najaar.', AUTUMN, AUTUMN, '2025-11-30', 'in het najaar'],
  ['Het onderzoek is komend voorjaar klaar.', AUTUMN, '2026-03-01', '2026-05-31', 'komend voorjaar'],
  ['Het onderzoek is in het voorjaar van 2026 klaar.', SPRING, '2026-03-01', '2026-05-31', 'in het voorjaar van 2026'],
  ['Dit najaar volgt een brief.', SPRING, '2025-09-01', '2025-11-30', 'Dit najaar'],
  ['Het plan volgt in de loop van het voorjaar.', AUTUMN, '2026-03-01', '2026-05-31', 'in de loop van het voorjaar'],
  // The end of a recess (the day before the Kamer sits again), the circulaires (tuning group 4: kst-35165-9,
  // kst-33279-1, kst-32500-C-7), "het nieuwe jaar".
  ['Deze zal ik uiterlijk voor het einde van het zomerreces aan uw Kamer zenden.', SPRING, SPRING, '2025-08-31', 'voor het einde van het zomerreces'],
  [
    'U kunt de brief spoedig, uiterlijk voor het einde van het meireces, tegemoet zien.',
    '2012-04-20',
    '2012-04-20',
    '2012-05-13',
    'voor het einde van het meireces',
  ],
  [
    'Beantwoording zal plaatsvinden voor het verschijnen van de meicirculaire provinciefonds.',
    '2011-05-13',
    '2011-05-13',
    '2011-05-30',
    'voor het verschijnen van de meicirculaire provinciefonds',
  ],
  ['Ik informeer u bij de septembercirculaire.', SPRING, SPRING, '2025-09-16', 'bij de septembercirculaire'],
  ['Ik zal u zo spoedig mogelijk in het nieuwe jaar informeren.', AUTUMN, '2026-01-01', '2026-12-31', 'in het nieuwe jaar'],
  ['Ik informeer u in het nieuwe jaar.', '2026-01-09', '2026-01-09', '2026-12-31', 'in het nieuwe jaar'],
  // A year word inside a longer word is none: the vague phrase stands.
  ['Het nieuwe jaarplan van de inspectie stuur ik u zo spoedig mogelijk.', AUTUMN, undefined, undefined, 'zo spoedig mogelijk'],
  ['Ik stuur u dit jaarverslag zodra het gereed is.', AUTUMN, undefined, undefined, 'zodra het gereed is'],
  // The year.
  ['Ik kom hier eind dit jaar op terug.', SPRING, SPRING, '2025-12-31', 'eind dit jaar'],
  ['Ik kom hier aan het eind van het jaar op terug.', AUTUMN, AUTUMN, '2025-12-31', 'aan het eind van het jaar'],
  ['De wet treedt uiterlijk eind 2026 in werking.', SPRING, SPRING, '2026-12-31', 'uiterlijk eind 2026'],
  ['Het rapport verschijnt nog dit jaar.', AUTUMN, AUTUMN, '2025-12-31', 'nog dit jaar'],
  ['Het rapport verschijnt begin 2026.', AUTUMN, '2026-01-01', '2026-03-31', 'begin 2026'],
  ['Het rapport verschijnt begin volgend jaar.', AUTUMN, '2026-01-01', '2026-03-31', 'begin volgend jaar'],
  ['Het rapport verschijnt medio 2026.', SPRING, '2026-05-01', '2026-08-31', 'medio 2026'],
  ['De evaluatie volgt in de loop van 2026.', SPRING, '2026-01-01', '2026-12-31', 'in de loop van 2026'],
  ['De evaluatie volgt volgend jaar.', AUTUMN, '2026-01-01', '2026-12-31', 'volgend jaar'],
  ['De pilot start in de tweede helft van 2026.', SPRING, '2026-07-01', '2026-12-31', 'in de tweede helft van 2026'],
  ['Rond de jaarwisseling ontvangt u de monitor.', AUTUMN, '2025-12-01', '2026-01-31', 'Rond de jaarwisseling'],
  // Quarters.
  ['Ik stuur u in het eerste kwartaal een brief.', AUTUMN, '2026-01-01', '2026-03-31', 'in het eerste kwartaal'],
  ['Ik stuur u in het eerste kwartaal een brief.', SPRING, SPRING, '2025-03-31', 'in het eerste kwartaal'],
  ['Ik stuur u in het derde kwartaal van 2026 een brief.', SPRING, '2026-07-01', '2026-09-30', 'in het derde kwartaal van 2026'],
  ['De rapportage volgt in Q2 2026.', AUTUMN, '2026-04-01', '2026-06-30', 'Q2 2026'],
  // Days and months.
  ['Ik informeer u voor 1 januari 2026.', AUTUMN, AUTUMN, '2025-12-31', 'voor 1 januari 2026'],
  ['Ik informeer u vóór 1 juni.', SPRING, SPRING, '2025-05-31', 'vóór 1 juni'],
  ['Ik informeer u vóór 1 juni.', AUTUMN, AUTUMN, '2026-05-31', 'vóór 1 juni'],
  ['De regeling geldt per 1 juli 2026.', SPRING, SPRING, '2026-07-01', 'per 1 juli 2026'],
  ['Uw Kamer wordt uiterlijk januari 2019 geïnformeerd.', '2018-06-01', '2018-06-01', '2019-01-31', 'uiterlijk januari 2019'],
  ['Het besluit volgt in maart.', AUTUMN, '2026-03-01', '2026-03-31', 'in maart'],
  ['Het besluit volgt in maart.', SPRING, SPRING, '2025-03-31', 'in maart'],
  ['Het besluit volgt eind april.', SPRING, '2025-04-16', '2025-04-30', 'eind april'],
  ['Het besluit volgt voor eind juni 2025.', SPRING, SPRING, '2025-06-30', 'voor eind juni 2025'],
  ['Ik stuur u in september een brief.', SPRING, '2025-09-01', '2025-09-30', 'in september'],
  // Spans from the letter's date, numbers in words and digits.
  ['U ontvangt binnen drie maanden een reactie.', SPRING, SPRING, '2025-06-10', 'binnen drie maanden'],
  ['U ontvangt binnen 3 maanden een reactie.', AUTUMN, AUTUMN, '2026-01-14', 'binnen 3 maanden'],
  ['De Kamer ontvangt binnen drie weken een brief.', AUTUMN, AUTUMN, '2025-11-04', 'binnen drie weken'],
  ['De Kamer ontvangt binnen zes weken een brief.', SPRING, SPRING, '2025-04-21', 'binnen zes weken'],
  ['U ontvangt binnen een half jaar de evaluatie.', SPRING, SPRING, '2025-09-10', 'binnen een half jaar'],
  ['U ontvangt binnen twaalf maanden de evaluatie.', SPRING, SPRING, '2026-03-10', 'binnen twaalf maanden'],
  ['U ontvangt binnen een jaar de evaluatie.', AUTUMN, AUTUMN, '2026-10-14', 'binnen een jaar'],
  ['U ontvangt binnen tien werkdagen een antwoord.', SPRING, SPRING, '2025-03-24', 'binnen tien werkdagen'],
  // The budget cycle: Prinsjesdag (third Tuesday of September), begrotingsbehandeling, Voorjaarsnota, Najaarsnota.
  ['Ik kom hierop terug bij de begroting.', SPRING, SPRING, '2025-09-16', 'bij de begroting'],
  ['Ik kom hierop terug bij de begroting.', AUTUMN, AUTUMN, '2026-09-15', 'bij de begroting'],
  ['Ik kom hierop terug bij de begroting 2027.', SPRING, SPRING, '2026-09-15', 'bij de begroting 2027'],
  ['Het overzicht wordt voor Prinsjesdag met uw Kamer gedeeld.', SPRING, SPRING, '2025-09-15', 'voor Prinsjesdag'],
  ['De Miljoenennota verschijnt op Prinsjesdag, met het overzicht.', SPRING, SPRING, '2025-09-16', 'op Prinsjesdag'],
  ['Het overzicht komt met de Miljoenennota.', AUTUMN, AUTUMN, '2026-09-15', 'met de Miljoenennota'],
  ['Ik kom hierop terug bij de voorjaarsnota.', AUTUMN, AUTUMN, '2026-05-31', 'bij de voorjaarsnota'],
  ['Ik kom hierop terug bij de Voorjaarsnota.', SPRING, SPRING, '2025-05-31', 'bij de Voorjaarsnota'],
  ['De dekking volgt bij de najaarsnota.', SPRING, SPRING, '2025-11-30', 'bij de najaarsnota'],
  ['Voor het begrotingsdebat ontvangt u een eerste rapportage.', SPRING, SPRING, '2025-12-18', 'Voor het begrotingsdebat'],
  [
    'De minister zal de Kamer voor behandeling van de Defensiebegroting 2026 schriftelijk informeren.',
    '2025-07-02',
    '2025-07-02',
    '2025-12-18',
    'voor behandeling van de Defensiebegroting 2026',
  ],
  // Other recesses (the usual dates) and Christmas.
  ['U ontvangt de brief voor het kerstreces.', AUTUMN, AUTUMN, '2025-12-18', 'voor het kerstreces'],
  ['U ontvangt de brief voor de kerst.', SPRING, SPRING, '2025-12-18', 'voor de kerst'],
  ['U ontvangt de brief voor het meireces.', SPRING, SPRING, '2025-04-24', 'voor het meireces'],
  ['U ontvangt de brief voor het voorjaarsreces.', AUTUMN, AUTUMN, '2026-02-12', 'voor het voorjaarsreces'],
  ['U ontvangt de brief voor het herfstreces.', SPRING, SPRING, '2025-10-16', 'voor het herfstreces'],
  ['U ontvangt de brief direct na het kerstreces.', AUTUMN, '2026-01-12', '2026-02-22', 'direct na het kerstreces'],
  // More forms seen in letters and debates.
  ['De minister komt nog voor de zomer met het R&D-actieplan.', SPRING, SPRING, '2025-07-03', 'nog voor de zomer'],
  ['Wij laten weten u eind van het jaar te informeren.', SPRING, SPRING, '2025-12-31', 'eind van het jaar'],
  ['De pilot loopt in de eerste helft van volgend jaar.', AUTUMN, '2026-01-01', '2026-06-30', 'in de eerste helft van volgend jaar'],
  ['Ik informeer u voor de zomer van volgend jaar.', SPRING, SPRING, '2026-07-02', 'voor de zomer van volgend jaar'],
  ['U ontvangt de rapportage uiterlijk in het tweede kwartaal van 2026.', AUTUMN, AUTUMN, '2026-06-30', 'uiterlijk in het tweede kwartaal van 2026'],
  ['U ontvangt in de komende maanden een brief.', SPRING, SPRING, '2025-09-10', 'in de komende maanden'],
  ['U ontvangt later dit jaar een brief.', AUTUMN, AUTUMN, '2025-12-31', 'later dit jaar'],
  ['U ontvangt volgende maand een brief.', AUTUMN, '2025-11-01', '2025-11-30', 'volgende maand'],
  ['De jaarverslagen komen op Verantwoordingsdag.', SPRING, SPRING, '2025-05-21', 'op Verantwoordingsdag'],
  // From the hand-tagged letters of test/fixtures/suggestions.
  [
    'Ik Uw Kamer de gevraagde informatie in de tweede helft van oktober 2013 zal toesturen.',
    '2013-09-25',
    '2013-10-16',
    '2013-10-31',
    'in de tweede helft van oktober 2013',
  ],
  [
    'Het kabinet is voornemens om het regeerprogramma op vrijdag 13 september 2024 aan de Kamer te sturen.',
    '2024-09-12',
    '2024-09-12',
    '2024-09-13',
    'op vrijdag 13 september 2024',
  ],
  ['Ik verwacht u de brief uiterlijk 30 april te doen toekomen.', '2020-04-06', '2020-04-06', '2020-04-30', 'uiterlijk 30 april'],
  ['Wij zijn voornemens u in het najaar nader te berichten.', '2020-08-11', '2020-09-01', '2020-11-30', 'in het najaar'],
  // Vague: no dates.
  ['Ik informeer uw Kamer zo spoedig mogelijk.', SPRING, undefined, undefined, 'zo spoedig mogelijk'],
  ['Ik informeer uw Kamer zo snel mogelijk.', AUTUMN, undefined, undefined, 'zo snel mogelijk'],
  ['Het kabinet neemt op korte termijn maatregelen.', SPRING, undefined, undefined, 'op korte termijn'],
  ['De komende periode wordt gewerkt aan een nadere uitwerking hiervan.', '2024-06-18', undefined, undefined, 'De komende periode'],
  [
    'Zodra dit meer duidelijkheid heeft opgeleverd, wordt de Kamer geïnformeerd.',
    SPRING,
    undefined,
    undefined,
    'Zodra dit meer duidelijkheid heeft opgeleverd',
  ],
  [
    'De staatssecretaris informeert de Kamer na afloop van de lopende onderhandelingen.',
    SPRING,
    undefined,
    undefined,
    'na afloop van de lopende onderhandelingen',
  ],
];

describe('parseDue: deadline phrases against the letter date', () => {
  it(`has at least 40 phrases, from letters dated in spring and in autumn (${CASES.length} cases)`, () => {
    assert.ok(CASES.length >= 40);
    assert.ok(CASES.some((c) => c[1] === SPRING) && CASES.some((c) => c[1] === AUTUMN));
  });

  for (const [passage, date, from, to, text] of CASES)
    it(`${date}: ${text}`, () => {
      const due = parseDue(passage, date);
      assert.ok(due, `no deadline read from: ${passage}`);
      assert.equal(due.text, text);
      assert.equal(due.from, from, 'from');
      assert.equal(due.to, to, 'to');
      assert.equal(due.vague === true, from === undefined && to === undefined, 'vague');
    });
});

describe('parseDue: choosing among phrases', () => {
  it('the earliest deadline of the passage wins, and the range names its phrase', () => {
    const due = parseDue('Ik stuur u voor de zomer een eerste rapportage en eind dit jaar de evaluatie.', SPRING);
    assert.deepEqual(due, { from: SPRING, to: '2025-07-03', text: 'voor de zomer' });
    const later = parseDue('Eind dit jaar volgt de evaluatie, na een tussenrapportage binnen drie maanden.', SPRING);
    assert.equal(later?.text, 'binnen drie maanden');
  });

  it('a dated phrase wins over a vague one', () => {
    assert.equal(parseDue('Ik informeer u zo spoedig mogelijk, uiterlijk voor het zomerreces.', SPRING)?.text, 'voor het zomerreces');
  });

  it('a date in the past ("op 31 mei jl.", "in 2023") is no deadline when the passage has one ahead', () => {
    const due = parseDue('Op 31 mei jl. heb ik toegezegd in 2023 begonnen werk voor de zomer af te ronden.', '2025-06-10');
    assert.equal(due?.text, 'voor de zomer');
    assert.equal(due?.to, '2025-07-03');
  });

  it('a passage about the past has no deadline', () => {
    assert.equal(parseDue('In 2023 is besloten de procedure te herzien.', SPRING), undefined);
    assert.equal(parseDue('Voor 1 januari 2024 is de wet ingevoerd.', SPRING), undefined);
  });

  it('a bare year or a budget "op de begroting" is no deadline', () => {
    assert.equal(parseDue('Het Kamerstuk 29 754 uit 2023 gaat over geld op de begroting.', SPRING), undefined);
  });

  it('no deadline in a name, a number of things or a vague plural ("voor Jan", "over jaren")', () => {
    assert.equal(parseDue('Een brief voor Jan de Vries over jaren van beleid.', SPRING), undefined);
    assert.equal(parseDue('Het ging in 2019 om 20300 gevallen.', SPRING), undefined);
    assert.equal(parseDue('Ik informeer u voor 1 jan. 2026.', SPRING)?.to, '2025-12-31');
  });

  it('"uiterlijk 2027" runs from the letter to the end of that year', () => {
    assert.deepEqual(parseDue('De wet treedt uiterlijk 2027 in werking.', SPRING), { from: SPRING, to: '2027-12-31', text: 'uiterlijk 2027' });
  });

  it('no deadline phrase gives undefined; a letter date that is no date too', () => {
    assert.equal(parseDue('Wij hebben de partners gesproken.', SPRING), undefined);
    assert.equal(parseDue('voor de zomer', 'juni 2025'), undefined);
    assert.equal(parseDue('voor de zomer', '2025-02-30'), undefined);
  });

  it('keeps the passage’s own spelling in the text (accents, capitals, one space for line breaks)', () => {
    assert.equal(parseDue('Vóór  1\njuni ontvangt u', SPRING)?.text, 'Vóór 1 juni');
  });
});

describe('the usual parliamentary calendar', () => {
  const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  it('recesses as the Kamer held them in 2024 and 2025', () => {
    assert.deepEqual([iso(recess('zomerreces', 2024).from), iso(recess('zomerreces', 2024).to)], ['2024-07-05', '2024-09-02']);
    assert.deepEqual([iso(recess('zomerreces', 2025).from), iso(recess('zomerreces', 2025).to)], ['2025-07-04', '2025-09-01']);
    assert.deepEqual([iso(recess('kerstreces', 2024).from), iso(recess('kerstreces', 2024).to)], ['2024-12-20', '2025-01-13']);
    assert.deepEqual([iso(recess('meireces', 2025).from), iso(recess('meireces', 2025).to)], ['2025-04-25', '2025-05-12']);
    assert.deepEqual([iso(recess('voorjaarsreces', 2025).from), iso(recess('voorjaarsreces', 2025).to)], ['2025-02-14', '2025-02-24']);
  });

  it('Prinsjesdag is the third Tuesday of September, Verantwoordingsdag the third Wednesday of May', () => {
    assert.deepEqual(
      [2023, 2024, 2025, 2026].map((y) => iso(prinsjesdag(y))),
      ['2023-09-19', '2024-09-17', '2025-09-16', '2026-09-15'],
    );
    assert.deepEqual(
      [2024, 2025].map((y) => iso(verantwoordingsdag(y))),
      ['2024-05-15', '2025-05-21'],
    );
  });
});

describe('parseDue on any mix of phrases (fast-check)', () => {
  const fragments = [
    'voor de zomer',
    'na de zomer',
    'in het najaar van 2026',
    'eind dit jaar',
    'begin 2027',
    'binnen drie maanden',
    'in maart',
    'voor 1 januari 2026',
    'zo spoedig mogelijk',
    'bij de begroting',
    'voor het kerstreces',
    'in het eerste kwartaal',
    'rond de jaarwisseling',
    'in 2019',
    'Op 31 mei jl.',
    'de Kamer',
    ', ',
    '. ',
    ' ',
    'vóór',
    '\u00a0',
  ];
  it('never throws; a range ends on or after the letter date, starts before it ends, and quotes the passage', async () => {
    const fc = (await import('fast-check')).default;
    const day = fc.date({ min: new Date(2000, 0, 1), max: new Date(2035, 11, 31), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 8 }), fc.string({ maxLength: 20 }), day, (parts, noise, date) => {
        const passage = parts.join(' ') + noise;
        const due = parseDue(passage, date);
        if (!due) return;
        assert.ok(passage.replace(/\s+/g, ' ').includes(due.text), due.text);
        if (due.vague) return assert.equal(due.from ?? due.to, undefined);
        assert.ok(due.to && due.to >= date, `${due.to} before ${date}`);
        if (due.from) assert.ok(due.from <= due.to);
      }),
      { numRuns: 2000 },
    );
  });
});
