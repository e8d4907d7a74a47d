import { strict as assert } from 'node:assert';
import { scoreCommitment, scoreConclusion, suggestTags } from '../../../src/core/suggestions';

const tagsOf = (text: string) => suggestTags(text).map((p) => [p.tag, text.slice(p.start, p.end)]);

describe('suggestions: cues and scores', () => {
  it('scores first-person promises and informing the Kamer as commitments', () => {
    for (const s of [
      'Ik zal uw Kamer voor de zomer informeren over de uitkomsten.',
      'Ik zeg uw Kamer toe dat de regeling wordt herzien.',
      'Voor het zomerreces zal ik uw Kamer hierover nader informeren.',
      'Het kabinet zal in het najaar van 2025 een wetsvoorstel indienen.',
      'Ik kom hierop voor de begrotingsbehandeling terug.',
      'Ik informeer uw Kamer voor 1 januari 2025 over de voortgang.',
    ])
      assert.ok(scoreCommitment(s).score >= 0.5, s);
  });

  it('scores intentions, the near future, coming with a plan, taking along and the passive of sending as commitments', () => {
    for (const s of [
      'Het kabinet is voornemens de wet in het najaar in te dienen.',
      'Wij zijn voornemens u in het najaar nader te berichten.',
      'Ik heb het voornemen om de regeling eind dit jaar te herzien.',
      'Het kabinet gaat uw Kamer voor de zomer informeren over de uitkomsten.',
      'Voor de zomer kom ik met een voorstel voor de financiering.',
      'Deze suggestie neem ik mee in de evaluatie van de wet.',
      'Het rapport wordt voor het zomerreces aan uw Kamer toegezonden.',
      'De uitwerking zal in het voorjaar worden toegezonden.',
      'Wij zullen uw Kamer informeren over de voortgang.',
      'In het voorjaar ontvangt u de evaluatie.',
      'Na de zomer komen wij hierop terug.',
    ])
      assert.ok(scoreCommitment(s).score >= 0.5, s);
    for (const s of [
      'Ik ga ervan uit dat de gemeenten de Kamer informeren.',
      'Het kabinet komt met de sector tot afspraken.',
      'Graag neem ik u mee in de ontwikkelingen van het afgelopen jaar.',
      'De gemeente is voornemens de weg te verbreden.',
      'Indien nodig zal ik uw Kamer hierover informeren.',
      'Wellicht zal ik uw Kamer later informeren.',
    ])
      assert.ok(scoreCommitment(s).score < 0.5, s);
  });

  it('scores a deliverable promised without the writer, but not its present tense without a deadline', () => {
    for (const s of [
      'Beantwoording zal zo spoedig mogelijk plaatsvinden.',
      'De kabinetsreactie volgt voor de zomer.',
      'Een evaluatie van de regeling zal in 2026 verschijnen.',
      'De nadere uitwerking zal voor het kerstreces gereed zijn.',
    ])
      assert.ok(scoreCommitment(s).score >= 0.5, s);
    for (const s of ['De brief volgt op het verzoek van de commissie.', 'Het rapport verschijnt in een nieuwe vorm, met meer cijfers.'])
      assert.ok(scoreCommitment(s).score < 0.5, s);
  });

  it('scores the present tense with a time, keeping informed, a promise restated, a goal and `te` clauses of sending', () => {
    // Phrasings of real letters and commission summaries (shared/reference/letters-versions-commitments.md §5.1:
    // kst-35510-59, kst-31066-444, kst-28325-105, VLOS summaries of 2 July 2025), reduced to one sentence each.
    for (const s of [
      'U ontvangt de voortgangsbrief voor het zomerreces.',
      'Daarbij is toegezegd een overzicht van de maatregelen met uw Kamer te delen voor Prinsjesdag.',
      'Ik heb laten weten u eind van het jaar te informeren over de stand van zaken.',
      'Voor het begrotingsdebat is een eerste rapportage toegezegd.',
      'Ik verwacht in het voorjaar ook een tussentijdse rapportage te leveren.',
      'De minister komt nog voor de zomer met het R&D-actieplan.',
      'De minister stuurt na de zomer een brief over het ondernemerspact.',
      'Ik informeer de Kamer nader na afloop van de lopende onderhandelingen.',
      'Zodra de resultaten bekend zijn, informeer ik uw Kamer.',
      'Ik houd uw Kamer op de hoogte van de voortgang.',
      'Ik streef ernaar het wetsvoorstel voor de zomer in consultatie te brengen.',
      'Naar verwachting kan ik uw Kamer in het voorjaar van 2025 de resultaten sturen.',
      // Tuning group 4 (test/fixtures/suggestions, kst-33279-1, kst-27924-72, kst-35510-59), shortened:
      'U kunt de brief spoedig, uiterlijk voor het einde van het meireces, tegemoet zien.',
      'Met de uitwerking wil ik vervolgens in dit najaar bij u terugkomen.',
      'Op korte termijn worden door mij nog gesprekken met stakeholders gevoerd.',
      'In aanvulling daarop is, in antwoord op vragen van de leden Ceder (CU)/Leijten (SP), uw Kamer voor het begrotingsdebat een eerste rapportage over de voortgang toegezegd.',
    ])
      assert.ok(scoreCommitment(s).score >= 0.5, `${s}: ${scoreCommitment(s).score}`);
    for (const s of [
      // Without a time these are no promise: this letter, or the report of a request.
      'Ik stuur u een overzicht van de maatregelen.',
      'Het voorstel is in het debat toegezegd.',
      'De commissie heeft mij bij brief van 26 maart gevraagd voor het zomerreces de evaluatie aan de Kamer te doen toekomen.',
      'Verzoekt de regering om de Kamer voor de zomer te informeren over de kosten.',
      // What cannot be done, a promise reported as made before, what comes with this letter (kst-33763-173, kst-32793-69).
      'Hierbij deel ik u mee dat het niet mogelijk blijkt om uw Kamer voor eind 2025 te informeren over de impact.',
      'Reden voor dit verzoek was de in december gedane toezegging om in maart een eerste opzet naar uw Kamer te sturen.',
      'Parallel aan deze brief ontvangt u van de minister een separate brief over het amendement.',
      'Daarnaast ontvangt u als bijlage de quickscan van het amendement.',
    ])
      assert.ok(scoreCommitment(s).score < 0.5, `${s}: ${scoreCommitment(s).score}`);
  });

  it('does not take sending this letter, or a future state, for a promise', () => {
    for (const s of [
      'In verband met de kabinetswisseling ontvangt u deze brief nu.',
      'Hierbij stuur ik u het rapport, zoals ik zal toelichten.',
      'Bijgaand ontvangt u de antwoorden die ik zal geven.',
      'Ik zal uiteraard eindverantwoordelijk blijven.',
      'Wij zullen daarover zeer terughoudend zijn.',
    ])
      assert.ok(scoreCommitment(s).score < 0.5, `${s}: ${scoreCommitment(s).score}`);
    assert.ok(scoreCommitment('Ik zal uw Kamer voor de zomer informeren en daarbij betrokken blijven.').score >= 0.5);
  });

  it('keeps the new rules to promises (review cases): not this letter, others, pledges, attitudes or idioms', () => {
    for (const s of [
      'Tot slot wil ik nog terugkomen op de vraag van het lid Van der Plas over de mestregels.',
      'Graag wil ik u informeren over de uitkomsten van de Landbouw- en Visserijraad.',
      'Het rapport van de Algemene Rekenkamer zal naar verwachting in juni verschijnen.',
      'De reactie van de Europese Commissie zal naar verwachting in het voorjaar volgen.',
      'De uitvoering van het plan zal in 2025 plaatsvinden.',
      'Het geld dat in 2023 is toegezegd aan Oekraïne is inmiddels volledig uitgekeerd.',
      'In 2023 zijn aan gemeenten extra middelen toegezegd voor de opvang.',
      'Het kabinet stuurt in de loop van de onderhandelingen aan op een strengere norm.',
      'Wij leveren in 2025 een bijdrage aan de NAVO-missie.',
      'Het kabinet biedt gemeenten binnenkort meer ruimte voor maatwerk.',
      'Het aantal meldingen dat de Kamer ontvangt is in 2024 gestegen.',
      'Deze signalen worden door mij zeer serieus genomen, zeker nu het aantal meldingen de komende maanden verder stijgt.',
    ])
      assert.ok(scoreCommitment(s).score < 0.5, `${s}: ${scoreCommitment(s).score}`);
    for (const s of [
      'Het rapport zal in juni gereed zijn.',
      'Ik zal het onderzoeksrapport als bijlage bij de volgende voortgangsbrief meesturen.',
      'Ik zal u voor 1 juli informeren over de eerder gedane toezegging aan het lid Bikker.',
      'Dat is niet mogelijk gebleken, maar ik zal u uiterlijk in september informeren.',
      'Ik kan nog niet zeggen of het lukt, maar ik zal uw Kamer voor de zomer informeren.',
      'Ik zal u het rapport van de commissie voor de zomer sturen.',
    ])
      assert.ok(scoreCommitment(s).score >= 0.5, `${s}: ${scoreCommitment(s).score}`);
    // The writer's own conclusion after a condition, an earlier report or a consultation.
    for (const s of [
      'Wanneer we de cijfers van 2024 vergelijken met die van 2023, constateer ik dat de instroom is gedaald.',
      'Als ik alle adviezen overzie, concludeer ik dat de regeling werkt.',
      'Uit het overleg met de betrokken partijen kan ik concluderen dat er voldoende draagvlak is.',
      'Op 15 maart is uw Kamer geïnformeerd over de evaluatie; ik constateer nu dat de doelen zijn gehaald.',
    ])
      assert.ok(scoreConclusion(s).score >= 0.5, `${s}: ${scoreConclusion(s).score}`);
  });

  it('scores a deadline up and hedges down', () => {
    const plain = scoreCommitment('Ik zal uw Kamer informeren over de uitkomsten.').score;
    const dated = scoreCommitment('Ik zal uw Kamer voor de zomer informeren over de uitkomsten.').score;
    assert.ok(dated > plain, `${dated} > ${plain}`);
    for (const hedged of [
      'Ik verken of ik uw Kamer voor de zomer zal informeren.',
      'Indien mogelijk zal ik uw Kamer informeren.',
      'Ik overweeg of het kabinet zal ingrijpen.',
      'Waar mogelijk zal ik de Kamer informeren.',
    ]) {
      const s = scoreCommitment(hedged);
      assert.ok(s.score < plain, `${hedged}: ${s.score}`);
      assert.ok(
        s.reason.some((r) => r.key === 'hedge'),
        hedged,
      );
    }
  });

  it('does not take what the letter itself does, or reports of the past, for a promise', () => {
    for (const s of [
      'In deze brief zal ik ingaan op de voortgang.',
      'Met deze brief stuur ik uw Kamer het rapport.',
      'Bij brief van 27 november 2019 heb ik u bericht dat ik uw Kamer een notitie zal doen toekomen.',
      'De IND zal de aanvraag beoordelen.',
    ])
      assert.ok(scoreCommitment(s).score < 0.5, s);
    // … unless it names a later date: then the promise in the letter counts.
    assert.ok(scoreCommitment('Via deze brief laat ik u weten dat ik uw Kamer in oktober de stukken zal toesturen.').score >= 0.5);
  });

  it('finds conclusions, but not someone else’s or a condition', () => {
    assert.ok(scoreConclusion('Kortom, de aanpak werkt.').score >= 0.5);
    assert.ok(scoreConclusion('Samenvattend is de uitvoering op orde.').score >= 0.5);
    assert.ok(scoreConclusion('Ik constateer dat de wet knelt.').score >= 0.5);
    assert.ok(scoreConclusion('Ik concludeer dat er meer nodig is.').score >= 0.5);
    assert.ok(scoreConclusion('De leden van de VVD-fractie constateren dat het verschil groot is.').score < 0.5);
    assert.equal(scoreConclusion('Er wordt verkend wanneer blijkt dat een land een verband legt.').score, 0);
    // Tuning group 5 (kst-34000-VIII-84, kst-34775-A-62): a condition at the start, a finding reported before.
    assert.ok(scoreConclusion('Als dan blijkt dat de monumenten onvoldoende aan bod komen, wordt aangegeven welke maatregelen worden getroffen.').score < 0.5);
    assert.ok(scoreConclusion('Op 15 maart is uw Kamer geïnformeerd over dat in het Bestuurlijk Overleg geconstateerd is dat meer tijd nodig is.').score < 0.5);
  });

  it('proposes measures from structure, not from the bare word', () => {
    const letter = [
      '## Maatregelen',
      '',
      '### 1. Het versterken van de screening door de IND.',
      '',
      'De IND verricht sinds 1 juli 2023 een uitgebreider onderzoek. Dat helpt.',
      '',
      '### 2. Verkennen of de politie gegevens kan vergelijken.',
      '',
      '## Overige punten',
      '',
      '### 3. Een punt dat geen maatregel is.',
      '',
      'Er worden diverse maatregelen genoemd in de vorige brief.',
      '',
    ].join('\n');
    assert.deepEqual(
      suggestTags(letter, { tags: ['measure'] }).map((p) => letter.slice(p.start, p.end)),
      ['Het versterken van de screening door de IND.', 'De IND verricht sinds 1 juli 2023 een uitgebreider onderzoek.'],
    );
    const list = '## Acties van het kabinet\n\n1. Er komt een meldpunt.\n2. De wet wordt aangescherpt.\n';
    assert.deepEqual(tagsOf(list), [
      ['measure', 'Er komt een meldpunt.'],
      ['measure', 'De wet wordt aangescherpt.'],
    ]);
  });

  it('never overlaps an existing tag or another proposal', () => {
    const letter = 'Ik zal uw Kamer voor de zomer informeren. Ik constateer dat het werkt. Ik zal u in het najaar de brief sturen.';
    const all = suggestTags(letter);
    assert.equal(all.length, 3);
    const existing = [{ start: 0, end: 10 }];
    const rest = suggestTags(letter, { existing });
    assert.equal(rest.length, 2);
    for (const p of rest) assert.ok(p.start >= 10, 'no proposal overlaps the existing tag');
    for (let i = 1; i < all.length; i++) assert.ok(all[i].start >= all[i - 1].end);
  });

  it('gives one tag per sentence, the higher score winning', () => {
    const s = 'Ik constateer dat het kabinet voor de zomer zal besluiten.';
    const proposals = suggestTags(s);
    assert.equal(proposals.length, 1);
    assert.equal(proposals[0].tag, 'commitment');
    assert.ok(proposals[0].score >= 0.5 && proposals[0].score <= 1);
  });
});
