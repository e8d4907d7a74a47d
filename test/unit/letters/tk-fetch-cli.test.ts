// `kamerstuk import <TK document number>`: with --offline-from (a saved `<number>.json` OData Document and a
// `<number>.docx`, constructed in the test) and over HTTP against servers on 127.0.0.1 (the OData API with its
// resource, and KOOP for a kamerstuk it publishes). A KOOP import replaces a letter converted from the DOCX.
import { strict as assert } from 'node:assert';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../annotations/helpers';
import documentsFixture from '../../fixtures/odata/documents.json';
import { buildDocx, documentRow, DOCX_CONTENT_TYPE, sampleLetterParts } from './docx-fixtures';
import { KOOP_FIXTURES } from './koop-fixtures';
import { startTkServer, type TkServer } from './tk-fetch-server';

const SAMPLE = readFileSync(join(__dirname, '../../../samples/letters/kst-29754-716.md'), 'utf8');
const bodyOf = (md: string) => md.slice(md.indexOf('\n---\n') + 5);
const GUID = '5e1c2d3a-4b5c-4d6e-8f70-000000077001';
const PROXY_VARS = ['HTTPS_PROXY', 'HTTP_PROXY', 'https_proxy', 'http_proxy'];

/** The fake API's row of 2024D25640 (kst-29754-716), as if the Kamer had it as DOCX. */
const row716 = () => ({ ...(documentsFixture.value[0] as Record<string, unknown>), ContentType: DOCX_CONTENT_TYPE });

describe('kamerstuk import <TK number> --offline-from', () => {
  let dir: string;
  let saved: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kamerstuk-import-tk-'));
    saved = join(dir, 'saved');
    mkdirSync(saved);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the letter from <number>.json and <number>.docx, with the record in the team catalog', async () => {
    writeFileSync(join(saved, '2099D77001.json'), JSON.stringify({ value: [documentRow('2099D77001')] }));
    writeFileSync(join(saved, '2099D77001.docx'), await buildDocx(sampleLetterParts()));
    mkdirSync(join(dir, '.kamerstuk'));
    writeFileSync(join(dir, '.kamerstuk/catalog.yaml'), 'version: 1\ndocuments:\n  kst-29754-680:\n    title: Eerdere brief\n');
    const r = await runCli(dir, 'import', '2099d77001', '--offline-from', saved, '--out', 'letters');
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, "2099D77001: wrote letters/2099D77001.md from the Tweede Kamer's DOCX");
    const md = readFileSync(join(dir, 'letters/2099D77001.md'), 'utf8');
    assert.match(md, /^---\nkamerstuk: 2099D77001\ndocumentnummer: 2099D77001\nzaak: 2099Z77001\nsoort: Brief regering\ndatum: 2099-03-14\n/);
    assert.match(md, /^source: tweedekamer-docx\n---\n/m);
    assert.match(md, /^# 1\. Aanleiding$/m);
    const catalog = readFileSync(join(dir, '.kamerstuk/catalog.yaml'), 'utf8');
    assert.match(catalog, /\n {2}2099D77001:\n/);
    assert.match(catalog, /title: Voortgangsbrief programma weerbaarheid/);

    const again = await runCli(dir, 'import', '2099D77001', '--offline-from', saved, '--out', 'letters');
    assert.equal(again.code, 0, again.err);
    assert.equal(again.out, '2099D77001: letters/2099D77001.md is up to date');
  });

  it('a kamerstuk KOOP has not published comes from the DOCX; KOOP later replaces it without --force, tags or not', async () => {
    writeFileSync(join(saved, '2024D25640.json'), JSON.stringify(row716()));
    writeFileSync(join(saved, '2024D25640.docx'), await buildDocx(sampleLetterParts()));
    const r = await runCli(dir, 'import', '2024D25640', '--offline-from', saved);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /2024D25640: KOOP has no publication of kst-29754-716 yet/);
    assert.equal(r.out, "kst-29754-716: wrote kst-29754-716.md from the Tweede Kamer's DOCX");
    const docxLetter = readFileSync(join(dir, 'kst-29754-716.md'), 'utf8');
    assert.match(docxLetter, /^kamerstuk: kst-29754-716\ndocumentnummer: 2024D25640\nzaak: 2024Z10806\n/m);
    assert.match(docxLetter, /^source: tweedekamer-docx$/m);
    writeFileSync(join(dir, 'kst-29754-716.annotations.yaml'), 'version: 1\ndocument:\n  id: kst-29754-716\nannotations: []\n');

    const notYet = await runCli(dir, 'import', '--check', '--offline-from', saved);
    assert.equal(notYet.code, 0, notYet.err);
    assert.match(notYet.out, /kst-29754-716: KOOP does not publish it yet/);

    for (const f of ['kst-29754-716.xml', 'kst-29754-716.metadata.xml']) copyFileSync(join(KOOP_FIXTURES, f), join(saved, f));
    const published = await runCli(dir, 'import', '--check', '--offline-from', saved);
    assert.equal(published.code, 1);
    assert.match(published.out, /kst-29754-716: KOOP now publishes it; kst-29754-716\.md was converted from the Tweede Kamer's DOCX/);

    const koop = await runCli(dir, 'import', 'kst-29754-716', '--offline-from', saved);
    assert.equal(koop.code, 0, koop.err);
    assert.equal(
      koop.out,
      "kst-29754-716: replaced kst-29754-716.md (it was converted from the Tweede Kamer's DOCX; this is KOOP's publication) (it has tags: check them with kamerstuk anchor)",
    );
    const koopLetter = readFileSync(join(dir, 'kst-29754-716.md'), 'utf8');
    assert.equal(bodyOf(koopLetter), bodyOf(SAMPLE));
    assert.match(koopLetter, /^source: https:\/\/zoek\.officielebekendmakingen\.nl\/kst-29754-716\.html$/m);

    // A DOCX never replaces KOOP's letter without --force.
    for (const f of ['kst-29754-716.xml', 'kst-29754-716.metadata.xml']) unlinkSync(join(saved, f));
    const refused = await runCli(dir, 'import', '2024D25640', '--offline-from', saved);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /kst-29754-716\.md was not converted from the Tweede Kamer's DOCX .*nothing was written\. Run again with --force/);
    assert.equal(readFileSync(join(dir, 'kst-29754-716.md'), 'utf8'), koopLetter);
  });

  it('a broken .docx, a web page saved as .docx and a missing Document are refused, nothing written', async () => {
    const whole = await buildDocx(sampleLetterParts());
    writeFileSync(join(saved, '2099D77001.json'), JSON.stringify(documentRow('2099D77001')));
    writeFileSync(join(saved, '2099D77001.docx'), whole.slice(0, 200));
    writeFileSync(join(saved, '2099D77002.json'), JSON.stringify(documentRow('2099D77002')));
    writeFileSync(join(saved, '2099D77002.docx'), '<!DOCTYPE html><html><body>Inloggen</body></html>');
    writeFileSync(join(saved, '2099D77003.json'), '{"value": [');
    const r = await runCli(dir, 'import', '2099D77001', '2099D77002', '2099D77003', '2099D77004', '--offline-from', saved);
    assert.equal(r.code, 1);
    assert.equal(r.out, '');
    assert.match(r.err, /2099D77001: the DOCX could not be read \(a damaged or incomplete file\?\)/);
    assert.match(r.err, /2099D77002: the file of 2099D77002 is a web page, not a DOCX or PDF/);
    assert.match(r.err, /2099D77003: .*2099D77003\.json is not JSON/);
    assert.match(r.err, /2099D77004: .*2099D77004\.json does not exist/);
    for (const n of ['2099D77001', '2099D77002', '2099D77003', '2099D77004']) assert.ok(!existsSync(join(dir, `${n}.md`)));
  });
});

describe('kamerstuk import <TK number> over HTTP (servers on 127.0.0.1)', () => {
  let api: TkServer;
  let koop: Server;
  let koopUrl: string;
  let dir: string;
  let docx: Uint8Array;
  const env: Record<string, string | undefined> = {};

  before(async () => {
    for (const v of PROXY_VARS) {
      env[v] = process.env[v];
      delete process.env[v];
    }
    docx = await buildDocx(sampleLetterParts());
    koop = createServer((req, res) => {
      const file = { '/kst-29754-716.xml': 'kst-29754-716.xml', '/kst-29754-716/metadata.xml': 'kst-29754-716.metadata.xml' }[req.url ?? ''];
      if (file) res.writeHead(200, { 'content-type': 'application/xml' }).end(readFileSync(join(KOOP_FIXTURES, file)));
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => koop.listen(0, '127.0.0.1', r));
    koopUrl = `http://127.0.0.1:${(koop.address() as AddressInfo).port}/`;
  });
  after(async () => {
    await new Promise((r) => koop.close(r));
    for (const v of PROXY_VARS) if (env[v] !== undefined) process.env[v] = env[v];
  });
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kamerstuk-import-tk-http-'));
    api = await startTkServer([documentRow('2099D77001', { Id: GUID })]);
  });
  afterEach(async () => {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fetches the Document and its DOCX resource and writes the letter', async () => {
    api.resources.set(GUID, { kind: 'file', contentType: DOCX_CONTENT_TYPE, body: docx });
    const r = await runCli(dir, 'import', '2099D77001', '--api', api.apiUrl, '--koop', koopUrl);
    assert.equal(r.code, 0, r.err);
    const md = readFileSync(join(dir, '2099D77001.md'), 'utf8');
    assert.match(md, /^source: tweedekamer-docx$/m);
    assert.match(md, /^\[\^1\]: Kamerstukken II 2022\/23, 29 754, nr\. 680\.$/m);
    assert.ok(api.requests.some((u) => u.endsWith(`Document(${GUID})/resource`)));
  });

  it('a numbered kamerstuk is taken from KOOP, with the document number the API gave', async () => {
    api.rows = [{ ...row716(), DocumentNummer: '2099D77009', Zaak: [{ Id: 'z', Nummer: '2099Z77009', Verwijderd: false }] }];
    const r = await runCli(dir, 'import', '2099D77009', '--api', api.apiUrl, '--koop', koopUrl);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, 'kst-29754-716: wrote kst-29754-716.md');
    const md = readFileSync(join(dir, 'kst-29754-716.md'), 'utf8');
    assert.match(md, /^kamerstuk: kst-29754-716\ndocumentnummer: 2099D77009\nzaak: 2099Z77009\n/m);
    assert.equal(bodyOf(md), bodyOf(SAMPLE));
    assert.ok(!api.requests.some((u) => u.includes('/resource')), 'the DOCX is not fetched when KOOP has the kamerstuk');
  });

  it('a web page as resource, an oversized resource and a PDF are refused with exit 1 and nothing written', async () => {
    const rows = ['2099D77001', '2099D77002', '2099D77003'].map((n, i) => documentRow(n, { Id: GUID.replace(/1$/, String(i + 1)) }));
    api.rows = rows;
    api.resources.set(String(rows[0].Id), { kind: 'file', contentType: 'text/html', body: '<html><body>Er is een fout opgetreden</body></html>' });
    api.resources.set(String(rows[1].Id), { kind: 'declared-huge', bytes: 50 * 1024 * 1024 });
    api.resources.set(String(rows[2].Id), { kind: 'file', contentType: 'application/pdf', body: '%PDF-1.4\n' });
    const r = await runCli(dir, 'import', '2099D77001', '2099D77002', '2099D77003', '--api', api.apiUrl, '--koop', koopUrl);
    assert.equal(r.code, 1);
    assert.match(r.err, /2099D77001: the file of 2099D77001 is a web page, not a DOCX or PDF/);
    assert.match(r.err, /2099D77002: the answer is larger than the limit of \d+ bytes; it was not read/);
    assert.match(r.err, /2099D77003: the Tweede Kamer has 2099D77003 as a PDF only; PDF files are not imported/);
    for (const n of ['2099D77001', '2099D77002', '2099D77003']) assert.ok(!existsSync(join(dir, `${n}.md`)));
  });
});
