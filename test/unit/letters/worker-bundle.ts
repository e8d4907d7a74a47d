// Bundles core modules as the web extension is bundled (scripts/bundles.mjs: browser platform, the `worker`
// condition, a worker has no DOM), for tests that run the result in a bare VM context.
import { strict as assert } from 'node:assert';

/** The bundled code of `contents` (an entry's source), as one script defining `globalThis.letters`. */
export async function bundleForWorker(contents: string): Promise<string> {
  const { build } = await import('esbuild');
  const result = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    platform: 'browser',
    conditions: ['worker'],
    format: 'iife',
    globalName: 'letters',
    write: false,
    logLevel: 'silent',
  });
  assert.equal(result.errors.length, 0);
  const code = result.outputFiles[0].text;
  assert.ok(!/require\(["'](?:node:)?[a-z_]+["']\)/.test(code), 'a require() of a Node module is left in the bundle');
  return code;
}
