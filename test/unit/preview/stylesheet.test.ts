import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PREVIEW_STYLESHEET } from '../../../src/core/preview';
import { PREVIEW_CSS_PATH, previewStylesheet } from '../../../scripts/preview-css.mjs';

describe('reading view: the stylesheet', () => {
  it('media/preview.css is what the build writes from src/core/preview/styles.ts', async () => {
    assert.equal(PREVIEW_CSS_PATH, join(__dirname, '../../../media/preview.css'));
    const generated = await previewStylesheet();
    assert.equal(generated, PREVIEW_STYLESHEET);
    assert.equal(readFileSync(PREVIEW_CSS_PATH, 'utf8'), generated, 'media/preview.css is out of date: run node scripts/build.mjs');
  });

  it('has rules for the light, dark and high-contrast themes of the preview, and every line style of overlapping tags', () => {
    for (const theme of ['vscode-dark', 'vscode-high-contrast']) assert.match(PREVIEW_STYLESHEET, new RegExp(`body\\.${theme} \\.kst-tag`));
    for (let i = 0; i < 6; i++) assert.match(PREVIEW_STYLESHEET, new RegExp(`\\.kst-line-${i} \\{`));
    assert.doesNotMatch(PREVIEW_STYLESHEET, /url\(|@import/, 'no resources');
  });
});
