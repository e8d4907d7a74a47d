import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { PREVIEW_STYLESHEET } from '../../../src/core/preview';

describe('reading view: the stylesheet', () => {
  it('media/preview.css is the stylesheet of src/core/preview/styles.ts', () => {
    assert.equal(readFileSync('media/preview.css', 'utf8'), PREVIEW_STYLESHEET, 'copy PREVIEW_STYLESHEET into media/preview.css');
  });

  it('has rules for the light, dark and high-contrast themes of the preview, and every line style of overlapping tags', () => {
    for (const theme of ['vscode-dark', 'vscode-high-contrast']) assert.match(PREVIEW_STYLESHEET, new RegExp(`body\\.${theme} \\.kst-tag`));
    for (let i = 0; i < 6; i++) assert.match(PREVIEW_STYLESHEET, new RegExp(`\\.kst-line-${i} \\{`));
    assert.doesNotMatch(PREVIEW_STYLESHEET, /url\(|@import/, 'no resources');
  });
});
