// A workspace letter's front matter as a metadata source: Dutch and English keys, wrong values left out, nothing
// for a front matter that tells nothing; in the stack it answers at once while the API is silent, and ranks after
// the API and before the bundled catalog.
import { strict as assert } from 'node:assert';
import { parse } from 'yaml';
import { createMetadataStack, HOVER_LOCAL_ANSWER_MS, LetterFrontMatterSource, metadataFromFrontMatter } from '../../../src/core/metadata';
import { settlesWithin, trapUnhandledRejections } from './support';

const SAMPLE = `kamerstuk: kst-29754-716
documentnummer: 2024D25640
zaak: 2024Z10806
soort: Brief regering
datum: 2024-06-18
dossier: 29754
titel: Stand van zaken bestrijding misbruik asiel- en migratiestromen door terroristen
`;

describe('metadata: the front matter of a workspace letter', () => {
  trapUnhandledRejections();

  it('reads the Dutch keys of the sample letter, with its TK number as an alias', () => {
    const meta = metadataFromFrontMatter('kst-29754-716', parse(SAMPLE));
    assert.ok(meta);
    assert.equal(meta.source, 'letter');
    assert.equal(meta.title, 'Stand van zaken bestrijding misbruik asiel- en migratiestromen door terroristen');
    assert.equal(meta.soort, 'Brief regering');
    assert.equal(meta.date, '2024-06-18');
    assert.deepEqual(meta.dossier, { nummer: '29754' });
    assert.equal(meta.zaaknummer, '2024Z10806');
    assert.deepEqual(meta.aliases, ['2024D25640']);
    assert.equal(meta.kind, 'kamerstuk');
  });

  it('reads English keys, signatories and an https source link; a motion is a motion', () => {
    const meta = metadataFromFrontMatter('kst-99003-7', {
      title: 'Motie van het lid Jansen',
      soort: 'Motie (gewijzigd/nader)',
      date: new Date(Date.UTC(2099, 0, 9)),
      signatories: ['Jansen', { naam: 'Bakker', fractie: 'B' }],
      source: 'https://zoek.officielebekendmakingen.nl/kst-99003-7.html',
    });
    assert.equal(meta?.kind, 'motie');
    assert.equal(meta?.date, '2099-01-09');
    assert.deepEqual(
      meta?.signatories?.map((s) => s.naam),
      ['Jansen', 'Bakker'],
    );
    assert.equal(meta?.links?.html, 'https://zoek.officielebekendmakingen.nl/kst-99003-7.html');
  });

  it('leaves wrong values out and gives nothing for a front matter that tells nothing', () => {
    const meta = metadataFromFrontMatter('kst-99003-7', { titel: ['not', 'a', 'title'], soort: 'Brief regering', source: 'javascript:alert(1)' });
    assert.equal(meta?.title, undefined);
    assert.equal(meta?.links?.html, undefined);
    assert.equal(metadataFromFrontMatter('kst-99003-7', { kamerstuk: 'kst-99003-7' }), undefined);
    assert.equal(metadataFromFrontMatter('kst-99003-7', { documentnummer: '2099D00007', dossier: 99003 }), undefined);
    assert.equal(metadataFromFrontMatter('not an id', { titel: 'x' }), undefined);
  });

  const silent = ((_url: string, init?: RequestInit) =>
    new Promise<Response>((_, reject) =>
      init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')), { once: true }),
    )) as typeof fetch;

  it('with the API silent, a hover gets the letter at once (refreshing), before what the bundled catalog knows', async () => {
    const asked: string[] = [];
    const letters = new LetterFrontMatterSource(async (id) => {
      asked.push(id);
      return id === 'kst-29754-716' ? { id, data: { ...parse(SAMPLE), titel: 'Uit de kopgegevens' } } : undefined;
    });
    const stack = createMetadataStack({ letters, api: { fetch: silent, retries: 0 } });
    try {
      const r = await settlesWithin(stack.resolver.resolve('kst-29754-716', { preferLocalAfterMs: HOVER_LOCAL_ANSWER_MS }), 300);
      assert.equal(r.meta?.source, 'letter');
      assert.equal(r.meta?.title, 'Uit de kopgegevens');
      assert.equal(r.refreshing, true);
      // A document the workspace has no letter of still comes from the bundled catalog.
      const other = await settlesWithin(stack.resolver.resolve('kst-29754-680', { preferLocalAfterMs: HOVER_LOCAL_ANSWER_MS }), 300);
      assert.equal(other.meta?.source, 'bundled');
      assert.ok(asked.includes('kst-29754-680'));
    } finally {
      stack.resolver.dispose();
    }
  });

  it("the API's record, when it answers, is preferred to the letter's front matter", async () => {
    const letters = new LetterFrontMatterSource(async (id) => ({ id, data: { titel: 'Uit de kopgegevens' } }));
    const answer = { value: [{ DocumentNummer: '2099D00007', Volgnummer: 7, Onderwerp: 'Van de API', Kamerstukdossier: [{ Nummer: 99003 }] }] };
    const fetch = (async () =>
      new Response(JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/json' } })) as typeof globalThis.fetch;
    const stack = createMetadataStack({ letters, bundled: false, api: { fetch } });
    try {
      assert.equal((await stack.resolver.resolve('kst-99003-7')).meta?.title, 'Van de API');
    } finally {
      stack.resolver.dispose();
    }
  });
});
