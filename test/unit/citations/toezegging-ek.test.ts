// Eerste Kamer toezegging numbers (`T01237`): recognised only where the sentence (or the register's own label, or a
// committee agenda item) says it is one; `TO3357` read as `T03357`. The forms are real (sources beside each case);
// the look-alikes are the same shape without that context. Ids, the register links and the hover follow.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { toezeggingId, toezeggingKamer, toezeggingRegister } from '../../../src/core/citations';
import { scanPlain } from '../../../src/core/citations/scanner';
import { analyseMarkdown, scanMarkdown } from '../../../src/core/markdown';
import {
  createMetadataStack,
  englishTemplates,
  parseCanonicalId,
  renderHoverMarkdown,
  renderUnresolvedHover,
  TweedeKamerSource,
  type DocumentMetadata,
  type Translate,
} from '../../../src/core/metadata';
import { mightCite } from '../../../src/core/workspace';
import { scanCandidates } from '../../../src/core/workspace/candidate-scan';
import { assertSpans } from './helpers';

const EK_REGISTER = 'https://www.eerstekamer.nl/begrip/toezeggingen';
const TK_REGISTER = 'https://www.tweedekamer.nl/toezeggingen';

function toezeggingen(text: string): string[] {
  const refs = scanPlain(text).refs;
  assertSpans(text, refs);
  return refs.filter((r) => r.kind === 'toezegging').map((r) => `${r.text}=${r.id}`);
}

describe('Eerste Kamer toezegging numbers: real forms', () => {
  const cases: [string, string, string[]][] = [
    // eerstekamer.nl/rappel?ministerie=vghyngkof7kr&rappel=vmqtf141wdrz (test/fixtures/real 18)
    ['register heading', 'Toezegging Toezending conceptversie richtlijn (22.112 / 31.544, CK) (T01237)', ['T01237=T01237']],
    ['Kerngegevens label', 'Kerngegevens\n\nNummer T01237\nStatus openstaand', ['T01237=T01237']],
    // eerstekamer.nl/rappel?ministerie=vghyngkof7kr&rappel=vm6skvfv89i3 (test/fixtures/real 19)
    ['Kerngegevens as a table row', 'Nummer | T01970 |\n---|---|\nStatus | deels voldaan |', ['T01970=T01970']],
    // staten-generaal.nl/9370000/1/j9vvkfvj6b325az/vlo5pt0e91wx (korte aantekeningen IWO and EZK/LNV, 23 November 2021)
    [
      'a list in a committee decision',
      'inzake het rappel toezeggingen BZK besluiten de commissies om een nadere toelichting te vragen op de uitvoering van de toezeggingen T02867, T02849, T02857, T02887 en T02908.',
      ['T02867=T02867', 'T02849=T02849', 'T02857=T02857', 'T02887=T02887', 'T02908=T02908'],
    ],
    ['a list item', '- toezegging T02853 als “deels voldaan” aan te merken;', ['T02853=T02853']],
    // staten-generaal.nl korte aantekeningen OCW, 11 October 2022 (test/fixtures/real-heldout 08)
    ['an agenda item with its dossier', '2. T02200 / 34109, L', ['T02200=T02200']],
    ['a decision', 'Voorts besluit de commissie om toezegging T02200 als voldaan aan te merken.', ['T02200=T02200']],
    // zoek.officielebekendmakingen.nl/kst-35979-H.html (test/fixtures/real 24): a letter O, then footnote 5
    ['a letter O, after `nr.`', 'Deze toezegging is bij uw Kamer geregistreerd onder nr. TO3357.5', ['TO3357=T03357']],
  ];
  for (const [what, text, expected] of cases) it(`${what}: ${JSON.stringify(text.slice(0, 60))}`, () => assert.deepEqual(toezeggingen(text), expected));

  it('the reference: kind toezegging, the Eerste Kamer, the number as its id', () => {
    const [ref] = scanPlain('Toezegging T01237 is openstaand.').refs;
    assert.equal(ref.kind, 'toezegging');
    assert.equal(ref.id, 'T01237');
    assert.deepEqual(ref.parts, { number: 'T01237', kamer: 'I' });
    assert.equal(ref.form, 'id');
    assert.deepEqual(scanPlain('Toezegging TZ202504-057.').refs[0].parts, { number: 'TZ202504-057' }, 'a Tweede Kamer number is as before');
  });

  it('beside the other citations of the register entry', () => {
    const refs = scanPlain('Toezegging Effecten van de wet (34.349) (T02615)').refs.map((r) => `${r.kind} ${r.id}`);
    assert.deepEqual(refs, ['dossier dossier-34349', 'toezegging T02615']);
    assert.deepEqual(
      scanPlain('2. T02200 / 34109, L').refs.map((r) => `${r.kind} ${r.id}`),
      ['toezegging T02200', 'kamerstuk kst-34109-L'],
    );
  });
});

describe('Eerste Kamer toezegging numbers: the same shape without the context stays prose', () => {
  const negatives = [
    'Onderdeel T01237 en type TO3357.', // no register word
    'het nummer T01237', // likewise
    'Zie de toezegging. Onderdeel T01237 is geleverd.', // the word is in the sentence before
    'De toezegging staat hierboven\n\nT01237 is een typenummer.', // and here in the paragraph before
    'Toezegging T012345, T0123, T01237-A, T01237/2 en T01237B.', // more or less of an identifier
    'Toezegging t01237 en To3357.', // the register writes capitals
    'Toezegging XT01237 en 1T01237.', // glued on the left
    'Toezegging TO33570 en TO335.', // a letter O with five or three digits
    'Artikel T12345 / ABC en T12345 / 12.', // a slash, but no dossier number after it
    'Nummer T01237 van de catalogus.\nNummer T01237 2x', // the label row holds more than the number
  ];
  for (const text of negatives) it(JSON.stringify(text), () => assert.deepEqual(toezeggingen(text), []));

  it('`T02200 / 34109` counts only with a dossier number after the slash', () => {
    assert.deepEqual(toezeggingen('Product T02200 / 12 stuks'), []);
  });

  it('in markdown code, not at all', () => {
    assert.deepEqual(
      analyseMarkdown('Zie `toezegging T01237` en\n\n```\ntoezegging T02867\n```\n').refs.map((r) => r.id),
      [],
    );
  });

  it('random text around a register word: every number found has the exact shape and its context', () => {
    const piece = fc.constantFrom(
      'toezegging ',
      'Toezeggingen ',
      'T01237',
      'TO3357',
      'T0123',
      '2',
      'A',
      '. ',
      '; ',
      ', ',
      ' en ',
      '\n',
      '\n\n',
      'nr. ',
      'Nummer ',
      ' / 34109',
      '-',
      'x',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (parts) => {
        const text = parts.join('');
        for (const r of scanPlain(text).refs.filter((x) => x.kind === 'toezegging')) {
          assert.match(r.text, /^T[0O]\d{4}$/, text);
          assert.equal(r.id, r.text.replace(/^TO/, 'T0'));
          const before = text.slice(0, r.start);
          const after = text.slice(r.end);
          assert.ok(
            /toezegging/i.test(before) || /(?:^|\n)[ \t]*\|?[ \t]*Nummer[ \t]*[:|]?[ \t]*$/.test(before) || /^[ \t]*\/[ \t]*\d/.test(after),
            JSON.stringify(text),
          );
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('Eerste Kamer toezegging numbers: review fixes (the context ends at a block, the shape is T0 and four digits)', () => {
  const both = (text: string) => [
    toezeggingen(text),
    scanMarkdown(text)
      .filter((r) => r.kind === 'toezegging')
      .map((r) => r.id),
  ];
  const none = [
    '## Toezeggingen\nTabel T01234 geeft de cijfers.', // a heading is its own block
    '- de toezegging over de evaluatie\n- het formulier T01234 over de aanvraag', // the next list item
    '- de toezegging over de evaluatie\n1. het formulier T01234 over de aanvraag', // an ordered one
    'De toezegging over de evaluatie\n* het formulier T01234 over de aanvraag', // a list after a paragraph
    '```\nde toezegging\n```\nT01237 is voldaan.', // the word inside a fence
    '~~~\nde toezegging\n~~~\nT01237 is voldaan.',
    '<!-- de toezegging -->\nT01237 is voldaan.', // the word inside a comment
    '<!-- de toezegging --> T01237 is voldaan.',
    'De toezegging <!-- noot\nT01237 -->', // the number inside a comment
    'Zie [de toezegging](https://x.nl) en formulier T01234.', // the word is link text
    'Zie [het register](https://www.eerstekamer.nl/begrip/toezeggingen) en formulier T01234.', // or in a link address
    'Zie [de toezegging][1] en formulier T01234.',
    'De toezegging\n> ## Kop T01234', // a heading in a quote
    'Toezeggingen\n===\nTabel T01234 geeft de cijfers.', // a setext heading
    'De toezegging\n\n---\nTabel T01234 geeft de cijfers.', // a thematic break
    '…tien tanks van het type T72000 is nagekomen, aldus de toezegging T72000.', // not T0 and four digits
    'Toezegging T12345 en TO3357A.', // likewise; glued on
    'Formulier T12345 / 12345 invullen',
    'Formulier T01234 / 12345 invullen', // an agenda item has `, <letters>` after its dossier
    'Formulier T01234 / 12345, 2 stuks',
  ];
  for (const text of none) it(`none: ${JSON.stringify(text)}`, () => assert.deepEqual(both(text), [[], []]));

  const kept: [string, string][] = [
    ['Over de toezegging aan de Kamer\nT01237 wordt nog gesproken.', 'T01237'], // a line break inside a paragraph
    ['## Toezegging T01237', 'T01237'], // the word on the heading's own line
    ['- toezegging T02853 als voldaan aan te merken;', 'T02853'],
    ['[Toezegging T01237](https://www.eerstekamer.nl/begrip/toezeggingen)', 'T01237'], // both in one link text
    ['Toezegging (zie [register](https://x.nl)) met nr. T01237', 'T01237'], // the word before the link
    ['2. T02200 / 34109, L', 'T02200'],
    ['T02200 / 34.109, CK', 'T02200'],
    ['Deze toezegging staat onder nr. TO3357.', 'T03357'],
  ];
  for (const [text, id] of kept)
    it(`kept: ${JSON.stringify(text)}`, () => assert.deepEqual(both(text), [[`${text.includes('TO3357') ? 'TO3357' : id}=${id}`], [id]]));

  it('a number before its word is not read (a documented limit)', () => {
    assert.deepEqual(toezeggingen('T01237 is een toezegging aan de Eerste Kamer.'), []);
  });
});

describe('Eerste Kamer toezegging numbers on the labelled real text', () => {
  // Every toezegging label of both sets; `TO3357` is labelled as written, and read as the register's T03357.
  const written = (label: { text: string; id: string }) => (label.text === 'TO3357' ? 'T03357' : label.id);
  for (const dir of ['test/fixtures/real', 'test/fixtures/real-heldout']) {
    it(`${dir}: each labelled number found with its id, and no other`, () => {
      const { passages } = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as {
        passages: { file: string; refs: { text: string; kind: string; id: string; occurrence?: number }[] }[];
      };
      let labelled = 0;
      for (const p of passages) {
        const text = readFileSync(join(dir, p.file), 'utf8');
        const found = scanMarkdown(text)
          .filter((r) => r.kind === 'toezegging')
          .map((r) => `${r.start} ${r.id}`);
        const expected: string[] = [];
        for (const l of p.refs.filter((r) => r.kind === 'toezegging')) {
          let at = text.indexOf('-->');
          for (let n = 0; n < (l.occurrence ?? 1); n++) at = text.indexOf(l.text, at + 1);
          expected.push(`${at} ${written(l)}`);
        }
        labelled += expected.length;
        assert.deepEqual(found, expected, p.file);
        assert.deepEqual(scanCandidates(text).refs, scanMarkdown(text), `${p.file}: the workspace index reads the same`);
      }
      assert.ok(labelled >= 7, `${labelled} labelled numbers`);
    });
  }

  it('the workspace prefilter sees a note whose only citation is an Eerste Kamer number', () => {
    assert.equal(mightCite('- Toezeggingen T02414 en T02416 af te voeren;'), true);
    assert.equal(mightCite('Deze toezegging is geregistreerd onder nr. TO3357.'), true);
  });
});

describe('Eerste Kamer toezegging numbers: ids and registers', () => {
  it('canonical ids: `T` and five digits, upper case', () => {
    assert.equal(toezeggingId('T01237'), 'T01237');
    assert.equal(toezeggingId(' t02867 '), 'T02867');
    for (const bad of ['T0123', 'T012345', 'TO3357', 'T-01237', 'T 01237', 'TZ01237']) assert.equal(toezeggingId(bad), undefined, bad);
    assert.deepEqual(parseCanonicalId('T01237'), { id: 'T01237', kind: 'toezegging', kamer: 'ek', number: 'T01237' });
    assert.deepEqual(parseCanonicalId('TZ202504-057'), { id: 'TZ202504-057', kind: 'toezegging', number: 'TZ202504-057' });
  });

  it('the Kamer of a toezegging id', () => {
    assert.equal(toezeggingKamer('T01237'), 'I');
    assert.equal(toezeggingKamer('TZ202504-057'), 'II');
    assert.equal(toezeggingKamer('kst-29754-716'), undefined);
  });

  it('the register page of each Kamer; none for another id or a number not written canonically', () => {
    assert.deepEqual(toezeggingRegister('T01237'), { kamer: 'I', url: EK_REGISTER });
    assert.deepEqual(toezeggingRegister('TZ202504-057'), { kamer: 'II', url: TK_REGISTER });
    for (const other of ['kst-29754-716', '2024D25640', 't01237', 'TO3357', '']) assert.equal(toezeggingRegister(other), undefined, other);
  });
});

describe('Eerste Kamer toezegging numbers: the hover', () => {
  const dutch = JSON.parse(readFileSync('l10n/parts/metadata.nl.json', 'utf8')) as Record<string, string>;
  const nl: Translate = (m, ...a) => (dutch[m] ?? m).replace(/\{(\d+)\}/g, (_, n) => String(a[Number(n)]));
  const registerLink = (url: string) => new RegExp(`\\]\\(${url.replace(/[./]/g, '\\$&')}\\)`);

  for (const offline of [true, false]) {
    it(`${offline ? 'offline' : 'online'}: the id, "Eerste Kamer toezegging", not in the API, and the register`, () => {
      const md = renderUnresolvedHover('T01237', { offline, t: englishTemplates });
      assert.match(md, /^\*\*T01237\*\*/);
      assert.match(md, /Eerste Kamer toezegging/);
      assert.match(md, /not in the Tweede Kamer API/);
      assert.match(md, /\[Eerste Kamer register\]/);
      assert.match(md, registerLink(EK_REGISTER));
      assert.doesNotMatch(md, /Tweede Kamer register|no details offline|has no toezegging|officielebekendmakingen/);
    });
  }

  it('in Dutch', () => {
    const md = renderUnresolvedHover('T01237', { offline: true, t: nl });
    assert.match(md, /Toezegging Eerste Kamer/);
    assert.match(md, /niet in de API van de Tweede Kamer/);
    assert.match(md, /\[Toezeggingenregister Eerste Kamer\]/);
  });

  it('a Tweede Kamer number links its register too, offline and not found', () => {
    for (const offline of [true, false]) {
      const md = renderUnresolvedHover('TZ202504-057', { offline, t: englishTemplates });
      assert.match(md, /\[Tweede Kamer register\]/);
      assert.match(md, registerLink(TK_REGISTER));
    }
    assert.doesNotMatch(renderUnresolvedHover('kst-29754-716', { offline: true }), /register\]/, 'other ids have no register');
  });

  it('with details (a team catalog entry, a Tweede Kamer answer): the kind line and the register link', () => {
    const ek: DocumentMetadata = { id: 'T01237', kind: 'toezegging', title: 'Toezending conceptversie richtlijn', source: 'catalog' };
    const md = renderHoverMarkdown(ek, { now: Date.now() });
    assert.match(md, /Eerste Kamer toezegging · T01237/);
    assert.match(md, registerLink(EK_REGISTER));
    const tk: DocumentMetadata = { id: 'TZ202504-057', kind: 'toezegging', title: 'De minister zegt toe …', source: 'tweedekamer' };
    const tkMd = renderHoverMarkdown(tk, { now: Date.now() });
    assert.match(tkMd, /Commitment \(toezegging\) · TZ202504\\-057/);
    assert.match(tkMd, registerLink(TK_REGISTER));
  });

  it('never asks the Tweede Kamer API for an Eerste Kamer number', async () => {
    const asked: string[] = [];
    const http = {
      getAll: async (q: string) => {
        asked.push(q);
        return { items: [] };
      },
    };
    const source = new TweedeKamerSource({ http: http as never });
    assert.equal(await source.get('T01237', new AbortController().signal), undefined);
    assert.deepEqual(asked, []);
    const stack = createMetadataStack({ api: { online: false }, bundled: false });
    try {
      assert.equal(await stack.resolver.get('T01237'), undefined);
    } finally {
      stack.resolver.dispose();
    }
  });
});
