import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { main } from '../../../src/cli/main';
import { captureSelector } from '../../../src/core/annotations/quote';
import { ANNOTATIONS_YAML, BROKEN, captureIo, LATIN1, LETTER, offsetOf, tempDir, editedText as edited, parseStore as parse } from '../annotations/helpers';

const ROOT = resolve(__dirname, '../../..');
const CLI = join(ROOT, 'dist/cli.js');
const FILE = 'kst-29754-716.annotations.yaml';

describe('kamerstuk merge-driver', () => {
  describe('with real git', function () {
    this.timeout(120_000);
    let dir: string;
    let cleanup: () => void;
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

    before(() => {
      execFileSync('node', ['scripts/build.mjs'], { cwd: ROOT, stdio: 'ignore' });
    });

    beforeEach(() => {
      ({ dir, cleanup } = tempDir('git'));
      git('init', '-q', '-b', 'main');
      git('config', 'user.name', 'Analist');
      git('config', 'user.email', 'analist@example.invalid');
      git('config', 'merge.kamerstuk.name', 'Kamerstuk annotation merge by id');
      git('config', 'merge.kamerstuk.driver', `node ${CLI} merge-driver %O %A %B`);
      writeFileSync(join(dir, '.gitattributes'), '*.annotations.yaml merge=kamerstuk\n');
      writeFileSync(join(dir, 'kst-29754-716.md'), LETTER);
      writeFileSync(join(dir, FILE), ANNOTATIONS_YAML);
      git('add', '.');
      git('commit', '-q', '-m', 'letter and tags');
    });
    afterEach(() => cleanup());

    /** Commits `text` as the annotation file on a new branch `name` from main. */
    const branch = (name: string, text: string) => {
      git('checkout', '-q', '-b', name, 'main');
      writeFileSync(join(dir, FILE), text);
      git('commit', '-q', '-am', name);
    };

    const measure = offsetOf(LETTER, 'Een gespecialiseerde afdeling');
    const sentenceEnd = offsetOf(LETTER, 'Dit onderzoek vindt plaats');

    it('two analysts tag the same letter: every independent change survives, exit 0', () => {
      branch(
        'anna',
        edited((s) => {
          s.add({ id: 'anna000001', tag: 'measure', ...captureSelector(LETTER, sentenceEnd, sentenceEnd + 60), author: 'Anna' }); // adjacent
          s.update('m1a2b3c4d5', { note: 'Anna: nieuw sinds juli 2023' });
          s.update('c6d7e8f9g0', { status: 'agreed' });
        }),
      );
      branch(
        'bram',
        edited((s) => {
          s.add({ id: 'bram000001', tag: 'commitment', ...captureSelector(LETTER, measure + 20, sentenceEnd + 30), author: 'Bram' }); // overlapping
          s.update('k1l2m3n4o5', { note: 'Bram: kern van de brief' });
          s.update('c6d7e8f9g0', { refs: ['kst-29754-683'] });
          s.remove('p6q7r8s9t0');
        }),
      );
      git('checkout', '-q', 'anna');
      const merge = spawnSync('git', ['merge', '--no-edit', 'bram'], { cwd: dir, encoding: 'utf8' });
      assert.equal(merge.status, 0, merge.stdout + merge.stderr);
      const text = readFileSync(join(dir, FILE), 'utf8');
      const store = parse(text);
      assert.ok(store.get('anna000001') && store.get('bram000001'));
      assert.equal(store.get('m1a2b3c4d5')!.note, 'Anna: nieuw sinds juli 2023');
      assert.equal(store.get('k1l2m3n4o5')!.note, 'Bram: kern van de brief');
      assert.equal(store.get('c6d7e8f9g0')!.status, 'agreed');
      assert.deepEqual(store.get('c6d7e8f9g0')!.refs, ['kst-29754-683']);
      assert.equal(store.get('p6q7r8s9t0'), undefined);
      assert.ok(text.includes('# Hand-written comments like this one survive every write.') && text.includes('x-reviewer: jan'));
      const starts = store.annotations().map((a) => a.start);
      assert.deepEqual(
        starts,
        [...starts].sort((a, b) => a - b),
      );
    });

    it('comments added on the other branch (file header, above an entry, after a value) survive a clean merge', () => {
      // Bram edits by hand and comments; Anna changes a tag in the editor. git reported the merge clean, and Bram's
      // comments were gone.
      const commented = ANNOTATIONS_YAML.replace('version: 1\n', '# Bram: reviewed on 1 December.\nversion: 1\n')
        .replace('  - id: p6q7r8s9t0\n', '  # Bram: ask the IND for figures\n  - id: p6q7r8s9t0\n')
        .replace('    tag: commitment\n', '    tag: commitment # deadline: summer\n');
      assert.notEqual(commented, ANNOTATIONS_YAML);
      branch('bram', commented);
      branch(
        'anna',
        edited((s) => s.update('m1a2b3c4d5', { tag: 'conclusion' })),
      );
      const merge = spawnSync('git', ['merge', '--no-edit', 'bram'], { cwd: dir, encoding: 'utf8' });
      assert.equal(merge.status, 0, merge.stdout + merge.stderr);
      const text = readFileSync(join(dir, FILE), 'utf8');
      for (const comment of [
        '# Bram: reviewed on 1 December.',
        '# Bram: ask the IND for figures',
        '# deadline: summer',
        '# Hand-written comments like this one survive every write.',
      ]) {
        assert.ok(text.includes(comment), `lost: ${comment}\n${text}`);
      }
      assert.equal(parse(text).get('m1a2b3c4d5')!.tag, 'conclusion');
      // The entry comment stays with its entry.
      assert.match(text, /# Bram: ask the IND for figures\n\s+- id: p6q7r8s9t0/);
    });

    it('a real conflict (note edited both ways, delete against edit) is written readably and reported', () => {
      branch(
        'anna',
        edited((s) => {
          s.update('c6d7e8f9g0', { note: 'Anna vindt dit een toezegging' });
          s.remove('p6q7r8s9t0');
          s.add({ id: 'anna000001', tag: 'measure', ...captureSelector(LETTER, sentenceEnd, sentenceEnd + 60) });
        }),
      );
      branch(
        'bram',
        edited((s) => {
          s.update('c6d7e8f9g0', { note: 'Bram twijfelt' });
          s.update('p6q7r8s9t0', { status: 'disputed' });
          s.add({ id: 'bram000001', tag: 'conclusion', ...captureSelector(LETTER, 100, 160) });
        }),
      );
      git('checkout', '-q', 'anna');
      const merge = spawnSync('git', ['merge', '--no-edit', 'bram'], { cwd: dir, encoding: 'utf8' });
      assert.notEqual(merge.status, 0);
      assert.match(merge.stdout + merge.stderr, /CONFLICT/);
      assert.match(merge.stderr, /Annotation c6d7e8f9g0: "note" was changed on both sides/);
      assert.match(merge.stderr, /Annotation p6q7r8s9t0 was deleted on one side and changed on the other/);
      const text = readFileSync(join(dir, FILE), 'utf8');
      assert.match(text, /<<<<<<< ours\n {4}note: "Anna vindt dit een toezegging"/);
      assert.match(text, /=======\n {4}note: "Bram twijfelt"/);
      assert.ok(text.includes('id: anna000001') && text.includes('id: bram000001'), 'independent additions survive a conflict');
      assert.ok(git('diff', '--name-only', '--diff-filter=U').includes(FILE));
    });
  });

  describe('in-process', () => {
    let dir: string;
    let cleanup: () => void;
    beforeEach(() => ({ dir, cleanup } = tempDir('driver')));
    afterEach(() => cleanup());

    const files = (base: string, ours: string, theirs: string) => {
      for (const [n, t] of [
        ['O', base],
        ['A', ours],
        ['B', theirs],
      ])
        writeFileSync(join(dir, n), t);
      return ['merge-driver', 'O', 'A', 'B'];
    };

    it('writes the clean merge to %A and exits 0', async () => {
      const ours = edited((s) => s.update('m1a2b3c4d5', { status: 'agreed' }));
      const theirs = edited((s) => s.update('m1a2b3c4d5', { note: 'x' }));
      assert.equal(await main(files(ANNOTATIONS_YAML, ours, theirs), captureIo(dir)), 0);
      const a = parse(readFileSync(join(dir, 'A'), 'utf8')).get('m1a2b3c4d5')!;
      assert.equal(a.status, 'agreed');
      assert.equal(a.note, 'x');
    });

    it('a version that is not UTF-8 (Latin-1): exit 2, %A byte for byte untouched', async () => {
      const latin1 = readFileSync(LATIN1);
      for (const order of [0, 1, 2]) {
        const texts = [ANNOTATIONS_YAML, ANNOTATIONS_YAML, edited((s) => s.update('m1a2b3c4d5', { note: 'y' }))];
        const args = files(texts[0], texts[1], texts[2]);
        writeFileSync(join(dir, ['O', 'A', 'B'][order]), latin1);
        const before = readFileSync(join(dir, 'A'));
        const io = captureIo(dir);
        assert.equal(await main(args, io), 2);
        assert.match(io.stderr.join('\n'), /is not UTF-8 text; not merged/);
        assert.deepEqual(readFileSync(join(dir, 'A')), before);
      }
    });

    for (const broken of BROKEN) {
      it(`a ${broken.name} version: exit non-zero, %A byte for byte untouched`, async () => {
        for (const order of [0, 1, 2]) {
          const texts = [ANNOTATIONS_YAML, ANNOTATIONS_YAML, edited((s) => s.update('m1a2b3c4d5', { note: 'y' }))];
          texts[order] = readFileSync(broken.path, 'utf8');
          const args = files(texts[0], texts[1], texts[2]);
          if (order === 1) copyFileSync(broken.path, join(dir, 'A'));
          const before = readFileSync(join(dir, 'A'));
          const io = captureIo(dir);
          assert.notEqual(await main(args, io), 0);
          assert.match(io.stderr.join('\n'), /does not parse/);
          assert.deepEqual(readFileSync(join(dir, 'A')), before);
        }
      });
    }
  });
});
