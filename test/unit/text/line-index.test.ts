import { strict as assert } from 'node:assert';
import { LineIndex } from '../../../src/core/text/line-index';

describe('LineIndex', () => {
  it('gives 0-based line and character for offsets, including line starts and the end of the text', () => {
    const text = 'ab\ncd\n\nef';
    const index = new LineIndex(text);
    const at = (o: number) => index.position(o);
    assert.deepEqual(at(0), { line: 0, character: 0 });
    assert.deepEqual(at(2), { line: 0, character: 2 });
    assert.deepEqual(at(3), { line: 1, character: 0 });
    assert.deepEqual(at(6), { line: 2, character: 0 });
    assert.deepEqual(at(7), { line: 3, character: 0 });
    assert.deepEqual(at(text.length), { line: 3, character: 2 });
  });

  it('agrees with counting newlines by hand on random text', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const text = Array.from({ length: 2000 }, () => (rnd() < 0.1 ? '\n' : 'x')).join('');
    const index = new LineIndex(text);
    for (let o = 0; o <= text.length; o += 37) {
      const before = text.slice(0, o);
      const line = before.split('\n').length - 1;
      assert.deepEqual(index.position(o), { line, character: o - (before.lastIndexOf('\n') + 1) });
    }
  });
});
