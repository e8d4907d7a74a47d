// The web extension (package.json "browser", dist/web/extension.js) runs in the browser's web worker extension host
// (vscode.dev, github.dev), which has no Node: no built-in modules, no `process`, no `Buffer`. These tests build
// that bundle with the options scripts/build.mjs uses (scripts/bundles.mjs) and check that no Node is left in it.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import * as vm from 'node:vm';
import type { BuildResult, Metafile, OutputFile } from 'esbuild';
import { nodeExtensionOptions, webExtensionOptions } from '../../../scripts/bundles.mjs';

/** Stands in for every free use of a Node global, so the built code shows where one is left. */
const NODE_GLOBAL = '__KAMERSTUK_NODE_GLOBAL__';
const NODE_GLOBALS = ['process', 'Buffer', 'global', '__dirname', '__filename', 'setImmediate', 'clearImmediate'];
/** A web worker has no DOM either. */
const DOM_GLOBALS = ['document', 'window', 'localStorage', 'sessionStorage'];

type Built = BuildResult & { outputFiles: OutputFile[]; metafile: Metafile };

async function bundle(options: ReturnType<typeof webExtensionOptions>, extra: Record<string, unknown> = {}): Promise<Built> {
  const { build } = await import('esbuild');
  return (await build({ ...options, ...extra, write: false, metafile: true, sourcemap: false, logLevel: 'silent' })) as Built;
}

/** A stand-in for any part of the vscode API at load time: every property is a constructible, callable stub. */
function stub(): unknown {
  const cache = new Map<PropertyKey, unknown>();
  return new Proxy(function () {}, {
    get: (target, p) => {
      if (p === 'prototype') return (target as { prototype: unknown }).prototype;
      if (!cache.has(p)) cache.set(p, stub());
      return cache.get(p);
    },
    apply: () => stub(),
    construct: () => stub() as object,
  });
}

/**
 * The vscode module: esbuild's CommonJS interop copies a module's own properties and inherits the rest from its
 * prototype, so the stubs live on a prototype that answers every name.
 */
function vscodeModule(): object {
  const members = new Map<PropertyKey, unknown>();
  return Object.create(
    new Proxy(
      {},
      {
        get: (_t, p) => {
          if (p === '__esModule') return false;
          if (!members.has(p)) members.set(p, stub());
          return members.get(p);
        },
      },
    ),
  );
}

/** The modules the bundle still `require`s at run time. */
function requires(code: string): string[] {
  return [...new Set([...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]))];
}

describe('web extension bundle', function () {
  this.timeout(60_000);
  let web: Built;

  before(async () => {
    web = await bundle(webExtensionOptions({ production: true }));
  });

  it('package.json points "browser" at the web bundle, and the VSIX includes it', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { main: string; browser?: string };
    const outfile = webExtensionOptions().outfile;
    assert.equal(manifest.browser, `./${outfile}`);
    assert.notEqual(manifest.browser, manifest.main);
    assert.ok(readFileSync('.vscodeignore', 'utf8').split(/\r?\n/).includes(`!${outfile}`), `.vscodeignore does not include ${outfile}`);
  });

  it('builds for the browser platform as CommonJS, with only vscode external', () => {
    const options = webExtensionOptions({ production: true });
    assert.equal(options.platform, 'browser');
    assert.equal(options.format, 'cjs');
    assert.equal(options.minify, true);
    assert.deepEqual(options.external, ['vscode']);
    assert.equal(web.errors.length, 0);
    assert.ok(web.outputFiles[0].text.length > 100_000, 'the web bundle is suspiciously small');
  });

  it('requires nothing but vscode (no Node built-in)', () => {
    const code = web.outputFiles[0].text;
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    const required = requires(code);
    assert.deepEqual(required, ['vscode']);
    assert.deepEqual(
      required.filter((m) => builtins.has(m) || m.startsWith('node:')),
      [],
    );
  });

  it('bundles platform-web, never platform-node (no child_process, no fs)', () => {
    const inputs = Object.keys(web.metafile.inputs);
    assert.ok(
      inputs.includes('src/vscode/common/platform-web.ts'),
      `platform-web is not in the bundle: ${inputs.filter((i) => i.startsWith('src/vscode/common/platform'))}`,
    );
    assert.deepEqual(
      inputs.filter((i) => /platform-node/.test(i)),
      [],
    );
    const code = web.outputFiles[0].text;
    // Running git (for git's user.name and the team setup) and chmod (for its hook) are platform-node's alone.
    for (const s of ['child_process', 'execFile', 'chmod', 'fs/promises']) assert.ok(!code.includes(s), `the web bundle contains '${s}'`);
  });

  it('the Node bundle still uses platform-node', async () => {
    const node = await bundle(nodeExtensionOptions({ production: true }));
    const inputs = Object.keys(node.metafile.inputs);
    assert.ok(inputs.includes('src/vscode/common/platform-node.ts'));
    assert.ok(!inputs.includes('src/vscode/common/platform-web.ts'));
    assert.ok(requires(node.outputFiles[0].text).some((m) => /^(?:node:)?child_process$/.test(m)));
  });

  it('uses no Node global (process, Buffer, __dirname, …) and no DOM global (document, window) outside a typeof check', async () => {
    const options = webExtensionOptions({ production: true });
    // `define` replaces only free identifiers: property names (`.process(`) and strings are left alone.
    const marked = await bundle(options, {
      minify: false,
      define: { ...options.define, ...Object.fromEntries([...NODE_GLOBALS, ...DOM_GLOBALS].map((g) => [g, NODE_GLOBAL])) },
    });
    const code = marked.outputFiles[0].text;
    const lines = code.split('\n').filter((l) => l.includes(NODE_GLOBAL) && !new RegExp(`typeof\\s+${NODE_GLOBAL}`).test(l));
    assert.deepEqual(
      lines.map((l) => l.trim().slice(0, 160)),
      [],
    );
  });

  it('loads in a context without Node or DOM globals (like a web worker) and exports activate', () => {
    const code = web.outputFiles[0].text;
    const browserish: Record<string, unknown> = {};
    for (const name of [
      'TextEncoder',
      'TextDecoder',
      'URL',
      'URLSearchParams',
      'AbortController',
      'AbortSignal',
      'fetch',
      'crypto',
      'console',
      'setTimeout',
      'clearTimeout',
      'setInterval',
      'clearInterval',
      'queueMicrotask',
      'structuredClone',
      'atob',
      'btoa',
      'performance',
    ]) {
      browserish[name] = (globalThis as Record<string, unknown>)[name];
    }
    const vscodeStub = vscodeModule();
    const module = { exports: {} as Record<string, unknown> };
    const requireStub = (id: string) => {
      if (id === 'vscode') return vscodeStub;
      throw new Error(`the web bundle requires '${id}'`);
    };
    const context = vm.createContext({ ...browserish, module, exports: module.exports, require: requireStub });
    try {
      vm.runInContext(code, context, { filename: 'dist/web/extension.js' });
    } catch (e) {
      // Keep the message short: the stack of minified code is one very long line.
      assert.fail(`loading the web bundle failed: ${String(e instanceof Error ? e.message : e).slice(0, 300)}`);
    }
    for (const g of [...NODE_GLOBALS, ...DOM_GLOBALS]) assert.equal(vm.runInContext(`typeof ${g}`, context), 'undefined', g);
    assert.equal(typeof module.exports.activate, 'function');
    assert.equal(typeof module.exports.deactivate, 'function');
  });
});
