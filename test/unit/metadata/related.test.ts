// Related documents and dossier listings against the fake Tweede Kamer API (a real local HTTP server).
import { strict as assert } from 'node:assert';
import {
  bundledSource,
  CatalogSource,
  MetadataResolver,
  ODataHttp,
  RelatedDocuments,
  renderRelatedMarkdown,
  TweedeKamerSource,
  type DocumentMetadata,
  type RelatedDocument,
  type RelatedInfo,
} from '../../../src/core/metadata';
import { orderVersions, type VersionNode } from '../../../src/core/metadata/related-rows';
import { HOSTILE_TITLE, parseExpand, startODataServer, type ODataServer } from '../../support/odata-server';
import { assertInert, signal, trapUnhandledRejections } from './support';

const motion = (id: string, extra: Partial<DocumentMetadata> = {}): DocumentMetadata => ({ id, kind: 'motie', source: 'test', ...extra });

/** Every order of a list (for inputs of a few items). */
const permutations = <T>(xs: T[]): T[][] =>
  xs.length <= 1 ? [xs] : xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));

const version = (
  zaaknummer: string,
  doc: RelatedDocument | undefined,
  date: string | undefined,
  links: Partial<Pick<VersionNode, 'replacedBy' | 'replaces'>> = {},
): VersionNode => ({
  zaaknummer,
  ...(doc ? { doc } : {}),
  ...(date ? { date } : {}),
  replacedBy: links.replacedBy ?? [],
  replaces: links.replaces ?? [],
});

/** The order and current version of a chain, the same for every input order (or the test fails). */
function orderedForEveryInput(nodes: VersionNode[], self: string): { ids: string[]; current: string[]; reversed: boolean } {
  const answers = permutations(nodes).map((p) => {
    const { steps, reversed } = orderVersions(p, self);
    return { ids: steps.map((s) => s.zaaknummer), current: steps.filter((s) => s.current).map((s) => s.zaaknummer), reversed };
  });
  for (const a of answers) assert.deepEqual(a, answers[0], 'the order depends on the order of the input');
  return answers[0];
}

describe('metadata: related documents', () => {
  trapUnhandledRejections();
  let server: ODataServer;
  const http = (extra: Partial<ConstructorParameters<typeof ODataHttp>[0]> = {}) =>
    new ODataHttp({ baseUrl: server.url, timeoutMs: 2000, retries: 0, retryDelayMs: 5, ...extra });
  const related = (extra: Partial<ConstructorParameters<typeof RelatedDocuments>[0]> = {}) => new RelatedDocuments({ http: http(), ...extra });

  beforeEach(async () => {
    server = await startODataServer();
  });
  afterEach(() => server.close());

  it('orders a version chain by date and marks the current version, also where the API links point backwards (issue #99)', async () => {
    const info = await related().forDocument(motion('kst-99002-10'), signal());
    assert.equal(info.status, 'ok', info.message);
    assert.deepEqual(
      info.versions.map((v) => [v.id, v.zaaknummer, v.date, v.current, v.self]),
      [
        ['kst-99002-10', '2099Z00101', '2099-03-01', false, true],
        ['kst-99002-11', '2099Z00102', '2099-03-05', false, false],
        ['kst-99002-12', '2099Z00103', '2099-03-08', true, false],
      ],
    );
    // 2099Z00103 says 2099Z00102 replaces it, though it is three days later: the dates win, and that is told.
    assert.equal(info.reversedLinks, true);
    // From the middle of the chain the same order, with the other version marked as the one asked for.
    const middle = await related().forDocument(motion('kst-99002-11'), signal());
    assert.deepEqual(
      middle.versions.map((v) => [v.id, v.current, v.self]),
      [
        ['kst-99002-10', false, false],
        ['kst-99002-11', false, true],
        ['kst-99002-12', true, false],
      ],
    );
  });

  it('follows a correctly linked amendment chain without a reversal note, and ignores a link to a deleted zaak', async () => {
    const info = await related().forDocument({ id: 'kst-99002-20', kind: 'amendement', source: 'test' }, signal());
    assert.deepEqual(
      info.versions.map((v) => [v.id, v.current]),
      [
        ['kst-99002-20', false],
        ['kst-99002-21', true],
      ],
    );
    assert.equal(info.reversedLinks, undefined);
    assert.ok(!JSON.stringify(info).includes('2099Z00198'), 'the deleted replacement was followed');
    assert.ok(!server.requests.some((r) => r.filter.includes('2099Z00198')), 'the deleted replacement was asked for');
  });

  it('same-day versions: a gewijzigde soort or a t.v.v. title decides, then the Volgnummer, and only then the links', () => {
    const original = (id: string) => ({ id, soort: 'Motie', title: 'Motie van het lid Smit over synthetische dijken' });
    // The links say the later version is the earlier one (issue #99); the revised one has even the lower number.
    const reversedLinks = { a: { replaces: ['2099Z00202'] }, b: { replacedBy: ['2099Z00201'] } };
    const bySoort = orderedForEveryInput(
      [
        version('2099Z00201', original('kst-99002-31'), '2099-05-01', reversedLinks.a),
        version('2099Z00202', { id: 'kst-99002-30', soort: 'Motie (gewijzigd/nader)', title: 'Motie van het lid Smit' }, '2099-05-01', reversedLinks.b),
      ],
      '2099Z00201',
    );
    assert.deepEqual(bySoort, { ids: ['2099Z00201', '2099Z00202'], current: ['2099Z00202'], reversed: true });
    const byTitle = orderedForEveryInput(
      [
        version('2099Z00201', original('kst-99002-31'), '2099-05-01', reversedLinks.a),
        version('2099Z00202', { id: 'kst-99002-30', soort: 'Motie', title: 'Motie van het lid Smit (t.v.v. 99002-31)' }, '2099-05-01', reversedLinks.b),
      ],
      '2099Z00201',
    );
    assert.deepEqual(byTitle.current, ['2099Z00202']);
    const terVervanging = orderedForEveryInput(
      [
        version('2099Z00201', original('kst-99002-31'), '2099-05-01', reversedLinks.a),
        version(
          '2099Z00202',
          { id: 'kst-99002-30', title: 'MOTIE VAN HET LID SMIT TER VERVANGING VAN DIE GEDRUKT ONDER NR. 31' },
          '2099-05-01',
          reversedLinks.b,
        ),
      ],
      '2099Z00201',
    );
    assert.deepEqual(terVervanging.current, ['2099Z00202']);
    const byNumber = orderedForEveryInput(
      [
        version('2099Z00201', original('kst-99002-30'), '2099-05-01', reversedLinks.a),
        version('2099Z00202', original('kst-99002-31'), '2099-05-01', reversedLinks.b),
      ],
      '2099Z00201',
    );
    assert.deepEqual(byNumber, { ids: ['2099Z00201', '2099Z00202'], current: ['2099Z00202'], reversed: true });
    // Nothing but the links to go by: they decide, and nothing is reversed.
    const byLinks = orderedForEveryInput(
      [version('2099Z00201', { id: '2099D00201' }, '2099-05-01', { replaces: ['2099Z00202'] }), version('2099Z00202', { id: '2099D00202' }, '2099-05-01')],
      '2099Z00201',
    );
    assert.deepEqual(byLinks, { ids: ['2099Z00202', '2099Z00201'], current: ['2099Z00201'], reversed: false });
  });

  it('a version without a date: one order and one current version whatever the input order, placed by its links', () => {
    // A -> B (undated) -> C by the links, but C is dated before A: a comparator mixing dates and links is not
    // transitive here (C < A by date, A < B < C by links).
    const cyclic = orderedForEveryInput(
      [
        version('2099Z00301', { id: 'kst-99002-40', soort: 'Motie' }, '2099-05-01', { replacedBy: ['2099Z00302'] }),
        version('2099Z00302', undefined, undefined, { replacedBy: ['2099Z00303'] }),
        version('2099Z00303', { id: 'kst-99002-42', soort: 'Motie (gewijzigd/nader)' }, '2099-04-20'),
      ],
      '2099Z00301',
    );
    assert.deepEqual(cyclic, { ids: ['2099Z00303', '2099Z00301', '2099Z00302'], current: ['2099Z00302'], reversed: true });
    const chain = orderedForEveryInput(
      [
        version('2099Z00311', { id: 'kst-99002-50' }, '2099-03-01', { replacedBy: ['2099Z00312'] }),
        version('2099Z00312', undefined, undefined, { replacedBy: ['2099Z00313'] }),
        version('2099Z00313', { id: 'kst-99002-52' }, '2099-03-10'),
        version('2099Z00314', undefined, undefined, { replaces: ['2099Z00313'] }),
      ],
      '2099Z00311',
    );
    assert.deepEqual(chain, { ids: ['2099Z00311', '2099Z00312', '2099Z00313', '2099Z00314'], current: ['2099Z00314'], reversed: false });
  });

  it('marks a chain cut at the version bound, with no version called current', async () => {
    const info = await related({ maxVersions: 2 }).forDocument(motion('kst-99002-10'), signal());
    assert.deepEqual(
      info.versions.map((v) => [v.zaaknummer, v.current]),
      [
        ['2099Z00101', false],
        ['2099Z00102', false],
      ],
    );
    assert.equal(info.versionsCut, true);
    assert.match(renderRelatedMarkdown(info), /more versions than were looked up/);
    assert.doesNotMatch(renderRelatedMarkdown(info), /current version/);
  });

  it('a Zaak asked for itself lists its documents and its version chain', async () => {
    const info = await related().forDocument({ id: '2099Z00101', kind: 'tk-zaak', source: 'test' }, signal());
    assert.equal(info.status, 'ok', info.message);
    assert.deepEqual(
      info.zaken.map((z) => [z.nummer, z.kabinetsappreciatie]),
      [['2099Z00101', 'Ontraden']],
    );
    assert.deepEqual(
      info.documents.map((d) => d.id),
      ['2099D00105', 'kst-99002-13', 'kst-99002-10'],
    );
    assert.deepEqual(
      info.versions.map((v) => [v.zaaknummer, v.current, v.self]),
      [
        ['2099Z00101', false, true],
        ['2099Z00102', false, false],
        ['2099Z00103', true, false],
      ],
    );
  });

  it('lists the zaak, its other documents newest first, and the attachments; the document itself, placeholders and deleted rows left out', async () => {
    const info = await related().forDocument(motion('kst-99002-10'), signal());
    assert.deepEqual(
      info.zaken.map((z) => [z.nummer, z.kabinetsappreciatie]),
      [['2099Z00101', 'Ontraden']],
    );
    // The kabinetsappreciatie letter and its attachment share the motion's zaak; the deleted letter does not show.
    assert.deepEqual(
      info.documents.map((d) => [d.id, d.soort, d.date]),
      [
        ['2099D00105', 'Bijlage', '2099-03-03'],
        ['kst-99002-13', 'Brief regering', '2099-03-03'],
      ],
    );
    assert.ok(!JSON.stringify(info).includes('DELETED'));
    assert.ok(!info.documents.some((d) => d.id.startsWith('1c7e2f3a')), 'a placeholder became a document');
    const letter = await related().forDocument({ id: 'kst-99002-13', kind: 'kamerstuk', source: 'test' }, signal());
    assert.deepEqual(
      letter.attachments.map((a) => [a.id, a.title]),
      [['2099D00105', 'Bijlage bij de kabinetsappreciatie: synthetische rekensom']],
    );
    assert.ok(!letter.documents.some((d) => d.id === '2099D00105'), 'an attachment listed twice');
    assert.deepEqual(letter.versions, [], 'a letter has no version chain');
    const attachment = await related().forDocument({ id: '2099D00105', kind: 'tk-document', source: 'test' }, signal());
    assert.deepEqual(
      attachment.attachmentOf.map((d) => d.id),
      ['kst-99002-13'],
    );
  });

  it('sends Verwijderd eq false on every query and every expanded navigation property (nested, single-valued or bare), and selects Verwijderd', async () => {
    const r = related();
    await r.forDocument(motion('kst-99002-10'), signal());
    await r.forDocument({ id: '2099D00105', kind: 'tk-document', source: 'test' }, signal());
    await r.forDocument({ id: '2099Z00111', kind: 'tk-zaak', source: 'test' }, signal());
    await r.dossier('99002', undefined, signal());
    assert.ok(server.requests.length >= 5);
    const seen = new Set<string>();
    const check = (expand: string, url: string) => {
      for (const item of parseExpand(expand)) {
        seen.add(item.nav);
        assert.match(item.options.$filter ?? '', /^Verwijderd eq false\b/, `${item.nav} in ${url}`);
        if (item.options.$select) assert.ok(item.options.$select.split(',').includes('Verwijderd'), `$select of ${item.nav} in ${url}`);
        check(item.options.$expand ?? '', url);
      }
    };
    for (const req of server.requests) {
      assert.match(req.filter, /^Verwijderd eq false\b/, req.url);
      check(req.expand, decodeURIComponent(req.url));
      const select = new URL(req.url, server.url).searchParams.get('$select');
      if (select) assert.ok(select.split(',').includes('Verwijderd'), `$select of ${req.url}`);
    }
    for (const nav of ['Zaak', 'Document', 'BijlageDocument', 'BronDocument', 'Kamerstukdossier', 'VervangenDoor', 'VervangenVanuit'])
      assert.ok(seen.has(nav), `${nav} was never expanded`);
  });

  it('the fake API applies $filter inside $expand to single entities as to lists, and refuses one it does not know', async () => {
    const get = async (expand: string) => {
      const filter = encodeURIComponent("Verwijderd eq false and DocumentNummer eq '2099D00902'");
      const res = await fetch(`${server.url}Document?$filter=${filter}&$expand=${encodeURIComponent(expand)}`);
      return { status: res.status, rows: res.ok ? ((await res.json()) as { value: Record<string, unknown>[] }).value : [] };
    };
    assert.equal(((await get('BronDocument')).rows[0].BronDocument as { Verwijderd: boolean }).Verwijderd, true);
    assert.equal((await get('BronDocument($filter=Verwijderd eq false)')).rows[0].BronDocument, null);
    assert.equal((await get("BronDocument($filter=Soort eq 'Brief regering')")).status, 400);
  });

  it('a deleted main document is never "attachment of" (and a deleted row is dropped in either shape the API gives)', async () => {
    const info = await related().forDocument({ id: '2099D00902', kind: 'tk-document', source: 'test' }, signal());
    assert.equal(info.status, 'ok', info.message);
    assert.deepEqual(info.attachmentOf, []);
    assert.ok(!JSON.stringify(info).includes('DELETED'), JSON.stringify(info));
    // A server that ignores the expand's $filter: the selected Verwijderd still drops the row, single or in a list.
    for (const bron of [
      { DocumentNummer: '2099D00901', Onderwerp: 'DELETED', Verwijderd: true },
      [{ DocumentNummer: '2099D00901', Onderwerp: 'DELETED', Verwijderd: true }],
    ]) {
      const row = {
        Id: 'x',
        DocumentNummer: '2099D00902',
        Soort: 'Bijlage',
        Onderwerp: 'Bijlage',
        Verwijderd: false,
        Zaak: [],
        BijlageDocument: [],
        BronDocument: bron,
      };
      const canned: typeof fetch = async () => new Response(JSON.stringify({ value: [row] }), { status: 200, headers: { 'Content-Type': 'application/json' } });
      const got = await new RelatedDocuments({ http: http({ fetch: canned }) }).forDocument(
        { id: '2099D00902', kind: 'tk-document', source: 'test' },
        signal(),
      );
      assert.deepEqual(got.attachmentOf, [], JSON.stringify(bron));
    }
  });

  it('takes placeholder answers for nothing: not found, no documents', async () => {
    server.setMode('placeholder');
    const info = await related().forDocument(motion('kst-99002-10'), signal());
    assert.equal(info.status, 'not-found');
    assert.deepEqual([info.documents, info.versions], [[], []]);
  });

  it('lists a dossier newest first from the API, with the dossier title, ordered by the server and asked for few fields', async () => {
    const listing = await related().dossier('99002', undefined, signal());
    assert.equal(listing.status, 'ok', listing.message);
    assert.equal(listing.titel, 'Tweede synthetisch dossier');
    assert.deepEqual(
      listing.documents.map((d) => [d.id, d.date]),
      [
        ['kst-99002-21', '2099-04-10'],
        ['kst-99002-20', '2099-04-01'],
        ['kst-99002-12', '2099-03-08'],
        ['kst-99002-11', '2099-03-05'],
        ['2099D00105', '2099-03-03'],
        ['kst-99002-13', '2099-03-03'],
        ['kst-99002-10', '2099-03-01'],
        ['kst-99002-3', '2099-02-02'],
      ],
    );
    assert.deepEqual(listing.documents[0].aliases, ['2099D00112']);
    assert.deepEqual(listing.documents[0].sources, ['tweedekamer']);
    const req = server.requests.find((r) => r.entity === 'Document')!;
    // No toevoeging: null or '' (that `eq null` alone finds them is UNVERIFIED).
    assert.match(req.filter, /Kamerstukdossier\/any\(d: d\/Nummer eq 99002 and \(d\/Toevoeging eq null or d\/Toevoeging eq ''\)\)/);
    assert.match(decodeURIComponent(req.url), /\$orderby=Datum desc/);
    assert.match(decodeURIComponent(req.url), /\$select=Id,DocumentNummer,/);
  });

  it('follows nextLink pages of a dossier', async () => {
    await server.close();
    server = await startODataServer({ pageSize: 3 });
    const listing = await related().dossier('99002', undefined, signal());
    assert.equal(listing.documents.length, 8);
    assert.ok(server.requests.filter((r) => r.entity === 'Document').length >= 3);
  });

  it('says when a dossier listing is cut at the page bound', async () => {
    await server.close();
    server = await startODataServer({ pageSize: 3 });
    const listing = await related({ http: http({ maxPages: 2 }) }).dossier('99002', undefined, signal());
    assert.equal(listing.status, 'ok', listing.message);
    assert.equal(listing.truncated, true);
    assert.equal(listing.documents.length, 6);
  });

  it("files a joint document under its own first dossier, not the one listed; no toevoeging is null or ''", async () => {
    const ninth = await related().dossier('99009', undefined, signal());
    assert.deepEqual(
      ninth.documents.map((d) => [d.id, d.aliases]),
      [
        ['kst-99010-2', ['2099D00903']],
        ['2099D00902', undefined],
      ],
    );
    // Dossier 99010 stores its empty toevoeging as '' (the API's form is UNVERIFIED): found all the same.
    const tenth = await related().dossier('99010', undefined, signal());
    assert.equal(tenth.status, 'ok', tenth.message);
    assert.equal(tenth.titel, 'Tiende synthetisch dossier');
    assert.deepEqual(
      tenth.documents.map((d) => d.id),
      ['kst-99010-2'],
    );
  });

  it('takes the toevoeging in any case: asked, remembered and matched with the local records in upper case', async () => {
    const catalog = new CatalogSource(
      ['version: 1', 'documents:', '  kst-99001-VI-40:', '    title: Alleen in de catalogus', '    dossier: { nummer: 99001, toevoeging: VI }'].join('\n'),
    );
    const r = related({ local: new MetadataResolver({ sources: [catalog] }) });
    const listing = await r.dossier('99001', 'vi', signal());
    assert.equal(listing.status, 'ok', listing.message);
    assert.equal(listing.id, 'dossier-99001-VI');
    assert.equal(listing.titel, 'Synthetisch dossier voor tests');
    const ids = listing.documents.map((d) => d.id);
    assert.ok(ids.includes('kst-99001-VI-12') && ids.includes('kst-99001-VI-40'), JSON.stringify(ids));
    assert.equal(r.peekDossier('99001', 'VI'), listing);
    assert.deepEqual(
      (await r.localDossier('99001', 'vi')).documents.map((d) => d.id),
      ['kst-99001-VI-40'],
    );
  });

  it('merges what the local sources know into the dossier; offline it lists only those, with a clear status', async () => {
    const catalog = new CatalogSource(
      [
        'version: 1',
        'documents:',
        '  kst-99002-13:',
        '    title: Kabinetsappreciatie (team catalog)',
        '    date: 2099-03-03',
        '    dossier: { nummer: 99002 }',
        '  kst-99002-30:',
        '    title: Een brief die alleen de catalogus kent',
        '    date: 2099-05-01',
        '    dossier: { nummer: 99002 }',
        '  kst-99001-VI-12:',
        '    title: Another dossier',
        '    dossier: { nummer: 99001, toevoeging: VI }',
      ].join('\n'),
    );
    const resolver = new MetadataResolver({ sources: [catalog, bundledSource()] });
    const online = await related({ local: resolver }).dossier('99002', undefined, signal());
    assert.deepEqual(
      online.documents.slice(0, 2).map((d) => [d.id, d.sources]),
      [
        ['kst-99002-30', ['catalog']],
        ['kst-99002-21', ['tweedekamer']],
      ],
    );
    assert.deepEqual(online.documents.find((d) => d.id === 'kst-99002-13')?.sources, ['tweedekamer', 'catalog']);
    assert.equal(online.documents.find((d) => d.id === 'kst-99002-13')?.title, 'Kabinetsappreciatie van de motie van het lid Smit over synthetische dijken');

    const before = server.requests.length;
    const offline = await new RelatedDocuments({ http: new ODataHttp({ baseUrl: server.url, online: false }), local: resolver }).dossier(
      '99002',
      undefined,
      signal(),
    );
    assert.equal(server.requests.length, before, 'no request while offline');
    assert.equal(offline.status, 'offline');
    assert.deepEqual(
      offline.documents.map((d) => d.id),
      ['kst-99002-30', 'kst-99002-13'],
    );
    // The bundled catalog's records of the sample dossier, with its title, without any network.
    const sample = await new RelatedDocuments({ local: resolver }).dossier('29754', undefined, signal());
    assert.equal(sample.status, 'offline');
    assert.equal(sample.titel, 'Terrorismebestrijding');
    assert.deepEqual(
      sample.documents.map((d) => d.id),
      ['kst-29754-716', 'kst-29754-680', 'kst-29754-683'],
    );
  });

  it('never rejects: an unreachable or failing API is a status, and the answer is remembered only briefly', async () => {
    let now = 1_000_000;
    const r = related({ now: () => now, failureTtlMs: 1000 });
    server.setMode('malformed');
    const failed = await r.forDocument(motion('kst-99002-10'), signal());
    assert.equal(failed.status, 'error');
    assert.equal(r.peek('kst-99002-10')?.status, 'error');
    server.setMode('normal');
    now += 1001;
    assert.equal(r.peek('kst-99002-10'), undefined, 'a failure is asked again after a while');
    assert.equal((await r.forDocument(motion('kst-99002-10'), signal())).status, 'ok');
    const closed = await new RelatedDocuments({
      http: new ODataHttp({ baseUrl: 'http://127.0.0.1:9/OData/v4/2.0/', retries: 0, timeoutMs: 2000 }),
    }).forDocument(motion('kst-99002-10'), signal());
    assert.equal(closed.status, 'offline');
  });

  it('a lookup that takes too long ends as a failure that is remembered briefly, not as a cancellation', async () => {
    server.setMode('hang');
    const r = related({ lookupTimeoutMs: 200, http: http({ answerTimeoutMs: 5000, timeoutMs: 5000 }) });
    const info = await r.forDocument(motion('kst-99002-10'));
    assert.equal(info.status, 'error');
    assert.match(info.message ?? '', /200 ms/);
    assert.equal(r.peek('kst-99002-10')?.status, 'error');
  });

  it('shares one lookup between concurrent callers and remembers the answer (peek, no second request)', async () => {
    const r = related();
    assert.equal(r.peek('kst-99002-10'), undefined);
    const [a, b] = await Promise.all([r.forDocument(motion('kst-99002-10')), r.forDocument(motion('kst-99002-10'))]);
    assert.equal(a, b);
    const count = server.requests.length;
    assert.equal(r.peek('kst-99002-10'), a);
    await r.forDocument(motion('kst-99002-10'));
    assert.equal(server.requests.length, count);
  });

  it('invalidate() drops lookups in progress: the next call starts a new one, and only the new answer is remembered', async () => {
    await server.close();
    server = await startODataServer({ delayMs: 50 });
    const r = related();
    const older = r.forDocument(motion('kst-99002-10'));
    assert.ok(r.isLooking('kst-99002-10'));
    r.invalidate();
    assert.equal(r.isLooking('kst-99002-10'), false, 'the lookup started before invalidate() still counts');
    const newer = r.forDocument(motion('kst-99002-10'));
    const olderInfo = await older;
    assert.equal(olderInfo.status, 'ok', 'its callers still get its answer');
    assert.notEqual(r.peek('kst-99002-10'), olderInfo, 'the answer of a lookup started before invalidate() was remembered');
    const newerInfo = await newer;
    assert.notEqual(newerInfo, olderInfo);
    assert.equal(r.peek('kst-99002-10'), newerInfo);
    // Likewise for a dossier listing.
    const olderListing = r.dossier('99002', undefined);
    r.invalidate();
    await olderListing;
    assert.equal(r.peekDossier('99002'), undefined);
  });

  it('invalidate({ abort }) (the Refresh command) stops a lookup that hangs, and a new one answers', async () => {
    server.setMode('hang');
    const r = related({ http: http({ answerTimeoutMs: 60_000, timeoutMs: 60_000 }) });
    const hanging = r.forDocument(motion('kst-99002-10'));
    for (let i = 0; i < 200 && server.requests.length === 0; i++) await new Promise((res) => setTimeout(res, 10));
    r.invalidate({ abort: true });
    assert.equal((await hanging).status, 'aborted');
    server.setMode('normal');
    const info = await r.forDocument(motion('kst-99002-10'));
    assert.equal(info.status, 'ok', info.message);
    assert.equal(r.peek('kst-99002-10'), info);
  });

  it('runs at most maxConcurrent lookups at once; the others wait their turn and count as looking', async () => {
    await server.close();
    server = await startODataServer({ delayMs: 30 });
    const r = related({ maxConcurrent: 2 });
    const ids = ['kst-99002-10', 'kst-99002-11', 'kst-99002-12', 'kst-99002-13', 'kst-99002-20', 'kst-99002-21'];
    const lookups = ids.map((id) => r.forDocument(motion(id)));
    assert.deepEqual(
      ids.filter((id) => !r.isLooking(id)),
      [],
    );
    const infos = await Promise.all(lookups);
    assert.deepEqual(
      infos.map((i) => i.status),
      ids.map(() => 'ok'),
    );
    assert.ok(server.maxInFlight <= 2, `${server.maxInFlight} requests at once`);
  });

  it('a caller that stops waiting gets "aborted" at once; the lookup goes on and fills the memory', async () => {
    await server.close();
    server = await startODataServer({ delayMs: 150 });
    const r = related();
    const ctl = new AbortController();
    const waiting = r.forDocument(motion('kst-99002-10'), ctl.signal);
    ctl.abort();
    assert.equal((await waiting).status, 'aborted');
    assert.ok(r.isLooking('kst-99002-10'));
    for (let i = 0; i < 100 && r.isLooking('kst-99002-10'); i++) await new Promise((res) => setTimeout(res, 50));
    assert.equal(r.peek('kst-99002-10')?.status, 'ok');
    assert.equal(r.peek('kst-99002-10')?.versions.length, 3);
  });

  it('finds the document of a record without a TK number by its kamerstuk, and of one with only a TK number', async () => {
    const api = new TweedeKamerSource({ http: http() });
    const fromApi = await api.get('2099D00101', signal());
    assert.ok(fromApi);
    const byNumber = await related().forDocument(fromApi, signal());
    assert.equal(byNumber.versions.length, 3);
    assert.ok(server.requests.some((r) => /DocumentNummer eq '2099D00101'/.test(r.filter)));
    const unknown = await related().forDocument({ id: 'stb-2022-524', kind: 'staatsblad', source: 'test' }, signal());
    assert.equal(unknown.status, 'unsupported');
  });
});

describe('metadata: related documents in the hover', () => {
  const info = (over: Partial<RelatedInfo>): RelatedInfo => ({
    id: 'kst-99002-10',
    zaken: [],
    documents: [],
    attachments: [],
    attachmentOf: [],
    versions: [],
    status: 'ok',
    fetchedAt: '2099-01-01T00:00:00Z',
    ...over,
  });

  it('shows the versions with the current one marked, the zaak with its appreciation, the documents and attachments', () => {
    const md = renderRelatedMarkdown(
      info({
        zaken: [{ nummer: '2099Z00101', onderwerp: 'Motie van het lid Smit', kabinetsappreciatie: 'Ontraden' }],
        versions: [
          { id: 'kst-99002-10', zaaknummer: '2099Z00101', date: '2099-03-01', current: false, self: true },
          { id: 'kst-99002-12', zaaknummer: '2099Z00103', date: '2099-03-08', current: true, self: false },
        ],
        reversedLinks: true,
        documents: [{ id: 'kst-99002-13', soort: 'Brief regering', date: '2099-03-03', title: 'Kabinetsappreciatie' }],
        attachments: [{ id: '2099D00105', soort: 'Bijlage' }],
        attachmentOf: [{ id: 'kst-99002-14', soort: 'Brief regering' }],
      }),
      { openCommand: 'kamerstuk.openCitedDocument' },
    );
    assert.match(md, /^\*\*Related documents\*\*/);
    assert.match(md, /Case 2099Z00101: Motie van het lid Smit · Cabinet's assessment: Ontraden/);
    assert.match(md, /- \[kst\\-99002\\-12\]\(command:kamerstuk\.openCitedDocument\?[^)]*\) · 2099\\-03\\-08 · \*\*current version\*\*/);
    assert.match(md, /kst\\-99002\\-10\]\([^)]*\) · 2099\\-03\\-01 · this document/);
    assert.match(md, /Ordered by date/);
    assert.match(md, /Other documents of the case:\n\n- \[kst\\-99002\\-13\]/);
    assert.match(md, /Attachments:\n\n- \[2099D00105\]/);
    assert.match(md, /Attachment of:\n\n- \[kst\\-99002\\-14\]\([^)]*\) · Brief regering$/);
    assertInert(md);
  });

  it('says what it is doing when nothing is known yet, and says nothing when there is nothing to say', () => {
    assert.match(renderRelatedMarkdown(undefined, { pending: true }), /Looking up related documents/);
    assert.equal(renderRelatedMarkdown(undefined), '');
    assert.equal(renderRelatedMarkdown(info({})), '');
    assert.equal(renderRelatedMarkdown(info({ status: 'not-found' })), '');
    assert.match(renderRelatedMarkdown(info({ status: 'offline' })), /not available offline/);
    assert.match(renderRelatedMarkdown(info({ status: 'error' })), /could not be looked up/);
  });

  it('cuts long lists with a count of the rest', () => {
    const documents = Array.from({ length: 12 }, (_, i) => ({ id: `kst-99002-${i + 40}` }));
    const md = renderRelatedMarkdown(info({ documents }), { maxRows: 5 });
    assert.equal((md.match(/^- \[kst/gm) ?? []).length, 5);
    assert.match(md, /… and 7 more documents/);
  });

  it('makes hostile titles and soorten from the API inert', async () => {
    const server = await startODataServer({ mode: 'hostile' });
    try {
      const related = new RelatedDocuments({ http: new ODataHttp({ baseUrl: server.url, retries: 0 }) });
      const got = await related.forDocument(motion('kst-99002-10'), signal());
      assert.ok(JSON.stringify(got).includes('onerror'), 'the fake sent no hostile text');
      const md = renderRelatedMarkdown(got, { openCommand: 'kamerstuk.openCitedDocument' });
      assert.ok(md.includes('Nieuwe soort'), md);
      assertInert(md);
      assert.ok(!md.includes('](command:workbench'), md);
      // A hostile id is never a link target and never an unescaped link.
      const forged = renderRelatedMarkdown(info({ documents: [{ id: HOSTILE_TITLE, title: HOSTILE_TITLE }] }));
      assertInert(forged);
    } finally {
      await server.close();
    }
  });
});
