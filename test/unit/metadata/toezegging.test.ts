// A toezegging by its register number, from the local OData server (fixtures in test/fixtures/odata/toezeggingen.json):
// the query, both shapes of KamerbriefNakoming, deleted rows, the open status set, the cache round trip and the hover.
import { strict as assert } from 'node:assert';
import {
  createMetadataStack,
  englishTemplates,
  MemoryStorage,
  ODataHttp,
  renderHoverMarkdown,
  renderUnresolvedHover,
  TweedeKamerSource,
  type MetadataResolver,
} from '../../../src/core/metadata';
import { startODataServer, type ODataServer } from '../../support/odata-server';
import { assertInert, signal, trapUnhandledRejections } from './support';

describe('metadata: toezegging from the Tweede Kamer register', () => {
  trapUnhandledRejections();
  let server: ODataServer;
  let resolvers: MetadataResolver[];
  const source = () => new TweedeKamerSource({ http: new ODataHttp({ baseUrl: server.url, timeoutMs: 400, retries: 1, retryDelayMs: 5 }) });

  beforeEach(async () => {
    server = await startODataServer();
    resolvers = [];
  });
  afterEach(async () => {
    resolvers.forEach((r) => r.dispose());
    await server.close();
  });

  it('asks for the number with Verwijderd eq false, and reads text, status, bewindspersoon, due date and debate', async () => {
    const meta = await source().get('TZ209901-001', signal());
    assert.ok(meta);
    assert.equal(meta.kind, 'toezegging');
    assert.equal(meta.id, 'TZ209901-001');
    assert.equal(meta.source, 'tweedekamer');
    assert.match(meta.title ?? '', /^De minister zegt toe de Kamer voor de zomer te informeren/);
    assert.deepEqual(meta.toezegging, {
      nummer: 'TZ209901-001',
      tekst: meta.title,
      status: 'Openstaand',
      bewindspersoon: { naam: 'Jansen, A.B.', functie: 'Minister van Synthetische Zaken' },
      ministerie: 'Synthetische Zaken',
      termijn: '2099-06-30',
      aangemaakt: '2099-01-14',
      debat: { nummer: '2099A00001', soort: 'Commissiedebat', onderwerp: 'Synthetisch programma', datum: '2099-01-13' },
    });
    const [req] = server.requests;
    assert.equal(req.entity, 'Toezegging');
    assert.equal(req.filter, "Verwijderd eq false and Nummer eq 'TZ209901-001'");
    assert.match(req.expand, /KamerbriefNakoming\(\$filter=Verwijderd eq false;/);
  });

  it('reads the fulfilling letter as expanded Document rows, leaving a deleted one out', async () => {
    const info = (await source().get('TZ209901-002', signal()))?.toezegging;
    assert.deepEqual(info?.nagekomenIn, [{ documentnummer: '2099D00101', onderwerp: 'Evaluatie van het synthetische programma', datum: '2099-03-01' }]);
    assert.equal(info?.status, 'Afgedaan');
    assert.equal(info?.termijn, undefined, "DatumNakoming 0001-01-01 means 'none'");
    assert.equal(server.requests.length, 1);
  });

  it('reads KamerbriefNakoming as a DocumentNummer field when the API refuses to expand it', async () => {
    const info = (await source().get('TZ209902-003', signal()))?.toezegging;
    assert.deepEqual(info?.nagekomenIn, [{ documentnummer: '2099D00103' }]);
    assert.deepEqual(info?.bewindspersoon, { naam: 'D. Bakker', functie: 'Minister van Synthetische Zaken' }, 'built from the name parts');
    assert.deepEqual(info?.debat, { nummer: '2099A00003' }, 'the activity number without an expanded Activiteit');
    assert.deepEqual(
      server.requests.map((r) => /KamerbriefNakoming/.test(r.expand)),
      [true, false],
    );
  });

  it('keeps an unknown status as written and drops a deleted debate', async () => {
    const info = (await source().get('TZ209902-004', signal()))?.toezegging;
    assert.equal(info?.status, 'In afwachting van de Kamer');
    assert.equal(info?.debat, undefined);
    const md = renderHoverMarkdown((await source().get('TZ209902-004', signal()))!, { now: Date.now() });
    assert.match(md, /Status: \*\*In afwachting van de Kamer\*\*/);
  });

  it('finds nothing for a deleted entry, an unknown number or a number of another shape (no request for the latter)', async () => {
    assert.equal(await source().get('TZ209902-005', signal()), undefined);
    assert.equal(await source().get('TZ209912-999', signal()), undefined);
    const before = server.requests.length;
    assert.equal(await source().get('TZ2099-001', signal()), undefined);
    assert.equal(server.requests.length, before);
  });

  it('resolves a number written in lower case with a typographic dash to its canonical id', async () => {
    const s = createMetadataStack({ api: { baseUrl: server.url, timeoutMs: 400, retries: 1, retryDelayMs: 5 }, bundled: false });
    resolvers.push(s.resolver);
    const meta = await s.resolver.get('tz209901\u2013001');
    assert.equal(meta?.id, 'TZ209901-001');
    assert.equal(meta?.toezegging?.status, 'Openstaand');
  });

  it('keeps the toezegging through the cache', async () => {
    const storage = new MemoryStorage();
    const first = createMetadataStack({ storage, api: { baseUrl: server.url, timeoutMs: 400, retries: 1, retryDelayMs: 5 } });
    resolvers.push(first.resolver);
    const fresh = await first.resolver.get('TZ209901-002');
    await first.cache.put(fresh!);
    const offline = createMetadataStack({ storage, api: { online: false } });
    resolvers.push(offline.resolver);
    const cached = await offline.resolver.get('TZ209901-002');
    assert.equal(cached?.source, 'cache');
    assert.equal(cached?.kind, 'toezegging');
    assert.deepEqual(cached?.toezegging, fresh?.toezegging);
  });

  it('hover: status label, bewindspersoon, due date, debate and the fulfilling letter with its tweedekamer.nl link', async () => {
    const one = renderHoverMarkdown((await source().get('TZ209901-001', signal()))!, { now: Date.now() });
    assert.match(one, /Commitment \(toezegging\)/);
    assert.match(one, /Status: \*\*open\*\*/);
    assert.match(one, /Made by: Jansen\\, A\\\.B\\\. \\\(Minister van Synthetische Zaken\\\)/);
    assert.match(one, /Due: 2099\\-06\\-30/);
    assert.match(one, /Made in: Commissiedebat · Synthetisch programma · 2099\\-01\\-13 · 2099A00001/);
    assert.doesNotMatch(one, /officielebekendmakingen/, 'a toezegging has no official publication');
    const two = renderHoverMarkdown((await source().get('TZ209901-002', signal()))!, { now: Date.now() });
    assert.match(two, /Status: \*\*fulfilled\*\*/);
    assert.match(two, /Fulfilled in: \[2099D00101\]\(https:\/\/www\.tweedekamer\.nl\/kamerstukken\/detail\?id=2099D00101&did=2099D00101\)/);
    assert.doesNotMatch(two, /2099D00102/, 'the deleted letter');
  });

  it('hover: text from the register is inert', async () => {
    const md = renderHoverMarkdown((await source().get('TZ209902-006', signal()))!, { now: Date.now() });
    assertInert(md);
    assert.doesNotMatch(md, /\]\(https:\/\/evil/);
    assert.doesNotMatch(md, /\]\(command:/);
    assert.match(md, /2099D00106/, 'the letter is still shown');
  });

  it('hover without details: a toezegging number offline, or not in the register', () => {
    const offline = renderUnresolvedHover('TZ202504-057', { offline: true, t: englishTemplates });
    assert.match(offline, /TZ202504\\-057 is a toezegging number .*no details offline/);
    assert.doesNotMatch(offline, /officielebekendmakingen/);
    assert.match(renderUnresolvedHover('TZ202504-057', {}), /register has no toezegging TZ202504\\-057/);
    assert.match(renderUnresolvedHover('kst-29754-716', { offline: true }), /No metadata found/, 'other ids keep their message');
  });
});
