import { strict as assert } from 'node:assert';
import { citationFor, scanPlain } from '../../../src/core/citations';

describe('citations: a known document written as a citation', () => {
  it('writes a kamerstuk in each style so that it is read back as the same id', () => {
    for (const style of ['kst', 'leidraad', 'short'] as const) {
      const text = citationFor({ id: 'kst-29754-716', vergaderjaar: '2023-2024' }, style);
      assert.deepEqual(
        scanPlain(text).refs.map((r) => r.id),
        ['kst-29754-716'],
        text,
      );
    }
  });

  it('writes an Eerste Kamer toezegging number with the word that makes it one, so it is read back', () => {
    for (const style of ['kst', 'leidraad', 'short'] as const) {
      const text = citationFor({ id: 'T01237' }, style);
      assert.deepEqual(
        scanPlain(text).refs.map((r) => [r.kind, r.id]),
        [['toezegging', 'T01237']],
        text,
      );
    }
  });
});
