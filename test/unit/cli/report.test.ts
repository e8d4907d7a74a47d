import { strict as assert } from 'node:assert';
import { readFileSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LETTER, runCli, sampleWorkspace } from '../annotations/helpers';

describe('kamerstuk report', () => {
  let dir: string;
  let cleanup: () => void;
  before(() => {
    ({ dir, cleanup } = sampleWorkspace('report'));
  });
  after(() => cleanup());

  const run = (...args: string[]) => runCli(dir, 'report', ...args);

  it('markdown by default: letter, tags with Dutch labels, quotes', async () => {
    const r = await run();
    assert.equal(r.code, 0);
    assert.match(r.out, /^# Tagged passages/);
    assert.match(r.out, /## kst-29754-716 \(letters\/kst-29754-716\.md\)/);
    assert.match(r.out, /### maatregel \(measure\): 2/);
    assert.match(r.out, /> De komende periode wordt gewerkt aan een nadere uitwerking hiervan\./);
  });

  it('csv for Dutch Excel: BOM, semicolons, CRLF, quoted fields', async () => {
    const r = await run('--format', 'csv');
    assert.ok(r.out.startsWith('\uFEFFletter;letterPath;line;id;tag;label;quote;note;'));
    assert.ok(r.out.includes('\r\n'));
    const rows = r.out
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    assert.equal(rows.length, 5);
    assert.ok(rows.some((row) => row.includes(';Toezegging: leerlijn screening uitwerken;')));
    assert.ok(rows.some((row) => row.includes(';"Alle partners concludeerden dat er in beginsel voldoende mensen, middelen,')));
  });

  it('json: one object per passage with line numbers', async () => {
    const rows = JSON.parse((await run('--format=json')).out) as { id: string; line: number; label: string }[];
    assert.equal(rows.length, 4);
    const c = rows.find((x) => x.id === 'c6d7e8f9g0')!;
    assert.equal(c.label, 'toezegging');
    assert.equal(c.line, LETTER.slice(0, 4009).split('\n').length);
  });

  it('a file that cannot be read is reported on one line; the other files are still reported', async () => {
    const gone = join(dir, 'letters/a-gone.annotations.yaml');
    symlinkSync(join(dir, 'nowhere.yaml'), gone);
    try {
      const r = await run('--format', 'json');
      assert.equal(r.code, 1);
      assert.match(r.err, /^letters\/a-gone\.annotations\.yaml:1:1: error: cannot read the file: ENOENT: [^\n]* \[report-failed\]$/m);
      assert.doesNotMatch(r.err, /^\s+at /m);
      assert.equal((JSON.parse(r.out) as unknown[]).length, 4);
    } finally {
      unlinkSync(gone);
    }
  });

  it('markdown shows author and created as text, not HTML', async () => {
    const file = join(dir, 'letters/kst-29754-716.annotations.yaml');
    const original = readFileSync(file, 'utf8');
    writeFileSync(
      file,
      original.replace('    x-reviewer: jan', '    author: "<script>alert(1)</script>"\n    created: "<img src=x onerror=alert(2)>"\n    x-reviewer: jan'),
    );
    try {
      const r = await run();
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /<sub>.*\\<script\\>alert\(1\)\\<\/script\\> · \\<img src=x onerror=alert\(2\)\\>.*<\/sub>/);
      assert.doesNotMatch(r.out, /(?<!\\)<(script|img)/);
    } finally {
      writeFileSync(file, original);
    }
  });

  it('an unknown format is a usage error', async () => {
    assert.equal((await run('--format', 'xlsx')).code, 2);
  });
});
