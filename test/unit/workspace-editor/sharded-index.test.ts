// The editor's sharded workspace index (src/vscode/workspace/sharded-index.ts) answers as one core WorkspaceIndex
// over the same files, and its shards saved one by one come back as the same index, reused rather than read again.
import { strict as assert } from 'node:assert';
import { indexFile, WorkspaceIndex, type IndexedFile } from '../../../src/core/workspace';
import { SHARD_COUNT, ShardedIndex, shardOf } from '../../../src/vscode/workspace/sharded-index';
import { generateTeamRepository } from '../../support/generated-notes';

describe('sharded workspace index (editor)', () => {
  const entries: IndexedFile[] = generateTeamRepository({ notes: 300, noteSize: 2000 }).map((f, i) =>
    indexFile({ path: f.path, size: f.text.length, mtime: 1_700_000_000_000 + i }, f.text),
  );
  const whole = new WorkspaceIndex();
  const sharded = new ShardedIndex();
  for (const e of entries) {
    whole.upsert(e);
    sharded.upsert(e);
  }
  const sorted = (m: Map<string, number>) => [...m].sort(([a], [b]) => (a < b ? -1 : 1));

  it('spreads the files over the shards', () => {
    const used = new Set(entries.map((e) => shardOf(e.path)));
    assert.ok(used.size > SHARD_COUNT / 2, `${used.size} shards used`);
  });

  it('answers as one index: cited ids, citing places, stats, entries', () => {
    assert.deepEqual(sorted(sharded.citedIds()), sorted(whole.citedIds()));
    const [busiest] = [...whole.citedIds()].sort((a, b) => b[1] - a[1])[0];
    assert.deepEqual(sharded.citing(busiest), whole.citing(busiest));
    assert.deepEqual(sharded.stats(), whole.stats());
    assert.equal([...sharded.files()].length, entries.length);
    assert.deepEqual(sharded.get(entries[7].path), whole.get(entries[7].path));
  });

  it('saved shard by shard, comes back complete and reused; only changed shards are saved again', () => {
    const saved = sharded.takeDirty();
    const shards: WorkspaceIndex[] = [];
    for (const { shard, serialize } of saved) shards[shard] = WorkspaceIndex.deserialize(serialize())!;
    const loaded = new ShardedIndex(shards);
    assert.deepEqual(sorted(loaded.citedIds()), sorted(whole.citedIds()));
    const stats = loaded.stats();
    assert.equal(stats.reusedFromSaved, entries.length);
    assert.equal(stats.indexedThisSession, 0);
    assert.deepEqual(loaded.stale(entries.map(({ path, size, mtime }) => ({ path, size, mtime }))), { changed: [], removed: [] });

    assert.deepEqual(loaded.takeDirty(), []);
    loaded.remove(entries[3].path);
    loaded.remove('not/in/the/index.md');
    assert.deepEqual(
      loaded.takeDirty().map((d) => d.shard),
      [shardOf(entries[3].path)],
    );
  });

  it('stale() finds changed, new and removed files across shards', () => {
    const current = entries.slice(1).map(({ path, size, mtime }, i) => ({ path, size, mtime: i === 0 ? mtime + 1 : mtime }));
    current.push({ path: 'notes/new.md', size: 10, mtime: 1 });
    const r = sharded.stale(current);
    assert.deepEqual(r.removed, [entries[0].path]);
    assert.deepEqual(r.changed.map((s) => s.path).sort(), [entries[1].path, 'notes/new.md'].sort());
  });
});
