// `npm run watch`: rebuilds both extension bundles and the CLI on every change (esbuild's watch mode), for F5.
import { context } from 'esbuild';
import { commonOptions, nodeExtensionOptions, webExtensionOptions } from './bundles.mjs';

const contexts = await Promise.all([
  context(nodeExtensionOptions()),
  context(webExtensionOptions()),
  context({ ...commonOptions(), entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
]);
await Promise.all(contexts.map((c) => c.watch()));
console.log('[watch] build finished, watching for changes…');
