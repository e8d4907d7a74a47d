import { strict as assert } from 'node:assert';
import type { Annotation } from '../../../src/core/annotations/model';
import { collectCommitments, fulfilmentCandidates, fulfilmentCue, type CommitmentLetter } from '../../../src/core/commitments';

const QUOTE = 'De komende periode wordt gewerkt aan een nadere uitwerking van de leerlijn screening voor medewerkers van de IND.';
const commitment: Annotation = { id: 'c6d7e8f9g0', tag: 'commitment', quote: QUOTE, prefix: '', suffix: '', start: 0, end: QUOTE.length };

const own: CommitmentLetter = {
  path: 'letters/kst-29754-716.md',
  id: 'kst-29754-716',
  aliases: ['2024D25640'],
  date: '2024-06-18',
  dossier: '29754',
  text: QUOTE,
  annotations: [commitment],
};

const later = (path: string, text: string, extra: Partial<CommitmentLetter> = {}): CommitmentLetter => ({
  path,
  id: path.replace(/^.*\/|\.md$/g, ''),
  date: '2025-02-01',
  text,
  annotations: [],
  ...extra,
});

const cites = later('letters/kst-29754-730.md', 'In mijn brief van 18 juni 2024 (Kamerstuk 29 754, nr. 716) heb ik de leerlijn screening aangekondigd.', {
  dossier: '29754',
});
const citesByNumber = later('letters/kst-30000-1.md', 'Zie het document 2024D25640 over de IND.');
const cues = later(
  'letters/kst-19637-3000.md',
  'Hiermee geef ik invulling aan de toezegging om de leerlijn screening voor medewerkers van de IND nader uit te werken.',
);
const cueOtherSubject = later('letters/kst-31066-500.md', 'Zoals toegezegd stuur ik u het jaarverslag over de toeslagen en de belastingdienst.');
const sameSubjectNoCue = later('letters/kst-29754-731.md', 'De leerlijn screening voor medewerkers van de IND is een onderwerp van gesprek.');
const earlier = later('letters/kst-29754-700.md', 'Kamerstuk 29 754, nr. 716 wordt straks verstuurd.', { date: '2024-01-01' });

const [c] = collectCommitments([own], { today: '2025-03-01' });
const all = [own, cites, citesByNumber, cues, cueOtherSubject, sameSubjectNoCue, earlier];

describe('fulfilment candidates: suggested, scored, never applied', () => {
  it('a later letter citing the commitment’s letter (by its citation or TK number), or with a cue and the subject', () => {
    const found = fulfilmentCandidates(c, all);
    assert.deepEqual(
      found.map((f) => [f.letter.path, f.reason]),
      [
        [cites.path, 'cites'],
        [citesByNumber.path, 'cites'],
        [cues.path, 'cues'],
      ],
    );
    const scores = found.map((f) => f.score);
    assert.deepEqual(
      scores,
      [...scores].sort((a, b) => b - a),
    );
    for (const s of scores) assert.ok(s > 0 && s <= 1);
  });

  it('never the own letter, an earlier one, one with a cue on another subject, or one without cue or citation', () => {
    const paths = fulfilmentCandidates(c, all).map((f) => f.letter.path);
    for (const p of [own.path, earlier.path, cueOtherSubject.path, sameSubjectNoCue.path]) assert.ok(!paths.includes(p), p);
  });

  it('a letter already named in fulfilledBy is not suggested again; the commitment itself is never changed', () => {
    const marked: Annotation = { ...commitment, fulfilledBy: [cites.id!] };
    const [m] = collectCommitments([{ ...own, annotations: [marked] }], { today: '2025-03-01' });
    const before = JSON.stringify(m);
    assert.ok(!fulfilmentCandidates(m, all).some((f) => f.letter === cites));
    assert.equal(JSON.stringify(m), before);
    assert.equal(m.state, 'open');
  });

  it('a letter whose text changed is read again', () => {
    const changing = later('letters/kst-29754-740.md', 'Nog niets.');
    assert.equal(fulfilmentCandidates(c, [own, changing]).length, 0);
    changing.text = 'Zie Kamerstuk 29 754, nr. 716.';
    assert.deepEqual(
      fulfilmentCandidates(c, [own, changing]).map((f) => f.reason),
      ['cites'],
    );
  });

  it('recognises the fulfilment cues of real letters', () => {
    for (const text of [
      'Hiermee geef ik invulling aan de toezegging die ik tijdens het debat deed.',
      'Zoals toegezegd ontvangt u hierbij de rapportage.',
      'Tijdens het commissiedebat heb ik uw Kamer toegezegd een brief te sturen.',
      'Hierbij informeer ik uw Kamer over de voortgang.',
      'Met deze notitie kom ik die toezegging na.',
      'Bij dezen geef ik, mede namens de minister, uitvoering aan de toezegging van de minister voor WWI.',
      'Op 31 mei jl. heb ik in het AO JBZ-Raad toegezegd uw Kamer te informeren.',
      'Conform de toezegging die mijn voorganger gedaan heeft, informeer ik de Kamer.',
      'Met deze brief komen wij tegemoet aan enkele toezeggingen en moties.',
    ])
      assert.ok(fulfilmentCue(text), text);
    for (const text of ['De minister zegt toe de Kamer te informeren.', 'Wij informeren de Kamer later.']) assert.equal(fulfilmentCue(text), undefined, text);
  });
});
