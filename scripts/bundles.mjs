// The esbuild options of the extension bundles, shared by scripts/build.mjs and the unit test that checks the web
// bundle (test/unit/architecture/web-bundle.test.ts), so the test builds exactly what ships.
import { dirname, join } from 'node:path';

/** Options every bundle shares; `production` minifies and drops source maps. */
export function commonOptions({ production = false } = {}) {
  return {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    // ESM-only dependencies (unified, remark) are bundled; `import.meta.url` is not used by them at run time.
  };
}

/**
 * Chooses the implementation of src/vscode/platform.ts: that module re-exports './platform-node'; for the web
 * bundle this plugin resolves that import to './platform-web' instead, so no Node code is bundled.
 */
export function platformPlugin(kind) {
  return {
    name: 'kamerstuk-platform',
    setup(build) {
      if (kind === 'node') return;
      build.onResolve({ filter: /^\.\/platform-node$/ }, (args) => ({ path: join(dirname(args.importer), `platform-${kind}.ts`) }));
    },
  };
}

/** The extension for the desktop and remote (Node) extension hosts: package.json "main". */
export function nodeExtensionOptions({ production = false } = {}) {
  return {
    ...commonOptions({ production }),
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
    plugins: [platformPlugin('node')],
  };
}

/** The extension for the browser's web worker extension host (vscode.dev, github.dev): package.json "browser". */
export function webExtensionOptions({ production = false } = {}) {
  return {
    ...commonOptions({ production }),
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/web/extension.js',
    platform: 'browser',
    target: 'es2022',
    format: 'cjs',
    external: ['vscode'],
    // A web worker has no DOM: prefer a package's "worker" export over its "browser" one (decode-named-character-
    // reference's browser build calls document.createElement when it loads).
    conditions: ['worker'],
    // Dependencies that test for Node see no `process` (a web worker has none); nothing may read process.env.
    define: { 'process.env.NODE_ENV': production ? '"production"' : '"development"' },
    plugins: [platformPlugin('web')],
  };
}
