// `kamerstuk import`: saved publication files (--offline-from) and a real HTTP server on 127.0.0.1 (--koop).
import { strict as assert } from 'node:assert';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keptVersionPath, letterHash } from '../../../src/core/annotations';
import { runCli, sampleWorkspace } from '../annotations/helpers';
import { KOOP_FIXTURES } from '../letters/koop-fixtures';

const SAMPLE = readFileSync(join(__dirname, '../../../samples/letters/kst-29754-716.md'), 'utf8');
const bodyOf = (md: string) => md.slice(md.indexOf('\n---\n') + 5);

/** A folder of saved publications: copies of the KOOP fixtures, to edit freely. */
function savedPublications(parent: string): string {
  const dir = join(parent, 'saved');
  mkdirSync(dir);
  for (const f of ['kst-29754-716.xml', 'kst-29754-716.metadata.xml', 'kst-36410-XIII-80.xml', 'kst-29754-716.truncated.xml'])
    copyFileSync(join(KOOP_FIXTURES, f), join(dir, f));
  return dir;
}

describe('kamerstuk import', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kamerstuk-import-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('--offline-from writes the letter, with the TK numbers the bundled catalog knows, and adds the record to the team catalog', async () => {
    const saved = savedPublications(dir);
    mkdirSync(join(dir, '.kamerstuk'));
    writeFileSync(join(dir, '.kamerstuk/catalog.yaml'), '# team catalog\nversion: 1\ndocuments:\n  kst-29754-680:\n    title: Eerdere brief\n');
    const r = await runCli(dir, 'import', 'kst-29754-716', '--offline-from', saved, '--out', 'letters');
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, 'kst-29754-716: wrote letters/kst-29754-716.md');
    const md = readFileSync(join(dir, 'letters/kst-29754-716.md'), 'utf8');
    assert.equal(bodyOf(md), bodyOf(SAMPLE));
    assert.match(md, /^---\nkamerstuk: kst-29754-716\ndocumentnummer: 2024D25640\nzaak: 2024Z10806\nsoort: Brief regering\n/);
    const catalog = readFileSync(join(dir, '.kamerstuk/catalog.yaml'), 'utf8');
    assert.match(catalog, /^# team catalog\n/);
    assert.match(catalog, /\n {2}kst-29754-680:\n {4}title: Eerdere brief\n {2}kst-29754-716:\n/);
    assert.match(catalog, /\n {4}aliases:\n {6}- 2024D25640\n/);
    assert.match(catalog, /title: Stand van zaken bestrijding misbruik asiel- en migratiestromen door terroristen/);

    const again = await runCli(dir, 'import', 'kst-29754-716', '--offline-from', saved, '--out', 'letters');
    assert.equal(again.code, 0);
    assert.equal(again.out, 'kst-29754-716: letters/kst-29754-716.md is up to date');
  });

  it('a team catalog that is not UTF-8 is left untouched, with a warning; the letter is still imported', async () => {
    const saved = savedPublications(dir);
    mkdirSync(join(dir, '.kamerstuk'));
    const latin1 = Buffer.from('# team catalogus\nversion: 1\ndocuments:\n  kst-29754-680:\n    title: Eerdere brief over caf\xe9s\n', 'latin1');
    writeFileSync(join(dir, '.kamerstuk/catalog.yaml'), latin1);
    const r = await runCli(dir, 'import', 'kst-29754-716', '--offline-from', saved, '--out', 'letters');
    assert.equal(r.code, 0, r.err);
    assert.ok(existsSync(join(dir, 'letters/kst-29754-716.md')));
    assert.match(r.err, /\.kamerstuk\/catalog\.yaml was not changed: it is not UTF-8 text/);
    assert.deepEqual(readFileSync(join(dir, '.kamerstuk/catalog.yaml')), latin1);
  });

  it('takes citations and TK numbers the catalog knows; reports unknown ones and missing files with exit 1', async () => {
    const saved = savedPublications(dir);
    const r = await runCli(dir, 'import', 'Kamerstuk 29 754, nr. 716', '2024D25640', '2025D30539', 'kst-29754-1', '--offline-from', saved);
    assert.equal(r.code, 1);
    assert.deepEqual(r.out.split('\n'), ['kst-29754-716: wrote kst-29754-716.md', 'kst-29754-716: kst-29754-716.md is up to date']);
    assert.match(r.err, /2025D30539: .*2025D30539\.json does not exist \(the saved OData Document of 2025D30539\)/);
    assert.match(r.err, /kst-29754-1: .*kst-29754-1\.xml does not exist/);
  });

  it('a letter without metadata.xml is still imported, with a warning; a truncated file is refused and nothing is written', async () => {
    const saved = savedPublications(dir);
    const ok = await runCli(dir, 'import', 'kst-36410-XIII-80', '--offline-from', saved);
    assert.equal(ok.code, 0);
    assert.match(ok.err, /kst-36410-XIII-80: warning: no metadata\.xml was read/);
    assert.match(ok.err, /warning: unknown element <onbekend-element>: its text is kept/);
    copyFileSync(join(saved, 'kst-29754-716.truncated.xml'), join(saved, 'kst-29754-716.xml'));
    const broken = await runCli(dir, 'import', 'kst-29754-716', '--offline-from', saved);
    assert.equal(broken.code, 1);
    assert.match(broken.err, /kst-29754-716: the publication is not well-formed XML \(line 8/);
    assert.ok(!existsSync(join(dir, 'kst-29754-716.md')));
  });

  it('a letter that differs and has tags is replaced only with --force', async () => {
    const ws = sampleWorkspace('import');
    try {
      const saved = savedPublications(ws.dir);
      const before = readFileSync(join(ws.dir, 'letters/kst-29754-716.md'), 'utf8');
      const refused = await runCli(ws.dir, 'import', 'kst-29754-716', '--offline-from', saved, '--out', 'letters');
      assert.equal(refused.code, 1);
      assert.match(refused.err, /differs from the publication and has tags; nothing was written\. Run again with --force/);
      assert.equal(readFileSync(join(ws.dir, 'letters/kst-29754-716.md'), 'utf8'), before);
      const forced = await runCli(ws.dir, 'import', 'kst-29754-716', '--offline-from', saved, '--out', 'letters', '--force');
      assert.equal(forced.code, 0, forced.err);
      assert.match(forced.out, /replaced letters\/kst-29754-716\.md \(it has tags: check them with kamerstuk anchor\)/);
      // The replaced text is kept where anchoring through history finds it (by the annotation file's document.hash).
      const kept = join(ws.dir, 'letters', keptVersionPath('kst-29754-716.md', letterHash(before)));
      assert.ok(existsSync(kept), 'the replaced text was not kept under letters/.versions');
      assert.equal(readFileSync(kept, 'utf8'), before);
    } finally {
      ws.cleanup();
    }
  });

  it('--check: 0 while every imported letter is its publication, 1 when one differs', async () => {
    const saved = savedPublications(dir);
    assert.equal((await runCli(dir, 'import', 'kst-29754-716', '--offline-from', saved, '--out', 'letters')).code, 0);
    writeFileSync(join(dir, 'letters/notitie.md'), '# Notitie\n'); // not a letter: not checked
    const same = await runCli(dir, 'import', '--check', '--offline-from', saved, '--out', 'letters');
    assert.equal(same.code, 0, same.err);
    assert.equal(same.out, 'kst-29754-716: letters/kst-29754-716.md is the same as the publication');
    const xml = join(saved, 'kst-29754-716.xml');
    writeFileSync(xml, readFileSync(xml, 'utf8').replace('zorgvuldig te behandelen', 'zorgvuldig en snel te behandelen'));
    const changed = await runCli(dir, 'import', '--check', '--offline-from', saved, '--out', 'letters');
    assert.equal(changed.code, 1);
    assert.equal(changed.out, 'kst-29754-716: the publication differs from letters/kst-29754-716.md; import it again to see the change');
    assert.doesNotMatch(readFileSync(join(dir, 'letters/kst-29754-716.md'), 'utf8'), /zorgvuldig en snel/);
  });

  it('refuses wrong usage with exit 2', async () => {
    assert.equal((await runCli(dir, 'import')).code, 2);
    assert.match((await runCli(dir, 'import', 'kst-1-2', '--bogus')).err, /unknown option '--bogus'\nusage: kamerstuk import/);
    assert.equal((await runCli(dir, 'import', '--check', '--force')).code, 2);
    assert.equal((await runCli(dir, 'import', 'kst-1-2', '--koop', 'ftp://x')).code, 2);
    // Plain http only to this machine, as in the editor: a letter from another host could be altered on the way.
    const plain = await runCli(dir, 'import', 'kst-1-2', '--koop', 'http://zoek.officielebekendmakingen.nl/');
    assert.equal(plain.code, 2);
    assert.match(plain.err, /--koop must be an https URL/);
    assert.equal((await runCli(dir, 'import', '2024D25640', '--api', 'http://example.org/odata/')).code, 2);
    const help = await runCli(dir, 'import', '--help');
    assert.equal(help.code, 0);
    assert.match(help.out, /--offline-from DIR/);
  });
});

describe('kamerstuk import over HTTP (a server on 127.0.0.1)', () => {
  let server: Server;
  let base: string;
  let dir: string;
  const saved: Record<string, string | undefined> = {};
  const PROXY_VARS = ['HTTPS_PROXY', 'HTTP_PROXY', 'https_proxy', 'http_proxy'];

  before(async () => {
    for (const v of PROXY_VARS) {
      saved[v] = process.env[v];
      delete process.env[v];
    }
    server = createServer((req, res) => {
      const url = req.url ?? '';
      if (url === '/kst-29754-716.xml') res.writeHead(200, { 'content-type': 'application/xml' }).end(readFileSync(join(KOOP_FIXTURES, 'kst-29754-716.xml')));
      else if (url === '/kst-29754-716/metadata.xml')
        res.writeHead(200, { 'content-type': 'application/xml' }).end(readFileSync(join(KOOP_FIXTURES, 'kst-29754-716.metadata.xml')));
      else if (url === '/kst-29754-1.xml') res.writeHead(200, { 'content-type': 'text/html' }).end(readFileSync(join(KOOP_FIXTURES, 'error-page.html')));
      else if (url === '/kst-29754-2.xml') res.writeHead(302, { location: 'https://elders.example/kst-29754-2.xml' }).end();
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  after(async () => {
    await new Promise((r) => server.close(r));
    for (const v of PROXY_VARS) if (saved[v] !== undefined) process.env[v] = saved[v];
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kamerstuk-import-http-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('fetches the XML and metadata.xml and writes the letter', async () => {
    const r = await runCli(dir, 'import', 'kst-29754-716', '--koop', base);
    assert.equal(r.code, 0, r.err);
    assert.equal(bodyOf(readFileSync(join(dir, 'kst-29754-716.md'), 'utf8')), bodyOf(SAMPLE));
  });

  it('an error page with status 200 and a redirect to another host are refused, with exit 1 and nothing written', async () => {
    const r = await runCli(dir, 'import', 'kst-29754-1', 'kst-29754-2', 'kst-29754-3', '--koop', base);
    assert.equal(r.code, 1);
    assert.match(r.err, /kst-29754-1: .*kst-29754-1\.xml answered with a web page, not the publication's XML/);
    assert.match(r.err, /kst-29754-2: the request was redirected to another host \(https:\/\/elders\.example\); the redirect was refused/);
    assert.match(r.err, /kst-29754-3: .*kst-29754-3\.xml does not exist \(HTTP 404\)/);
    assert.ok(!existsSync(join(dir, 'kst-29754-1.md')) && !existsSync(join(dir, 'kst-29754-2.md')));
  });
});
