// media/preview.css, the stylesheet the manifest contributes to the Markdown preview (`markdown.previewStyles`), is
// generated from src/core/preview/styles.ts (PREVIEW_STYLESHEET) by the build: one source for the preview, the
// export and the file. The file is committed because the VSIX and `--extensionDevelopmentPath` load it as it is;
// the build rewrites it (only when it changed) and a unit test checks that it is what the build writes.
import { build } from 'esbuild';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
export const PREVIEW_CSS_PATH = join(root, 'media', 'preview.css');

/** The stylesheet's text, from src/core/preview/styles.ts. */
export async function previewStylesheet() {
  const result = await build({
    entryPoints: [join(root, 'src/core/preview/styles.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    logLevel: 'silent',
  });
  const module = await import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`);
  return module.PREVIEW_STYLESHEET;
}

/** Writes media/preview.css when its text differs from the stylesheet's; returns whether it wrote. */
export async function writePreviewStylesheet() {
  const css = await previewStylesheet();
  if (existsSync(PREVIEW_CSS_PATH) && readFileSync(PREVIEW_CSS_PATH, 'utf8') === css) return false;
  writeFileSync(PREVIEW_CSS_PATH, css);
  return true;
}
