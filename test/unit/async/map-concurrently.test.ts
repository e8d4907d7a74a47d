import { strict as assert } from 'node:assert';
import { mapConcurrently } from '../../../src/core/async/map-concurrently';

const tick = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('mapConcurrently', () => {
  it('keeps the order of the items, whatever order the work ends in, and never runs more than the limit', async () => {
    let running = 0;
    let most = 0;
    const out = await mapConcurrently([5, 1, 4, 2, 3, 0], 2, async (n) => {
      most = Math.max(most, ++running);
      await tick(n * 3);
      running--;
      return n * 10;
    });
    assert.deepEqual(out, [50, 10, 40, 20, 30, 0]);
    assert.equal(most, 2);
  });

  it('starts no further item once stop says so; an empty list does nothing', async () => {
    const started: number[] = [];
    await mapConcurrently(
      [1, 2, 3, 4, 5],
      1,
      async (n) => void started.push(n),
      () => started.length >= 2,
    );
    assert.deepEqual(started, [1, 2]);
    assert.deepEqual(await mapConcurrently([], 4, async () => 1), []);
  });
});
