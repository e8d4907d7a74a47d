// `kamerstuk refs`: in-process through main(), and once as a real child process of the built CLI.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';
import type { CliIo } from '../../../src/cli/io';

const LETTER = readFileSync('test/fixtures/corpus/kst-29754-716.md', 'utf8');
const NOTE = readFileSync('test/fixtures/citations/note.md', 'utf8');

function io(cwd: string): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), readFile: (p) => fs.readFile(p, 'utf8'), cwd: () => cwd };
}

interface Row {
  file: string;
  line: number;
  column: number;
  start: number;
  end: number;
  text: string;
  kind: string;
  id: string | null;
}

describe('kamerstuk refs', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'kamerstuk-refs-'));
    mkdirSync(join(dir, 'notes', 'sub'), { recursive: true });
    mkdirSync(join(dir, 'node_modules', 'x'), { recursive: true });
    mkdirSync(join(dir, '.hidden'), { recursive: true });
    writeFileSync(join(dir, 'kst-29754-716.md'), LETTER);
    writeFileSync(join(dir, 'notes', 'note.md'), NOTE);
    writeFileSync(join(dir, 'notes', 'sub', 'short.md'), 'Eerste regel.\n\n  Zie (35300-A, nr. 15) en 😀 kst-33802-C.\n');
    writeFileSync(join(dir, 'notes', 'ignored.txt'), 'kst-29754-1');
    writeFileSync(join(dir, 'node_modules', 'x', 'readme.md'), 'kst-29754-2');
    writeFileSync(join(dir, '.hidden', 'h.md'), 'kst-29754-3');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('--json: one row per referenced document with 1-based line/column and exact UTF-16 offsets', async () => {
    const cap = io(dir);
    assert.equal(await main(['refs', 'notes/sub/short.md', '--json'], cap), 0);
    const rows = JSON.parse(cap.stdout.join('\n')) as Row[];
    assert.deepEqual(
      rows.map((r) => [r.file, r.line, r.column, r.start, r.end, r.text, r.kind, r.id]),
      [
        ['notes/sub/short.md', 3, 8, 22, 37, '35300-A, nr. 15', 'kamerstuk', 'kst-35300-A-15'],
        ['notes/sub/short.md', 3, 31, 45, 56, 'kst-33802-C', 'kamerstuk', 'kst-33802-C'], // 😀 is two UTF-16 units
      ],
    );
    for (const r of rows) assert.deepEqual(Object.keys(r).slice(0, 8), ['file', 'line', 'column', 'start', 'end', 'text', 'kind', 'id']);
  });

  it('directories are walked for *.md, skipping node_modules and dot-folders', async () => {
    const cap = io(dir);
    assert.equal(await main(['refs', '.', '--json'], cap), 0);
    const rows = JSON.parse(cap.stdout.join('\n')) as Row[];
    assert.deepEqual([...new Set(rows.map((r) => r.file))], ['kst-29754-716.md', 'notes/note.md', 'notes/sub/short.md']);
    const vanHaga = rows.find((r) => r.file === 'kst-29754-716.md' && r.kind === 'motie' && r.id)!;
    assert.equal(vanHaga.id, 'kst-29754-683');
    for (const r of rows) {
      const text = readFileSync(join(dir, r.file), 'utf8');
      assert.equal(text.slice(r.start, r.end), r.text);
      const lineStart = r.start - (r.column - 1);
      assert.equal(text.slice(0, lineStart).split('\n').length, r.line);
    }
  });

  it('without --json: an aligned table', async () => {
    const cap = io(dir);
    assert.equal(await main(['refs', 'notes/sub/short.md'], cap), 0);
    const lines = cap.stdout.join('\n').split('\n');
    assert.match(lines[0], /^LOCATION\s+KIND\s+ID\s+TEXT$/);
    assert.match(lines[1], /^notes\/sub\/short\.md:3:8\s+kamerstuk\s+kst-35300-A-15\s+35300-A, nr\. 15$/);
    assert.equal(lines[1].indexOf('kamerstuk'), lines[2].indexOf('kamerstuk'));
    assert.match(lines[lines.length - 1], /2 references in 1 file$/);
  });

  it('usage errors exit 2', async () => {
    let cap = io(dir);
    assert.equal(await main(['refs'], cap), 2);
    cap = io(dir);
    assert.equal(await main(['refs', 'missing.md'], cap), 2);
    assert.match(cap.stderr.join('\n'), /no such file or directory: missing\.md/);
    cap = io(dir);
    assert.equal(await main(['refs', '.', '--bogus'], cap), 2);
    cap = io(dir);
    assert.equal(await main(['refs', '--help'], cap), 0);
    assert.match(cap.stdout.join('\n'), /Usage: kamerstuk refs/);
  });

  it('the built CLI as a child process (skipped when dist/cli.js is not built)', function () {
    const cli = join(process.cwd(), 'dist', 'cli.js');
    if (!existsSync(cli)) this.skip();
    const help = execFileSync(process.execPath, [cli, '--help'], { encoding: 'utf8' });
    if (!/kamerstuk refs/.test(help)) this.skip(); // built before this command existed: run `node scripts/build.mjs`
    const out = execFileSync(process.execPath, [cli, 'refs', 'notes/sub/short.md', '--json'], { cwd: dir, encoding: 'utf8' });
    const rows = JSON.parse(out) as Row[];
    assert.deepEqual(
      rows.map((r) => r.id),
      ['kst-35300-A-15', 'kst-33802-C'],
    );
  });
});
