// The preview's citation tooltips across catalog reloads: the resolver forgets its answers, the titles are asked again.
import { strict as assert } from 'node:assert';
import type { DocumentMetadata } from '../../../src/core/metadata';
import { PreviewTitles, type TitleResolver } from '../../../src/vscode/preview/titles';

/** A resolver like the metadata resolver: `peek` gives what `resolve` remembered, `invalidate` forgets it. */
class FakeResolver implements TitleResolver {
  readonly memory = new Map<string, DocumentMetadata>();
  readonly asked: string[] = [];
  peek(id: string) {
    return this.memory.get(id);
  }
  async resolve(id: string) {
    this.asked.push(id);
    await Promise.resolve();
    const meta = { id, title: `Titel van ${id}` } as DocumentMetadata;
    this.memory.set(id, meta);
    return { meta };
  }
  invalidate() {
    this.memory.clear();
  }
}

const settle = () => new Promise((r) => setImmediate(r));

describe('reading view in VS Code: citation titles', () => {
  it('asks once for an unknown title and refreshes the preview when it comes in', async () => {
    const resolver = new FakeResolver();
    let refreshes = 0;
    const titles = new PreviewTitles(
      () => resolver,
      () => refreshes++,
    );
    assert.equal(titles.title('kst-1'), undefined);
    assert.equal(titles.title('kst-1'), undefined);
    await settle();
    assert.deepEqual(resolver.asked, ['kst-1']);
    assert.equal(refreshes, 1);
    assert.equal(titles.title('kst-1'), 'Titel van kst-1');
  });

  it('asks again after the metadata changed (a catalog reload empties the resolver), so the tooltip comes back', async () => {
    const resolver = new FakeResolver();
    const titles = new PreviewTitles(
      () => resolver,
      () => undefined,
    );
    titles.title('kst-1');
    await settle();
    resolver.invalidate();
    titles.forget(); // what the metadata service's onDidChange does
    assert.equal(titles.title('kst-1'), undefined);
    await settle();
    assert.deepEqual(resolver.asked, ['kst-1', 'kst-1']);
    assert.equal(titles.title('kst-1'), 'Titel van kst-1');
  });

  it('asks the new resolver when the metadata service replaced it (API settings changed)', async () => {
    let resolver = new FakeResolver();
    const titles = new PreviewTitles(
      () => resolver,
      () => undefined,
    );
    titles.title('kst-1');
    await settle();
    resolver = new FakeResolver();
    assert.equal(titles.title('kst-1'), undefined);
    await settle();
    assert.deepEqual(resolver.asked, ['kst-1']);
    assert.equal(titles.title('kst-1'), 'Titel van kst-1');
  });
});
