// The extension uses the markdown-it instance VS Code's preview hands it; markdown-it itself (a devDependency,
// for the tests and the CLI) must not end up in the extension bundles.
import { strict as assert } from 'node:assert';
import type { Metafile } from 'esbuild';
import { nodeExtensionOptions, webExtensionOptions } from '../../../scripts/bundles.mjs';

async function inputsOf(options: ReturnType<typeof nodeExtensionOptions>): Promise<string[]> {
  const { build } = await import('esbuild');
  const result = await build({ ...options, write: false, metafile: true, sourcemap: false, logLevel: 'silent' });
  return Object.keys((result.metafile as Metafile).inputs);
}

describe('reading view: the extension bundles', () => {
  for (const [name, options] of [
    ['desktop', nodeExtensionOptions()],
    ['web', webExtensionOptions()],
  ] as const) {
    it(`the ${name} bundle holds the preview plugin but not markdown-it`, async () => {
      const inputs = await inputsOf(options);
      assert.ok(
        inputs.some((f) => f.endsWith('src/core/preview/plugin.ts')),
        'the plugin is bundled',
      );
      assert.deepEqual(
        inputs.filter((f) => /node_modules\/(?:markdown-it|linkify-it|mdurl|uc\.micro|punycode\.js)\//.test(f)),
        [],
      );
    });
  }
});
