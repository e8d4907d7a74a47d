// Bundles the extension, the CLI, the integration suites and the bench harness with esbuild.
import { build } from 'esbuild';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // ESM-only dependencies (unified, remark) are bundled; `import.meta.url` is not used by them at run time.
};

await build({ ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] });
await build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } });

if (!production) {
  const suites = readdirSync('test/integration').filter((f) => f.endsWith('.test.ts')).map((f) => join('test/integration', f));
  await build({
    ...common,
    entryPoints: ['test/integration/index.ts', ...suites],
    outdir: 'out/test/integration',
    external: ['vscode', 'mocha'],
  });
  if (existsSync('test/bench/main.ts')) {
    await build({ ...common, entryPoints: ['test/bench/main.ts'], outfile: 'out/bench.js' });
  }
}
