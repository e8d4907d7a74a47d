// The workspace index's query for annotation files (core WorkspaceIndex and the editor's ShardedIndex): every
// `*.annotations.yaml` it holds, by path, a file that does not parse among them, and a version that moves only when
// a file comes or goes (what the Commitments and Annotations views refresh on), also across a save and load.
import { strict as assert } from 'node:assert';
import { indexFile, WorkspaceIndex, type FileStamp } from '../../../src/core/workspace';
import { ShardedIndex } from '../../../src/vscode/workspace/sharded-index';

const stamp = (path: string, text: string, mtime = 1): FileStamp => ({ path, size: text.length, mtime });
const entry = (path: string, text: string, mtime = 1) => indexFile(stamp(path, text, mtime), text);

const yaml = (n: number) =>
  `version: 1\ndocument:\n  path: kst-29754-${n}.md\nannotations:\n  - id: a${String(n).padStart(9, '0')}\n    tag: commitment\n    quote: "Ik zal uw Kamer informeren."\n    start: 0\n    end: 27\n`;
const BROKEN = 'version: 1\nannotations: [\n  - id: x\n';
const LETTER = '---\nkamerstuk: kst-29754-1\n---\n\nDe brief.\n';

describe('workspace index: annotation files', () => {
  for (const [name, make] of [
    ['core index', () => new WorkspaceIndex()],
    ['sharded index', () => new ShardedIndex()],
  ] as const) {
    it(`${name}: lists every annotation file by path, past 2,000, and one that does not parse`, () => {
      const index = make();
      const paths: string[] = [];
      for (let n = 2100; n >= 1; n--) {
        const path = `letters/${String(n).padStart(4, '0')}/kst-29754-${n}.annotations.yaml`;
        paths.push(path);
        index.upsert(entry(path, yaml(n)));
      }
      index.upsert(entry('letters/kst-29754-1.md', LETTER));
      index.upsert(entry('notes/a.md', 'Zie kst-29754-1.\n'));
      index.upsert(entry('letters/broken.annotations.yaml', BROKEN));
      paths.push('letters/broken.annotations.yaml');
      const listed = index.annotationFiles();
      assert.deepEqual(
        listed.map((f) => f.path),
        [...paths].sort(),
      );
      assert.ok(listed.every((f) => f.kind === 'annotations'));
      const broken = listed.find((f) => f.path === 'letters/broken.annotations.yaml')!;
      assert.equal(broken.tagCount, undefined, 'a file that does not parse has no tag count');
      assert.equal(listed.find((f) => f.path.endsWith('/kst-29754-7.annotations.yaml'))!.tagCount, 1);
      assert.equal(index.stats().annotationFiles, 2101);
    });

    it(`${name}: the version moves when a file comes or goes, not when one changes or a note does`, () => {
      const index = make();
      const v0 = index.annotationFilesVersion;
      index.upsert(entry('a.annotations.yaml', yaml(1)));
      const v1 = index.annotationFilesVersion;
      assert.notEqual(v1, v0, 'a new file');
      index.upsert(entry('a.annotations.yaml', yaml(2), 2));
      index.upsert(entry('a.annotations.yaml', BROKEN, 3));
      index.restamp(stamp('a.annotations.yaml', BROKEN, 4), indexFile(stamp('a.annotations.yaml', BROKEN), BROKEN).hash);
      index.upsert(entry('n.md', 'Zie kst-29754-1.\n'));
      index.remove('n.md');
      index.remove('missing.annotations.yaml');
      assert.equal(index.annotationFilesVersion, v1, 'a changed file, a note, a missing path');
      assert.equal(index.annotationFiles()[0].mtime, 4);
      index.remove('a.annotations.yaml');
      const v2 = index.annotationFilesVersion;
      assert.notEqual(v2, v1, 'a removed file');
      assert.deepEqual(index.annotationFiles(), []);
      index.upsert(entry('a.annotations.yaml', yaml(1)));
      assert.notEqual(index.annotationFilesVersion, v2, 'the same path again');
      assert.notEqual(index.annotationFilesVersion, v1);
    });
  }

  it('a saved index comes back with its annotation files', () => {
    const index = new WorkspaceIndex();
    index.upsert(entry('b/kst-1.annotations.yaml', yaml(1)));
    index.upsert(entry('a/kst-2.annotations.yaml', BROKEN));
    index.upsert(entry('a/kst-2.md', LETTER));
    const loaded = WorkspaceIndex.deserialize(index.serialize())!;
    assert.deepEqual(
      loaded.annotationFiles().map((f) => [f.path, f.tagCount]),
      [
        ['a/kst-2.annotations.yaml', undefined],
        ['b/kst-1.annotations.yaml', 1],
      ],
    );
    const v = loaded.annotationFilesVersion;
    loaded.remove('a/kst-2.annotations.yaml');
    assert.notEqual(loaded.annotationFilesVersion, v);
  });
});
