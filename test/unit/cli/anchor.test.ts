import { strict as assert } from 'node:assert';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';
import { AnnotationStore } from '../../../src/core/annotations/store';
import { ANNOTATIONS_YAML, BROKEN, captureIo, LETTER, tempDir } from '../annotations/helpers';

describe('kamerstuk anchor', () => {
  let dir: string;
  let cleanup: () => void;
  const file = () => join(dir, 'kst-29754-716.annotations.yaml');
  beforeEach(() => {
    ({ dir, cleanup } = tempDir('anchor'));
    writeFileSync(join(dir, 'kst-29754-716.md'), LETTER);
    writeFileSync(file(), ANNOTATIONS_YAML);
  });
  afterEach(() => cleanup());

  it('--json prints {id, status, start, end, score} per annotation', async () => {
    const io = captureIo(dir);
    assert.equal(await main(['anchor', 'kst-29754-716.annotations.yaml', '--json'], io), 0);
    const rows = JSON.parse(io.stdout.join('\n')) as Record<string, unknown>[];
    assert.equal(rows.length, 4);
    for (const r of rows) {
      assert.deepEqual(Object.keys(r), ['id', 'status', 'start', 'end', 'score']);
      assert.equal(r.status, 'exact');
      assert.equal(r.score, 1);
    }
  });

  it('--write stores new positions atomically, keeps comments, never moves orphans', async () => {
    const revised = ('Een nieuwe eerste alinea.\n\n' + LETTER).replace(' De komende periode wordt gewerkt aan een nadere uitwerking hiervan.', '');
    writeFileSync(join(dir, 'kst-29754-716.md'), revised);
    const io = captureIo(dir);
    assert.equal(await main(['anchor', file(), '--write', '--json'], io), 0);
    const rows = JSON.parse(io.stdout.join('\n')) as { id: string; status: string; start: number }[];
    assert.deepEqual(rows.map((r) => r.status).sort(), ['moved', 'moved', 'moved', 'orphaned']);
    const written = readFileSync(file(), 'utf8');
    assert.ok(written.includes('# Hand-written comments like this one survive every write.'));
    assert.ok(written.includes('x-reviewer: jan'));
    const r = AnnotationStore.parse(written);
    assert.ok(r.ok);
    for (const a of r.store.annotations()) {
      if (a.id === 'c6d7e8f9g0') assert.equal(a.start, 4009, 'the orphan keeps its stored position');
      else assert.equal(revised.slice(a.start, a.end), a.quote);
    }
    const io2 = captureIo(dir);
    await main(['anchor', file()], io2);
    assert.match(io2.stdout.join('\n'), /c6d7e8f9g0\s+orphaned/);
  });

  for (const broken of BROKEN) {
    it(`${broken.name}: exit 1 with file:line:column, and the bytes stay unchanged after --write`, async () => {
      copyFileSync(broken.path, file());
      const before = readFileSync(file());
      const io = captureIo(dir);
      assert.equal(await main(['anchor', file(), '--write'], io), 1);
      assert.match(io.stderr.join('\n'), /kst-29754-716\.annotations\.yaml:\d+:\d+: error: /);
      assert.deepEqual(readFileSync(file()), before);
    });
  }

  it('a missing letter is an error', async () => {
    const io = captureIo(dir);
    writeFileSync(file(), ANNOTATIONS_YAML.replace('path: kst-29754-716.md', 'path: elders.md'));
    assert.equal(await main(['anchor', file()], io), 1);
    assert.match(io.stderr.join('\n'), /elders\.md/);
  });
});
