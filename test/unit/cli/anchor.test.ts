import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, lstatSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../../src/cli/annotation-files';
import { CliError } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';
import { letterHash } from '../../../src/core/annotations/letter-version';
import { captureSelector } from '../../../src/core/annotations/quote';
import { AnnotationStore } from '../../../src/core/annotations/store';
import { ANNOTATIONS_YAML, BROKEN, captureIo, LATIN1, LETTER, tempDir } from '../annotations/helpers';

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
      assert.deepEqual(Object.keys(r).slice(0, 5), ['id', 'status', 'start', 'end', 'score']);
      assert.equal(r.reason, 'context');
      assert.equal(r.status, 'exact');
      assert.equal(r.score, 1);
    }
  });

  it('--write stores the selectors that no longer hold, keeps comments, never moves orphans; positions are hints', async () => {
    // A paragraph above every tag (every offset shifts), a tagged sentence deleted (an orphan), and the words before
    // one tag reworded (its stored context agrees less than REFRESH_CONTEXT).
    const revised = ('Een nieuwe eerste alinea.\n\n' + LETTER)
      .replace(' De komende periode wordt gewerkt aan een nadere uitwerking hiervan.', '')
      .replace('n bronnenonderzoek verrichten.', 'n onderzoek naar open bronnen verrichten.');
    writeFileSync(join(dir, 'kst-29754-716.md'), revised);
    const io = captureIo(dir);
    assert.equal(await main(['anchor', file(), '--write', '--json'], io), 0);
    const rows = JSON.parse(io.stdout.join('\n')) as { id: string; status: string; start: number }[];
    assert.deepEqual(rows.map((r) => r.status).sort(), ['moved', 'moved', 'moved', 'orphaned']);
    assert.match(io.stderr.join('\n'), /updated 1 annotation in /);
    const written = readFileSync(file(), 'utf8');
    assert.ok(written.includes('# Hand-written comments like this one survive every write.'));
    assert.ok(written.includes('x-reviewer: jan'));
    const refreshed = storedEntry(written, 'm1a2b3c4d5');
    assert.equal(revised.slice(refreshed.start, refreshed.end), refreshed.quote);
    assert.ok(refreshed.prefix.endsWith('bronnen verrichten.\n\n'), refreshed.prefix);
    // The hints of the other passages drifted, but their quote and context still find them: left as they were.
    for (const id of ['k1l2m3n4o5', 'p6q7r8s9t0', 'c6d7e8f9g0']) assert.deepEqual(storedEntry(written, id), storedEntry(ANNOTATIONS_YAML, id), id);
    const io2 = captureIo(dir);
    await main(['anchor', file()], io2);
    assert.match(io2.stdout.join('\n'), /c6d7e8f9g0\s+orphaned/);
  });

  it('--write leaves the file byte for byte when only positions drifted', async () => {
    writeFileSync(join(dir, 'kst-29754-716.md'), 'Een nieuwe eerste alinea.\n\n' + LETTER);
    const io = captureIo(dir);
    assert.equal(await main(['anchor', file(), '--write'], io), 0);
    assert.equal(readFileSync(file(), 'utf8'), ANNOTATIONS_YAML);
    assert.equal(io.stderr.join('\n'), '');
  });

  const LEERLIJN = 'De komende periode wordt gewerkt aan een nadere uitwerking hiervan.';
  const storedEntry = (text: string, id: string) => {
    const r = AnnotationStore.parse(text);
    assert.ok(r.ok);
    const { quote, prefix, suffix, start, end } = r.store.get(id)!;
    return { quote, prefix, suffix, start, end };
  };

  it('--write never moves a deleted passage onto the same sentence elsewhere; --json keeps its shape for the orphan', async () => {
    const at = LETTER.indexOf('## Robuust systeem');
    const revised = LETTER.slice(0, at) + `${LEERLIJN}\n\n` + LETTER.slice(at);
    writeFileSync(join(dir, 'kst-29754-716.md'), revised.replace(` ${LEERLIJN}\n`, '\n'));
    const before = storedEntry(ANNOTATIONS_YAML, 'c6d7e8f9g0');
    const io = captureIo(dir);
    assert.equal(await main(['anchor', file(), '--write', '--json'], io), 0);
    const rows = JSON.parse(io.stdout.join('\n')) as Record<string, unknown>[];
    const orphan = rows.find((r) => r.id === 'c6d7e8f9g0')!;
    assert.deepEqual(Object.keys(orphan), ['id', 'status', 'start', 'end', 'score'], 'an orphan has no reason');
    assert.equal(orphan.status, 'orphaned');
    assert.equal(orphan.start, before.start, 'an orphan reports its stored hint');
    assert.deepEqual(storedEntry(readFileSync(file(), 'utf8'), 'c6d7e8f9g0'), before);
  });

  it('--write leaves a fuzzy match whose context did not agree as stored; check keeps warning about it', async () => {
    // Both sentences around the tagged one rewritten (same length): the quote is still at its place, without context.
    const prev =
      'Voor een goede toepassing van de vastgestelde screeningsinstructie en uitbreiding van de training en expertise van screeners ontwikkelt de IND een zogeheten leerlijn screening.';
    const next =
      '### 2. De IND zal bij een signaal dat een persoon mogelijk een gevaar vormt voor de nationale veiligheid, een uitgebreider open bronnenonderzoek verrichten.';
    const revised = LETTER.replace(prev, 'Z'.repeat(prev.length - 1) + '.').replace(next, 'W'.repeat(next.length));
    writeFileSync(join(dir, 'kst-29754-716.md'), revised);
    const before = readFileSync(file(), 'utf8');
    const io = captureIo(dir);
    assert.equal(await main(['anchor', file(), '--write', '--json'], io), 0);
    const rows = JSON.parse(io.stdout.join('\n')) as { id: string; status: string }[];
    assert.equal(rows.find((r) => r.id === 'c6d7e8f9g0')!.status, 'fuzzy');
    assert.deepEqual(storedEntry(readFileSync(file(), 'utf8'), 'c6d7e8f9g0'), storedEntry(before, 'c6d7e8f9g0'));
    const check = captureIo(dir);
    assert.equal(await main(['check', '--strict'], check), 1);
    assert.match(check.stdout.join('\n'), /warning: Annotation c6d7e8f9g0 \(commitment\) matches only approximately/);
  });

  it('--write never stores another sentence for a deleted one in a list of similar sentences; check --strict fails', async () => {
    // Issue: the deleted tagged line was matched fuzzy to its neighbour and --write stored the neighbour as its quote.
    const regions = ['Noord', 'Oost', 'Zuid', 'West'];
    const list = regions.map((r) => `- De minister versterkt de samenwerking met de gemeenten in de regio ${r}.`).join('\n');
    const letter = `---\nkamerstuk: kst-29754-716\n---\n\n# Maatregelen\n\n${list}\n\nTot slot.\n`;
    writeFileSync(join(dir, 'kst-29754-716.md'), letter);
    const store = AnnotationStore.create({ id: 'kst-29754-716', path: 'kst-29754-716.md' });
    const quote = 'De minister versterkt de samenwerking met de gemeenten in de regio Oost.';
    const start = letter.indexOf(quote);
    store.add({ id: 'oost000001', tag: 'measure', ...captureSelector(letter, start, start + quote.length) });
    writeFileSync(file(), store.toString());
    writeFileSync(join(dir, 'kst-29754-716.md'), letter.replace(`- ${quote}\n`, ''));
    const before = readFileSync(file(), 'utf8');
    const io = captureIo(dir);
    assert.equal(await main(['anchor', file(), '--write', '--json'], io), 0);
    const [row] = JSON.parse(io.stdout.join('\n')) as { status: string }[];
    assert.notEqual(row.status, 'exact');
    assert.notEqual(row.status, 'moved');
    assert.equal(readFileSync(file(), 'utf8'), before, 'the annotation file was rewritten');
    assert.equal(await main(['check', '--strict'], captureIo(dir)), 1);
  });

  it('--write --accept stores the new text of a changed passage whose context agreed; --write alone does not', async () => {
    const revised = LETTER.replace('nadere uitwerking hiervan', 'nadere uitwerkingen hiervan');
    writeFileSync(join(dir, 'kst-29754-716.md'), revised);
    const before = readFileSync(file(), 'utf8');
    assert.equal(await main(['anchor', file(), '--write'], captureIo(dir)), 0);
    assert.deepEqual(
      storedEntry(readFileSync(file(), 'utf8'), 'c6d7e8f9g0'),
      storedEntry(before, 'c6d7e8f9g0'),
      'a changed passage was written without --accept',
    );
    assert.equal(await main(['anchor', file(), '--write', '--accept'], captureIo(dir)), 0);
    assert.equal(storedEntry(readFileSync(file(), 'utf8'), 'c6d7e8f9g0').quote, LEERLIJN.replace('uitwerking', 'uitwerkingen'));
    const usage = captureIo(dir);
    assert.equal(await main(['anchor', file(), '--accept'], usage), 2);
    assert.match(usage.stderr.join('\n'), /--accept needs --write/);
  });

  it('--help explains the statuses and that an orphan reports its stored (stale) hint', async () => {
    const io = captureIo(dir);
    assert.equal(await main(['anchor', '--help'], io), 0);
    const help = io.stdout.join('\n');
    for (const status of ['exact', 'moved', 'fuzzy', 'orphaned']) assert.match(help, new RegExp(`\\b${status}\\b`));
    assert.match(help, /orphan.*stored \(stale\) hint/);
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

  it('a file that is not UTF-8: exit 1 at its first bad byte, and --write leaves its bytes (ö, ë, é) as they were', async () => {
    copyFileSync(LATIN1, file());
    const before = readFileSync(file());
    const io = captureIo(dir);
    assert.equal(await main(['anchor', file(), '--write'], io), 1);
    assert.match(io.stderr.join('\n'), /:10:\d+: error: The file is not UTF-8 text/);
    assert.deepEqual(readFileSync(file()), before);
  });

  it('--write writes through a symbolic link, refuses a read-only file, and names an unwritable path in one line', async () => {
    // Context reworded next to a tag: its selector is rewritten.
    const revised = LETTER.replace('n bronnenonderzoek verrichten.', 'n onderzoek naar open bronnen verrichten.');
    writeFileSync(join(dir, 'kst-29754-716.md'), revised);
    const shared = join(dir, 'shared.annotations.yaml');
    writeFileSync(shared, ANNOTATIONS_YAML);
    rmSync(file());
    symlinkSync('shared.annotations.yaml', file());
    assert.equal(await main(['anchor', file(), '--write'], captureIo(dir)), 0);
    assert.ok(lstatSync(file()).isSymbolicLink(), 'the link was replaced by a copy');
    assert.notEqual(readFileSync(shared, 'utf8'), ANNOTATIONS_YAML, 'the shared target was not updated');

    writeFileSync(join(dir, 'kst-29754-716.md'), revised.replace('gerefereerd meegenomen.', 'verwezen, ook meegenomen.'));
    chmodSync(shared, 0o444);
    const before = readFileSync(shared, 'utf8');
    const io = captureIo(dir);
    assert.equal(await main(['anchor', file(), '--write'], io), 1);
    assert.match(io.stderr.join('\n'), /is read-only; it was not changed/);
    assert.equal(readFileSync(shared, 'utf8'), before);

    await assert.rejects(
      writeFileAtomic(join(dir, 'no-such-folder', 'x.annotations.yaml'), 'x'),
      (e: CliError) => e.exitCode === 1 && /cannot write .*no-such-folder/.test(e.message) && !e.message.includes('\n'),
    );
  });

  it('offsets count the letter without BOM and with LF line endings: a CRLF or BOM checkout of the same letter is exact', async () => {
    // core.autocrlf on Windows, or an editor that writes a BOM: git shows no change, so no tag may have "moved".
    for (const variant of ['\ufeff' + LETTER, LETTER.replace(/\n/g, '\r\n'), '\ufeff' + LETTER.replace(/\n/g, '\r\n')]) {
      writeFileSync(join(dir, 'kst-29754-716.md'), variant);
      const io = captureIo(dir);
      assert.equal(await main(['anchor', file(), '--json', '--write'], io), 0);
      const rows = JSON.parse(io.stdout.join('\n')) as { status: string }[];
      assert.deepEqual([...new Set(rows.map((r) => r.status))], ['exact'], JSON.stringify(rows));
      assert.equal(readFileSync(file(), 'utf8'), ANNOTATIONS_YAML, 'the annotation file was rewritten');
      assert.equal(await main(['check', '--strict'], captureIo(dir)), 0);
    }
  });

  it('a missing letter is an error', async () => {
    const io = captureIo(dir);
    writeFileSync(file(), ANNOTATIONS_YAML.replace('path: kst-29754-716.md', 'path: elders.md'));
    assert.equal(await main(['anchor', file()], io), 1);
    assert.match(io.stderr.join('\n'), /elders\.md/);
  });

  describe('through the version the anchors were made on', () => {
    const revised = () => 'Een nieuwe eerste alinea.\n\n' + LETTER.replace('De komende periode', 'In de komende periode');
    const recorded = (hash: string) => ANNOTATIONS_YAML.replace(/^document:\n/m, `document:\n  hash: ${hash}\n`);
    const run = async (...args: string[]) => {
      const io = captureIo(dir);
      const code = await main(['anchor', file(), '--json', ...args], io);
      return { code, rows: code === 0 ? (JSON.parse(io.stdout.join('\n')) as { id: string; reason?: string }[]) : [], stderr: io.stderr.join('\n') };
    };
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd: dir, stdio: 'pipe' }).toString();

    it('maps through the diff from a kept version whose hash is the recorded one, and never from another text', async () => {
      writeFileSync(file(), recorded(letterHash(LETTER)));
      writeFileSync(join(dir, 'kst-29754-716.md'), revised());
      const none = await run();
      assert.ok(!none.rows.some((r) => r.reason === 'diff'), 'nothing to map from: search');
      mkdirSync(join(dir, '.versions', 'kst-29754-716'), { recursive: true });
      const kept = join(dir, '.versions', 'kst-29754-716', `${letterHash(LETTER)}.md`);
      writeFileSync(kept, LETTER + 'tampered');
      assert.ok(!(await run()).rows.some((r) => r.reason === 'diff'), 'a kept text with another hash is not used');
      writeFileSync(kept, LETTER);
      const mapped = await run();
      assert.equal(mapped.code, 0);
      assert.ok(mapped.rows.length > 0 && mapped.rows.filter((r) => r.reason !== 'diff').length <= 1, JSON.stringify(mapped.rows));
      assert.match(mapped.stderr, /anchoring through the changes since .*\.versions/);
    });

    it('gets the recorded version from git by its blob id, and --previous REV or FILE names one explicitly', async () => {
      git('init', '-q');
      git('add', '.');
      git('commit', '-qm', 'letter');
      writeFileSync(join(dir, 'kst-29754-716.md'), revised());
      writeFileSync(file(), recorded(letterHash(LETTER)));
      const fromBlob = await run();
      assert.match(fromBlob.stderr, /git blob/);
      assert.ok(fromBlob.rows.some((r) => r.reason === 'diff'));
      writeFileSync(file(), ANNOTATIONS_YAML);
      assert.match((await run('--previous', 'HEAD')).stderr, /changes since git HEAD/);
      writeFileSync(join(dir, 'old.md'), LETTER);
      assert.match((await run('--previous', join(dir, 'old.md'))).stderr, /changes since .*old\.md/);
      const bad = await run('--previous', 'no-such-rev');
      assert.equal(bad.code, 1);
      assert.match(bad.stderr, /'no-such-rev' is neither a file nor a git commit/);
      const range = await run('--previous', 'HEAD~1..HEAD');
      assert.equal(range.code, 2, 'a range names no single version');
      assert.match(range.stderr, /neither a file nor a git commit/);
      writeFileSync(join(dir, 'old-relative.md'), LETTER);
      assert.match((await run('--previous', 'old-relative.md')).stderr, /changes since old-relative\.md/, 'a file is relative to the working folder');
    });

    it('--write keeps the recorded version when a tag was only found changed: it is best mapped from its own text', async () => {
      writeFileSync(
        join(dir, 'kst-29754-716.md'),
        revised()
          .replace('n bronnenonderzoek verrichten.', 'n onderzoek naar open bronnen verrichten.')
          .replace('leerlijn screening', 'leerlijn voor screening'),
      );
      writeFileSync(file(), recorded(letterHash(LETTER)));
      mkdirSync(join(dir, '.versions', 'kst-29754-716'), { recursive: true });
      writeFileSync(join(dir, '.versions', 'kst-29754-716', `${letterHash(LETTER)}.md`), LETTER);
      const io = captureIo(dir);
      assert.equal(await main(['anchor', file(), '--write', '--json'], io), 0);
      const rows = JSON.parse(io.stdout.join('\n')) as { status: string }[];
      assert.ok(
        rows.some((r) => r.status === 'fuzzy'),
        JSON.stringify(rows),
      );
      const r = AnnotationStore.parse(readFileSync(file(), 'utf8'));
      assert.ok(r.ok);
      assert.equal(r.store.letter.hash, letterHash(LETTER));
    });

    it('--write records the version the anchors now refer to, with the selectors it stores', async () => {
      // Every tag found as its words (moved): none changed, so the new version is recorded.
      writeFileSync(
        join(dir, 'kst-29754-716.md'),
        ('Een nieuwe eerste alinea.\n\n' + LETTER).replace('n bronnenonderzoek verrichten.', 'n onderzoek naar open bronnen verrichten.'),
      );
      writeFileSync(file(), recorded(letterHash(LETTER)));
      const io = captureIo(dir);
      assert.equal(await main(['anchor', file(), '--write'], io), 0);
      assert.match(io.stderr.join('\n'), /updated 1 annotation/);
      const r = AnnotationStore.parse(readFileSync(file(), 'utf8'));
      assert.ok(r.ok);
      assert.equal(r.store.letter.hash, letterHash(readFileSync(join(dir, 'kst-29754-716.md'), 'utf8')));
    });
  });
});
