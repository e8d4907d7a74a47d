// The Tweede Kamer source against a real local HTTP server speaking OData v4 JSON.
import { strict as assert } from 'node:assert';
import { MetadataError, ODataHttp, TweedeKamerSource, type Connectivity } from '../../../src/core/metadata';
import { startODataServer, type ODataServer } from '../../support/odata-server';
import { settlesWithin, signal, trapUnhandledRejections } from './support';

describe('metadata: Tweede Kamer OData source', () => {
  trapUnhandledRejections();
  let server: ODataServer;
  let statuses: Connectivity[];
  const source = (extra: Partial<ConstructorParameters<typeof ODataHttp>[0]> = {}) => {
    const http = new ODataHttp({ baseUrl: server.url, timeoutMs: 400, retries: 2, retryDelayMs: 5, ...extra });
    http.onDidChangeStatus((s) => statuses.push(s));
    return new TweedeKamerSource({ http });
  };

  beforeEach(async () => {
    server = await startODataServer();
    statuses = [];
  });
  afterEach(() => server.close());

  it('finds the sample letter by kamerstuk, with signatories, dossier title, zaak and links', async () => {
    const meta = await source().get('kst-29754-716', signal());
    assert.ok(meta);
    assert.equal(meta.title, 'Stand van zaken bestrijding misbruik asiel- en migratiestromen door terroristen');
    assert.equal(meta.soort, 'Brief regering');
    assert.equal(meta.date, '2024-06-18');
    assert.equal(meta.vergaderjaar, '2023-2024');
    assert.deepEqual(meta.dossier, { nummer: '29754', titel: 'Terrorismebestrijding' });
    assert.equal(meta.ondernummer, '716');
    assert.equal(meta.documentnummer, '2024D25640');
    assert.equal(meta.zaaknummer, '2024Z10806');
    assert.deepEqual(meta.aliases, ['2024D25640']);
    assert.deepEqual(
      meta.signatories?.map((s) => [s.naam, s.relatie]),
      [
        ['D. Yeşilgöz-Zegerius', 'Eerste ondertekenaar'],
        ['E. van der Burg', 'Mede ondertekenaar'],
      ],
    );
    assert.equal(meta.links?.html, 'https://zoek.officielebekendmakingen.nl/kst-29754-716.html');
    assert.equal(meta.links?.tweedekamer, 'https://www.tweedekamer.nl/kamerstukken/brieven_regering/detail?id=2024Z10806&did=2024D25640');
    assert.equal(meta.links?.resource, `${server.url}Document(0b6d1f2e-3c4a-4b5d-8e6f-7a8b9c0d1e2f)/resource`);
    assert.equal(meta.source, 'tweedekamer');
    assert.ok(meta.fetchedAt && Number.isFinite(Date.parse(meta.fetchedAt)));
    const [req] = server.requests;
    assert.match(req.filter, /Volgnummer eq 716 and Kamerstukdossier\/any\(d: d\/Nummer eq 29754 and \(d\/Toevoeging eq null or d\/Toevoeging eq ''\)\)/);
  });

  it('finds a document by DocumentNummer and by zaak number, answering for the id asked', async () => {
    const byNumber = await source().get('2024D25640', signal());
    assert.equal(byNumber?.id, '2024D25640');
    assert.deepEqual(byNumber?.aliases, ['kst-29754-716']);
    const byZaak = await source().get('2024Z10806', signal());
    assert.equal(byZaak?.id, '2024Z10806');
    assert.equal(byZaak?.documentnummer, '2024D25640');
  });

  it('sends Verwijderd eq false on every query and every expanded collection, and shows no deleted record', async () => {
    const src = source();
    await src.get('kst-29754-716', signal());
    await src.get('2024D25640', signal());
    await src.get('kst-99001-VI-12', signal());
    await src.get('dossier-29754', signal());
    assert.ok(server.requests.length >= 6);
    for (const r of server.requests) {
      assert.match(r.filter, /^Verwijderd eq false\b/, r.url);
      for (const nav of ['DocumentActor', 'Kamerstukdossier', 'Zaak', 'ZaakActor', 'Besluit']) {
        if (new RegExp(`(^|,)${nav}\\(`).test(r.expand)) assert.ok(r.expand.includes(`${nav}($filter=Verwijderd eq false`), `${nav} in ${r.expand}`);
      }
    }
    const letter = await src.get('2024D25640', signal());
    assert.ok(!JSON.stringify(letter).includes('Verwijderde Actor'));
    assert.ok(!JSON.stringify(letter).includes('DELETED'));
  });

  it('tallies a motion per fractie: FractieGrootte summed per Soort, outcome from the latest decisive Besluit', async () => {
    const meta = await source().get('kst-99001-VI-12', signal());
    assert.equal(meta?.kind, 'motie');
    assert.equal(meta?.dossier?.toevoeging, 'VI');
    assert.deepEqual(
      meta?.motion?.submitters?.map((s) => [s.naam, s.relatie, s.fractie]),
      [
        ['Jansen', 'Indiener', 'Fractie A'],
        ['De Vries', 'Medeindiener', 'Fractie B'],
      ],
    );
    assert.deepEqual(meta?.motion?.outcome, { result: 'aangenomen', besluitTekst: 'Aangenomen.', date: '2099-02-06' });
    const st = meta!.motion!.stemming!;
    assert.equal(st.hoofdelijk, false);
    assert.deepEqual(st.totals, { voor: 102, tegen: 41, nietDeelgenomen: 7 });
    assert.equal(st.votes.length, 11, 'one row per fractie; the stray member row and the deleted row are left out');
    assert.deepEqual(st.votes[0], { fractie: 'Fractie A', soort: 'Voor', zetels: 37 });
    assert.equal(st.votes.find((v) => v.fractie === 'Fractie H')?.vergissing, true);
    assert.match(server.requests.find((r) => r.entity === 'Stemming')!.filter, /Besluit_Id eq 8d000000-0000-4000-8000-000000000303/);
  });

  it('counts members for a hoofdelijke stemming', async () => {
    const st = (await source().get('kst-99001-VI-13', signal()))?.motion?.stemming;
    assert.equal(st?.hoofdelijk, true);
    assert.deepEqual(st?.totals, { voor: 52, tegen: 96, nietDeelgenomen: 2 });
    assert.deepEqual(
      st?.votes.filter((v) => v.fractie === 'Fractie K').map((v) => [v.soort, v.zetels]),
      [
        ['Tegen', 5],
        ['Niet deelgenomen', 2],
      ],
    );
  });

  it('drops duplicate Stemming rows', async () => {
    server.setMode('duplicates');
    const m1 = await source().get('kst-99001-VI-12', signal());
    const m2 = await source().get('kst-99001-VI-13', signal());
    assert.deepEqual(m1?.motion?.stemming?.totals, { voor: 102, tegen: 41, nietDeelgenomen: 7 });
    assert.deepEqual(m2?.motion?.stemming?.totals, { voor: 52, tegen: 96, nietDeelgenomen: 2 });
  });

  it('follows @odata.nextLink across several pages', async () => {
    await server.close();
    server = await startODataServer({ pageSize: 20 });
    const meta = await source().get('kst-99001-VI-13', signal());
    assert.deepEqual(meta?.motion?.stemming?.totals, { voor: 52, tegen: 96, nietDeelgenomen: 2 });
    const pages = server.requests.filter((r) => r.entity === 'Stemming');
    assert.equal(pages.length, 8, '150 rows at 20 a page');
    assert.ok(pages.slice(1).every((r) => r.url.includes('skiptoken')));
  });

  it('stops after a bounded number of pages when the server pages forever', async () => {
    server.setMode('endless-paging');
    const meta = await settlesWithin(source({ maxPages: 5 }).get('kst-99001-VI-12', signal()), 5000);
    assert.ok(meta?.motion?.stemming);
    assert.equal(server.requests.filter((r) => r.entity === 'Stemming').length, 5);
  });

  it('retries a 500 a bounded number of times, then fails with the API message and announces offline once', async () => {
    server.setMode('error500');
    const src = source();
    await assert.rejects(
      src.get('kst-29754-716', signal()),
      (e: MetadataError) => e.code === 'http' && e.status === 500 && /An error has occurred/.test(e.message),
    );
    assert.equal(server.requests.length, 3, 'one attempt and two retries');
    await assert.rejects(src.get('kst-29754-680', signal()), (e: MetadataError) => e.code === 'offline');
    assert.equal(server.requests.length, 3, 'offline: no further requests');
    assert.deepEqual(statuses, ['offline']);
    server.setMode('normal');
    src.http.goOnline();
    // "Try again" is not "online" before anything answered.
    assert.equal(src.http.status, 'checking');
    assert.ok(await src.get('kst-29754-716', signal()));
    assert.deepEqual(statuses, ['offline', 'checking', 'online']);
  });

  it('a try again that fails goes back to offline, and a probe tells which it is', async () => {
    server.setMode('error500');
    const src = source({ retries: 0 });
    await assert.rejects(src.get('kst-29754-716', signal()));
    src.http.goOnline();
    await src.http.probe(signal());
    assert.deepEqual(statuses, ['offline', 'checking', 'offline']);
    server.setMode('normal');
    src.http.goOnline();
    await src.http.probe(signal());
    assert.deepEqual(statuses, ['offline', 'checking', 'offline', 'checking', 'online']);
  });

  it('probes again by itself after a while offline, and announces coming back', async () => {
    server.setMode('error500');
    const src = source({ retries: 0, offlineProbeMs: 50 });
    await assert.rejects(src.get('kst-29754-716', signal()));
    server.setMode('normal');
    await assert.rejects(src.get('kst-29754-716', signal()), (e: MetadataError) => e.code === 'offline');
    await new Promise((r) => setTimeout(r, 80));
    assert.ok(await src.get('kst-29754-716', signal()));
    assert.deepEqual(statuses, ['offline', 'online']);
  });

  it('recovers from a single 500 by retrying', async () => {
    server.setMode('flaky');
    assert.ok(await source().get('kst-29754-716', signal()));
    assert.equal(server.requests.length, 2);
    assert.deepEqual(statuses, []);
  });

  it('times out a request that hangs, and one whose body trickles in', async () => {
    for (const mode of ['hang', 'drip'] as const) {
      server.setMode(mode);
      statuses = [];
      await assert.rejects(settlesWithin(source({ timeoutMs: 200 }).get('kst-29754-716', signal()), 5000), (e: MetadataError) => e.code === 'timeout', mode);
      assert.deepEqual(statuses, ['offline'], mode);
    }
  });

  it('reports malformed JSON as a clean error, without retrying or going offline', async () => {
    server.setMode('malformed');
    await assert.rejects(source().get('kst-29754-716', signal()), (e: MetadataError) => e.code === 'malformed');
    assert.equal(server.requests.length, 1);
    assert.deepEqual(statuses, []);
  });

  it('honours the AbortSignal during a request', async () => {
    server.setMode('hang');
    const ctl = new AbortController();
    const pending = source({ timeoutMs: 10_000 }).get('kst-29754-716', ctl.signal);
    setTimeout(() => ctl.abort(), 50);
    await assert.rejects(settlesWithin(pending, 3000), (e: MetadataError) => e.code === 'aborted');
    assert.deepEqual(statuses, [], 'a cancellation is not an outage');
  });

  it('makes no request at all when network use is off, and can be turned on again', async () => {
    const src = source({ online: false });
    await assert.rejects(src.get('kst-29754-716', signal()), (e: MetadataError) => e.code === 'offline');
    assert.equal(server.requests.length, 0);
    src.http.setEnabled(true);
    assert.ok(await src.get('kst-29754-716', signal()));
    assert.deepEqual(statuses, ['online']);
  });

  it('answers undefined for unknown documents and ids the API does not serve', async () => {
    const src = source();
    assert.equal(await src.get('kst-29754-9999', signal()), undefined);
    assert.equal(await src.get('h-tk-20102011-108-5', signal()), undefined);
    assert.equal(await src.get('kst-33802-C', signal()), undefined);
  });

  it('passes an unknown Soort through and resolves a dossier', async () => {
    assert.equal((await source().get('kst-99002-3', signal()))?.soort, 'Brief Kamer aan derde');
    const dossier = await source().get('dossier-99001-VI', signal());
    assert.equal(dossier?.title, 'Synthetisch dossier voor tests');
  });

  it('searches titles', async () => {
    const hits = await source().search!('bestrijding misbruik', signal());
    assert.deepEqual(
      hits.map((h) => h.id),
      ['kst-29754-716'],
    );
  });
});
