// `kamerstuk resolve`, run in-process against the local OData server, with a temporary workspace and cache.
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';
import type { CliIo } from '../../../src/cli/io';
import { startODataServer, type ODataServer } from '../../support/odata-server';
import { trapUnhandledRejections } from '../metadata/support';

function capture(cwd: string): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out: (t: string) => void (io.stdout += t.endsWith('\n') ? t : t + '\n'),
    err: (t: string) => void (io.stderr += t.endsWith('\n') ? t : t + '\n'),
    readFile: (p: string) => Promise.resolve(readFileSync(p, 'utf8')),
    cwd: () => cwd,
  };
  return io;
}

describe('cli: kamerstuk resolve', () => {
  trapUnhandledRejections();
  let server: ODataServer;
  let dir: string;
  let savedXdg: string | undefined;

  beforeEach(async () => {
    server = await startODataServer();
    dir = mkdtempSync(join(tmpdir(), 'kamerstuk-resolve-'));
    savedXdg = process.env.XDG_CACHE_HOME;
    process.env.XDG_CACHE_HOME = join(dir, 'cache');
    mkdirSync(join(dir, 'ws', 'notes', 'deep'), { recursive: true });
  });
  afterEach(async () => {
    if (savedXdg === undefined) delete process.env.XDG_CACHE_HOME;
    else process.env.XDG_CACHE_HOME = savedXdg;
    rmSync(dir, { recursive: true, force: true });
    await server.close();
  });

  const run = async (args: string[], cwd = join(dir, 'ws', 'notes', 'deep')) => {
    const io = capture(cwd);
    const code = await main(['resolve', ...args], io);
    return { code, ...io };
  };

  it('prints readable metadata from the API and writes the cache file', async () => {
    const r = await run(['kst-29754-716', '--api', server.url]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^kst-29754-716 {2}Stand van zaken bestrijding misbruik asiel- en migratiestromen door terroristen$/m);
    assert.match(r.stdout, /dossier +29754 Terrorismebestrijding · nr\. 716/);
    assert.match(r.stdout, /signed by +D\. Yeşilgöz-Zegerius \(minister van Justitie en Veiligheid\)/);
    assert.match(r.stdout, /source +tweedekamer/);
    const cacheFile = join(dir, 'cache', 'kamerstuk-annotator', 'metadata-cache.json');
    assert.ok(existsSync(cacheFile));
    const again = await run(['2024D25640', '--api', server.url, '--json']);
    const [rec] = JSON.parse(again.stdout);
    assert.equal(rec.metadata.source, 'cache');
  });

  it('prints JSON records with motion votes, and accepts citations and loose numbers', async () => {
    const r = await run(['--json', '--api', server.url, 'Kamerstukken II 2098–2099, 99 001 VI, nr. 12', '99001-VI-13']);
    assert.equal(r.code, 0, r.stderr);
    const records = JSON.parse(r.stdout);
    assert.deepEqual(
      records.map((x: { id: string }) => x.id),
      ['kst-99001-VI-12', 'kst-99001-VI-13'],
    );
    assert.deepEqual(records[0].metadata.motion.stemming.totals, { voor: 102, tegen: 41, nietDeelgenomen: 7 });
    assert.equal(records[1].metadata.motion.stemming.hoofdelijk, true);
  });

  it('reads the team catalog from a parent folder first, and reports its problems with positions', async () => {
    mkdirSync(join(dir, 'ws', '.kamerstuk'));
    writeFileSync(join(dir, 'ws', '.kamerstuk', 'catalog.yaml'), 'documents:\n  kst-29754-716:\n    title: Uit de catalogus\n    date: [1]\n');
    const r = await run(['kst-29754-716', '--api', server.url]);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /Uit de catalogus/);
    assert.match(r.stderr, /catalog\.yaml:4:11: warning: kst-29754-716: 'date' should be text/);
    assert.equal(server.requests.length, 0);
  });

  it('works offline from the bundled catalog and makes no request', async () => {
    const r = await run(['kst-29754-683', '--offline', '--api', server.url, '--json']);
    assert.equal(r.code, 0);
    const [rec] = JSON.parse(r.stdout);
    assert.equal(rec.metadata.source, 'bundled');
    assert.deepEqual(rec.metadata.motion.outcome, { result: 'aangenomen', date: '2023-07-06' });
    assert.equal(server.requests.length, 0);
  });

  it('falls back and says so once when the API fails', async () => {
    server.setMode('error500');
    const r = await run(['kst-29754-716', 'kst-29754-680', '--api', server.url]);
    assert.equal(r.code, 0);
    assert.equal(r.stderr.match(/unreachable/g)?.length, 1, r.stderr);
    assert.match(r.stdout, /source +bundled/);
  });

  it('exits 1 for unknown documents and 2 for wrong usage', async () => {
    const r = await run(['kst-29754-9999', 'nonsense', '--offline']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /kst-29754-9999: not found/);
    assert.match(r.stdout, /nonsense: not found — input: not a citation or canonical id/);
    assert.equal((await run([])).code, 2);
    assert.equal((await run(['kst-29754-716', '--api', 'file:///etc/passwd'])).code, 2);
    assert.equal((await run(['kst-29754-716', '--bogus'])).code, 2);
    assert.equal((await run(['--help'])).code, 0);
  });
});
