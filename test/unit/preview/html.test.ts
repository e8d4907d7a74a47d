import { strict as assert } from 'node:assert';
import { safeColor, safeHref } from '../../../src/core/preview';

describe('reading view: safe colours and links', () => {
  it('takes #rgb, #rgba, #rrggbb and #rrggbbaa colours (any case), and grey for anything else', () => {
    for (const ok of ['#abc', '#ABCD', '#2e7d32', '#2E7D32cc']) assert.equal(safeColor(ok), ok);
    for (const bad of ['#ab', '#12345', '#1234567', '#123456789', 'red', '#12345g', '#123456;x:y', undefined])
      assert.equal(safeColor(bad), '#808080', String(bad));
  });

  it('takes web and relative links, never other schemes or protocol-relative ones', () => {
    for (const ok of ['https://x.nl/a', 'http://x.nl', '../letters/kst-29754-716.md', '/abs/path.md', 'a.md#x', '#kst-note-1']) assert.equal(safeHref(ok), ok);
    for (const bad of [
      '//evil.example/x',
      ' //evil.example',
      '/\\evil.example',
      '\\\\evil.example',
      'javascript:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      'a\u0000b',
    ]) {
      assert.equal(safeHref(bad), undefined, bad);
    }
  });
});
