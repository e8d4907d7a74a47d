import { strict as assert } from 'node:assert';
import type { Annotation } from '../../../src/core/annotations/model';
import {
  collectCommitments,
  commitmentLetter,
  commitmentTags,
  groupCommitments,
  isOverdue,
  ministryFromHeading,
  ministryOf,
  type CommitmentLetter,
} from '../../../src/core/commitments';
import { LETTER, loadFixture } from '../annotations/helpers';

let n = 0;
function tag(quote: string, extra: Partial<Annotation> = {}): Annotation {
  return { id: `c${++n}`.padEnd(10, '0'), tag: 'commitment', quote, prefix: '', suffix: '', start: n * 100, end: n * 100 + quote.length, ...extra };
}

function letter(path: string, date: string, annotations: Annotation[], facts: Partial<CommitmentLetter> = {}): CommitmentLetter {
  return { path, date, text: annotations.map((a) => a.quote).join('\n'), annotations, ...facts };
}

describe('commitments: which tags, state and overdue with a fake clock', () => {
  it('commitment tags: commitment and toezegging, else both defaults', () => {
    assert.deepEqual(commitmentTags(['measure', 'commitment', 'conclusion']), ['commitment']);
    assert.deepEqual(commitmentTags(['maatregel', 'toezegging']), ['toezegging']);
    assert.deepEqual(commitmentTags(['maatregel']), ['commitment', 'toezegging']);
  });

  it('a pending suggestion is no commitment of the register until accepted; asked for, it is listed', () => {
    const suggested = tag('Ik zal uw Kamer voor de zomer informeren.', { author: 'suggestion', status: 'proposed' });
    const accepted = tag('Ik zal uw Kamer voor de zomer informeren.', { author: 'suggestion', status: 'agreed' });
    const l = letter('letters/a.md', '2025-03-01', [suggested, accepted]);
    assert.deepEqual(
      collectCommitments([l], { today: '2025-03-02' }).map((c) => c.annotation.id),
      [accepted.id],
    );
    assert.equal(collectCommitments([l], { today: '2025-03-02', includeSuggestions: true }).length, 2);
  });

  it('overdue: open or partly, and the last day before today; the last day itself is not overdue', () => {
    const due = { from: '2025-03-10', to: '2025-07-03', text: 'voor de zomer' };
    assert.equal(isOverdue({ due, state: 'open' }, '2025-07-03'), false);
    assert.equal(isOverdue({ due, state: 'open' }, '2025-07-04'), true);
    assert.equal(isOverdue({ due, state: 'partly' }, '2025-07-04'), true);
    assert.equal(isOverdue({ due, state: 'fulfilled' }, '2026-01-01'), false);
    assert.equal(isOverdue({ due, state: 'dropped' }, '2026-01-01'), false);
    assert.equal(isOverdue({ due: { text: 'zo spoedig mogelijk', vague: true }, state: 'open' }, '2099-01-01'), false);
    assert.equal(isOverdue({ state: 'open' }, '2099-01-01'), false);
  });

  it('collects across letters: stored due first, else parsed from the passage; state from fulfilment; sorted by deadline', () => {
    const stored = tag('Ik informeer u voor de zomer.', { due: { to: '2025-05-01', text: 'mei (afgesproken)' } });
    const parsed = tag('Ik informeer u voor het kerstreces.');
    const vague = tag('Ik informeer u zo spoedig mogelijk.');
    const none = tag('Ik informeer u.');
    const done = tag('Ik informeer u binnen drie weken.', { fulfilment: 'fulfilled', fulfilledBy: ['kst-1-9'] });
    const measure = tag('Binnen drie weken komt er een maatregel.', { tag: 'measure' });
    const a = letter('a.md', '2025-03-10', [none, parsed, measure]);
    const b = letter('b.md', '2025-03-10', [vague, stored, done]);
    const list = collectCommitments([a, b], { today: '2025-06-01' });
    assert.deepEqual(
      list.map((c) => [c.annotation.id, c.dueSource, c.state, c.overdue]),
      [
        [done.id, 'parsed', 'fulfilled', false],
        [stored.id, 'stored', 'open', true],
        [parsed.id, 'parsed', 'open', false],
        [vague.id, 'parsed', 'open', false],
        [none.id, 'none', 'open', false],
      ],
    );
    assert.equal(list.find((c) => c.annotation === parsed)!.due!.to, '2025-12-18');
    // The clock moves on: the same data, another today.
    assert.equal(collectCommitments([a, b], { today: '2025-12-19' }).find((c) => c.annotation === parsed)!.overdue, true);
    assert.equal(collectCommitments([a, b], { today: '2025-12-18' }).find((c) => c.annotation === parsed)!.overdue, false);
  });

  it('a letter without a date gives parsed deadlines none (nothing to read them against)', () => {
    const list = collectCommitments([{ path: 'x.md', text: '', annotations: [tag('voor de zomer')] }], { today: '2025-01-01' });
    assert.equal(list[0].dueSource, 'none');
  });

  it('reads the deadline from the sentence around the tag when the quote has none', () => {
    const text = 'Inleiding. De verwachting is dat deze zomer partijen de mogelijkheden in kaart hebben gebracht. Verder.';
    const quote = 'partijen de mogelijkheden in kaart hebben gebracht';
    const start = text.indexOf(quote);
    const a = tag(quote, { start, end: start + quote.length });
    const [c] = collectCommitments([{ path: 'x.md', date: '2024-06-18', text, annotations: [a] }], { today: '2024-07-01' });
    assert.equal(c.due?.text, 'deze zomer');
  });

  it('groups by month, ministry, dossier and status, in a stable order with the unknown last', () => {
    const letters = [
      letter('a.md', '2025-03-10', [tag('voor de zomer'), tag('in september')], { ministry: 'Justitie en Veiligheid', dossier: '29754' }),
      letter('b.md', '2025-03-10', [tag('zo spoedig mogelijk', { fulfilment: 'partly' }), tag('geen termijn')], { ministry: 'Asiel en Migratie' }),
    ];
    const list = collectCommitments(letters, { today: '2025-08-01' });
    const keys = (by: Parameters<typeof groupCommitments>[1]) => groupCommitments(list, by, { lang: 'nl' }).map((g) => [g.key, g.label, g.items.length]);
    assert.deepEqual(keys('month'), [
      ['2025-07', 'juli 2025', 1],
      ['2025-09', 'september 2025', 1],
      ['vague', 'Geen datum (vaag)', 1],
      ['none', 'Geen termijn', 1],
    ]);
    assert.deepEqual(keys('ministry'), [
      ['Asiel en Migratie', 'Asiel en Migratie', 2],
      ['Justitie en Veiligheid', 'Justitie en Veiligheid', 2],
    ]);
    assert.deepEqual(keys('dossier'), [
      ['29754', '29754', 2],
      ['', 'Geen dossier', 2],
    ]);
    assert.deepEqual(keys('status'), [
      ['open', 'open', 3],
      ['partly', 'deels nagekomen', 1],
    ]);
    assert.equal(groupCommitments(list, 'month')[0].label, 'July 2025');
  });
});

describe('commitments: a letter’s facts from its file', () => {
  it('the sample letter: id, title, date and dossier from the front matter, the ministry from its heading', () => {
    const l = commitmentLetter('letters/kst-29754-716.md', LETTER, loadFixture().annotations());
    assert.equal(l.id, 'kst-29754-716');
    assert.equal(l.date, '2024-06-18');
    assert.equal(l.dossier, '29754');
    assert.equal(l.ministry, 'Justitie en Veiligheid');
    assert.deepEqual(l.aliases, ['2024D25640']);
    assert.match(l.title ?? '', /^Stand van zaken bestrijding misbruik/);
  });

  it('signatories in the front matter name the ministry (the first signatory first)', () => {
    const text = `---\nkamerstuk: kst-36600-VI-12\ndatum: 2025-10-01\nondertekenaars:\n  - naam: A\n    functie: staatssecretaris van Financiën\n  - naam: B\n    functie: minister van Asiel en Migratie\n    relatie: Eerste ondertekenaar\n---\n\nTekst.`;
    const l = commitmentLetter('kst-36600-VI-12.md', text, []);
    assert.equal(l.ministry, 'Asiel en Migratie');
    assert.equal(l.dossier, '36600-VI');
    assert.equal(l.date, '2025-10-01');
    assert.equal(ministryOf([{ functie: 'Minister voor Klimaat en Groene Groei' }]), 'Klimaat en Groene Groei');
    assert.equal(ministryFromHeading('# Nr. 12 BRIEF VAN DE STAATSSECRETARIS VAN ONDERWIJS, CULTUUR EN WETENSCHAP'), 'Onderwijs, Cultuur en Wetenschap');
  });

  it('the ministry from headings of other forms, or from the signature', () => {
    assert.equal(ministryFromHeading('G BRIEF VAN DE MINISTER VAN BINNENLANDSE ZAKEN EN KONINKRIJKSRELATIES\n'), 'Binnenlandse Zaken en Koninkrijksrelaties');
    assert.equal(ministryFromHeading('Nr. 95 BRIEF VAN DE MINISTER-PRESIDENT, MINISTER VAN ALGEMENE ZAKEN\n'), 'Algemene Zaken');
    assert.equal(ministryFromHeading('Tekst.\n\nDe Minister van Economische Zaken,\nH.G.J. Kamp\n'), 'Economische Zaken');
    assert.equal(ministryFromHeading('Geen kop en geen ondertekening.'), undefined);
  });

  it('a letter without front matter: the date from "Den Haag, 5 juni 2023", no id', () => {
    const l = commitmentLetter('notes/brief.md', 'Aan de Voorzitter\n\nDen Haag, 5 juni 2023\n\nTekst', []);
    assert.equal(l.date, '2023-06-05');
    assert.equal(l.id, undefined);
  });
});
