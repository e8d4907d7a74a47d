// Bundles the extension (for Node and for the browser's web worker host), the CLI, the integration suites and the bench harness with esbuild.
import { build } from 'esbuild';
import { readdirSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commonOptions, nodeExtensionOptions, webExtensionOptions } from './bundles.mjs';
import { writePreviewStylesheet } from './preview-css.mjs';

const production = process.argv.includes('--production');

// The Dutch runtime bundle is merged from one part per area (l10n/parts/*.nl.json), so features can add
// strings without editing one shared file. A key translated differently in two parts is an error.
function mergeL10n() {
  const merged = {};
  for (const f of readdirSync('l10n/parts')
    .filter((n) => n.endsWith('.nl.json'))
    .sort()) {
    const part = JSON.parse(readFileSync(join('l10n/parts', f), 'utf8'));
    for (const [k, v] of Object.entries(part)) {
      if (k in merged && merged[k] !== v) throw new Error(`l10n: '${k}' is translated differently in ${f}`);
      merged[k] = v;
    }
  }
  const sorted = Object.fromEntries(Object.entries(merged).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  writeFileSync('l10n/bundle.l10n.nl.json', JSON.stringify(sorted, null, 2) + '\n');
}
mergeL10n();
// media/preview.css from src/core/preview/styles.ts (the Markdown preview's stylesheet).
await writePreviewStylesheet();
const common = commonOptions({ production });

await build(nodeExtensionOptions({ production }));
// The workspace index's worker thread of the Node hosts (started by src/vscode/workspace/platform-node.ts).
await build({ ...common, entryPoints: ['src/vscode/workspace/index-worker.ts'], outfile: 'dist/index-worker.js' });
await build(webExtensionOptions({ production }));
await build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } });
// The worker threads of `kamerstuk refs` over many files (started by src/cli/parallel-refs.ts, next to dist/cli.js).
await build({ ...common, entryPoints: ['src/cli/refs-worker.ts'], outfile: 'dist/refs-worker.js' });

// mocha's browser build is a UMD file in a "type": "module" package: bundled as ESM, its `typeof module` check would
// see the test bundle's own CommonJS module and overwrite its exports. Hiding module/exports/define makes it take
// the browser branch (globalThis.mocha), as in a <script> tag.
const mochaBrowserGlobal = {
  name: 'mocha-browser-global',
  setup(b) {
    b.onLoad({ filter: /[\\/]mocha[\\/]mocha\.js$/ }, (args) => ({
      contents: `var module, exports, define;\n${readFileSync(args.path, 'utf8')}`,
      loader: 'js',
    }));
  },
};

if (!production) {
  const suites = readdirSync('test/integration')
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => join('test/integration', f));
  await build({
    ...common,
    entryPoints: ['test/integration/index.ts', ...suites],
    outdir: 'out/test/integration',
    external: ['vscode', 'mocha'],
  });
  // The same suites' browser entry, for the web worker extension host (KAMERSTUK_TEST_HOST=web).
  await build({
    ...webExtensionOptions(),
    entryPoints: ['test/integration/web-index.ts'],
    outfile: 'out/test/integration-web/index.js',
    plugins: [...webExtensionOptions().plugins, mochaBrowserGlobal],
  });
  if (existsSync('test/bench/main.ts')) {
    await build({ ...common, entryPoints: ['test/bench/main.ts'], outfile: 'out/bench.js' });
  }
}
