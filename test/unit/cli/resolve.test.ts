// `kamerstuk resolve`, run in-process (and, for the shared cache file, as child processes) against the local
// OData server, with a temporary workspace and cache.
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONCURRENT_LOOKUPS } from '../../../src/cli/commands/resolve';
import { main } from '../../../src/cli/main';
import type { CliIo } from '../../../src/cli/io';
import { JsonFileStorage } from '../../../src/cli/node-storage';
import { startODataServer, type ODataServer } from '../../support/odata-server';
import { settlesWithin, trapUnhandledRejections } from '../metadata/support';

const REPO = resolve(__dirname, '../../..');

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

  it('accepts every notation refs recognises, and a citation of several documents gives a row each', async () => {
    const inputs = ['Kamerstuk 29 754, nr. 683', 'de motie-Van Haga (29754, nr. 683)', 'Kamerstukken II 2023/24, 29 754, nrs. 683 en 716', '29754 683'];
    const r = await run(['--json', '--offline', ...inputs]);
    assert.equal(r.code, 0, r.stderr);
    const records = JSON.parse(r.stdout) as { input: string; id: string }[];
    assert.deepEqual(
      records.map((x) => [x.input, x.id]),
      [
        [inputs[0], 'kst-29754-683'],
        [inputs[1], 'kst-29754-683'],
        [inputs[2], 'kst-29754-683'],
        [inputs[2], 'kst-29754-716'],
        [inputs[3], 'kst-29754-683'],
      ],
    );
    const bad = await run(['--offline', 'geen verwijzing']);
    assert.equal(bad.code, 1);
    assert.match(bad.stdout, /geen verwijzing: not found — input: not a citation or canonical id/);
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

  const cacheEntries = (): Record<string, string> => {
    const file = join(dir, 'cache', 'kamerstuk-annotator', 'metadata-cache.json');
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
  };

  it(`looks up many ids ${CONCURRENT_LOOKUPS} at a time, not all at once`, async () => {
    await server.close();
    server = await startODataServer({ delayMs: 40 });
    const ids = Array.from({ length: 40 }, (_, i) => `kst-29754-${9000 + i}`);
    const r = await run([...ids, '--api', server.url, '--json']);
    assert.equal(r.code, 1);
    assert.deepEqual(
      JSON.parse(r.stdout).map((x: { id: string; metadata: unknown; errors: unknown[] }) => [x.id, x.metadata, x.errors]),
      ids.map((id) => [id, null, []]),
    );
    assert.equal(server.requests.length, 40);
    assert.ok(server.maxInFlight >= 2 && server.maxInFlight <= 8, `${server.maxInFlight} requests in flight`);
    assert.doesNotMatch(r.stderr, /unreachable/);
  });

  it('waits as long as Retry-After asks when the API answers 429, and then finds the document', async () => {
    await server.close();
    server = await startODataServer({ mode: 'rate-limited', retryAfter: '1' });
    const r = await run(['kst-29754-716', '--api', server.url, '--json']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout)[0].metadata.source, 'tweedekamer');
    const [limited, retried] = server.requests;
    assert.ok(retried.at - limited.at >= 950, `retried after ${retried.at - limited.at} ms`);
    assert.doesNotMatch(r.stderr, /unreachable/);
  });

  it('refuses a redirect to another origin, says so, and caches nothing', async () => {
    const foreign = await startODataServer({ mode: 'hostile' });
    try {
      await server.close();
      server = await startODataServer({ mode: 'redirect-foreign', redirectTo: foreign.url });
      const r = await run(['kst-99002-3', 'kst-29754-716', '--api', server.url]);
      assert.equal(r.code, 1);
      const refused = `tweedekamer: the Tweede Kamer API redirected to another origin (${new URL(foreign.url).origin}); the redirect was refused`;
      assert.ok(r.stdout.includes(`kst-99002-3: not found — ${refused}`), r.stdout);
      assert.match(r.stdout, /source +bundled/);
      assert.ok(r.stdout.includes(`warning      ${refused}`), r.stdout);
      assert.equal(foreign.requests.length, 0);
      assert.deepEqual(cacheEntries(), {});
    } finally {
      await foreign.close();
    }
  });

  it('takes an empty placeholder entity for no document: not found, not cached', async () => {
    server.setMode('placeholder');
    const r = await run(['kst-99002-3', '--api', server.url, '--json']);
    assert.equal(r.code, 1);
    assert.equal(JSON.parse(r.stdout)[0].metadata, null);
    assert.deepEqual(cacheEntries(), {});
  });

  it('keeps the cache entries of two runs that write the cache file at the same time', async function () {
    this.timeout(60_000);
    await server.close();
    server = await startODataServer({ delayMs: 2000 }); // both runs have read the (empty) cache before either writes
    const cli = (id: string) =>
      new Promise<string>((done, fail) => {
        const args = [
          '--import',
          pathToFileURL(join(REPO, 'node_modules/tsx/dist/loader.mjs')).href,
          join(REPO, 'src/cli/main.ts'),
          'resolve',
          id,
          '--api',
          server.url,
        ];
        const env = { ...process.env, XDG_CACHE_HOME: join(dir, 'cache') };
        execFile(process.execPath, args, { cwd: join(dir, 'ws'), env, timeout: 30_000 }, (error, stdout, stderr) =>
          error ? fail(new Error(`${error.message}\n${stderr}`)) : done(stdout),
        );
      });
    const [a, b] = await Promise.all([cli('kst-29754-716'), cli('kst-99002-3')]);
    assert.match(a, /^kst-29754-716 /);
    assert.match(b, /^kst-99002-3 /);
    const keys = Object.keys(cacheEntries());
    for (const id of ['kst-29754-716', '2024D25640', 'kst-99002-3']) assert.ok(keys.includes(`kamerstuk.metadata/${id}`), `${id} in ${keys.join(', ')}`);
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

describe('cli: the cache file shared by concurrent runs', () => {
  let dir: string;
  let file: string;
  const entry = (title: string, fetchedAt: string) => JSON.stringify({ v: 1, fetchedAt, origin: 'tweedekamer', record: { title } });
  const onDisk = () => JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kamerstuk-cache-'));
    file = join(dir, 'kamerstuk-annotator', 'metadata-cache.json');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the keys of two storages that write different keys at the same time', async () => {
    const one = new JsonFileStorage(file);
    const two = new JsonFileStorage(file);
    await one.get('x'); // both have read the file before either writes
    await two.get('x');
    await one.set('a', entry('A', '2026-01-01T00:00:00Z'));
    await two.set('b', entry('B', '2026-01-01T00:00:00Z'));
    await Promise.all([one.flush(), two.flush()]);
    assert.deepEqual(Object.keys(onDisk()).sort(), ['a', 'b']);
    assert.deepEqual((await new JsonFileStorage(file).keys()).sort(), ['a', 'b']);
  });

  it('keeps the newer of two writes of one key, and a deletion removes only what this run had read', async () => {
    const first = new JsonFileStorage(file);
    await first.set('gone', entry('old', '2026-01-01T00:00:00Z'));
    await first.set('rewritten', entry('old', '2026-01-01T00:00:00Z'));
    await first.flush();
    const early = new JsonFileStorage(file);
    const late = new JsonFileStorage(file);
    await early.get('x');
    await late.get('x');
    await late.set('k', entry('newer', '2026-02-01T00:00:00Z'));
    await late.set('rewritten', entry('new', '2026-02-01T00:00:00Z'));
    await late.flush();
    await early.set('k', entry('older', '2026-01-15T00:00:00Z'));
    await early.delete('gone');
    await early.delete('rewritten');
    await early.flush();
    const disk = onDisk();
    assert.equal(JSON.parse(disk.k).record.title, 'newer');
    assert.equal(JSON.parse(disk.rewritten).record.title, 'new');
    assert.equal(disk.gone, undefined);
  });

  it('writes nothing when nothing changed, and leaves no temporary or lock files', async () => {
    const s = new JsonFileStorage(file);
    await s.get('x');
    await s.flush();
    assert.equal(existsSync(file), false);
    await s.set('a', entry('A', '2026-01-01T00:00:00Z'));
    await s.flush();
    assert.deepEqual(readdirSync(join(dir, 'kamerstuk-annotator')), ['metadata-cache.json']);
  });

  it('takes over the lock of a run that died', async () => {
    mkdirSync(join(dir, 'kamerstuk-annotator'), { recursive: true });
    writeFileSync(`${file}.lock`, '');
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${file}.lock`, old, old);
    const s = new JsonFileStorage(file);
    await s.set('a', entry('A', '2026-01-01T00:00:00Z'));
    await settlesWithin(s.flush(), 2000);
    assert.deepEqual(Object.keys(onDisk()), ['a']);
  });
});
