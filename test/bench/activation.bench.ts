// Activation: what the extension's own code costs in activate(), measured on the built dist/extension.js in
// plain Node with every VS Code API replaced by an inert stand-in (each call returns at once). It leaves out VS
// Code's own work (loading the host, reading files), so it measures what we control: module evaluation on the
// first activation, and building the services and areas on every activation. Goal: activate() ≤ 50 ms.
import { existsSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';
import { measure, type BenchCase } from './harness';

/**
 * A value that is every VS Code API at once: any property, call or `new` gives another such value, and awaiting it
 * gives undefined.
 */
function inert(): unknown {
  const target = function () {};
  const props = new Map<PropertyKey, unknown>();
  return new Proxy(target, {
    get(t, prop) {
      // A thenable that settles at once with nothing: `await` and `.then` on what an API returned go on.
      if (prop === 'then') return (ok?: (v: unknown) => unknown, fail?: (e: unknown) => unknown) => Promise.resolve(undefined).then(ok, fail);
      if (prop === Symbol.toPrimitive) return () => '';
      if (prop === Symbol.iterator) return function* () {};
      if (prop === 'length') return 0;
      if (prop in t && prop !== 'prototype' && prop !== 'name') return Reflect.get(t, prop);
      if (!props.has(prop)) props.set(prop, inert());
      return props.get(prop);
    },
    set(_t, prop, value) {
      props.set(prop, value);
      return true;
    },
    apply: () => inert(),
    construct: () => inert() as object,
  });
}

function fakeContext(): Record<string, unknown> {
  const memento = { get: () => undefined, update: async () => undefined, keys: () => [] };
  return new Proxy(
    { subscriptions: [] as { dispose(): unknown }[], workspaceState: memento, globalState: memento, extensionMode: 1 },
    { get: (t, prop) => (prop in t ? (t as Record<PropertyKey, unknown>)[prop] : inert()) },
  );
}

const EXTENSION = join(process.cwd(), 'dist', 'extension.js');

export const cases: BenchCase[] = [
  {
    name: 'activation: activate() of the built extension, VS Code APIs stubbed',
    async run() {
      if (!existsSync(EXTENSION)) throw new Error('dist/extension.js is not built');
      // The bundle reads `vscode` through esbuild's ESM wrapper, which inherits from the module's prototype.
      const api = inert() as object;
      const vscode = new Proxy(api, { getPrototypeOf: () => api });
      const moduleApi = Module as unknown as { _load(request: string, parent: unknown, isMain: boolean): unknown };
      const load = moduleApi._load;
      moduleApi._load = function (request: string, ...rest: [unknown, boolean]) {
        return request === 'vscode' ? vscode : load.call(this, request, ...rest);
      };
      // Work activate() starts and does not await would reject against the stand-ins: not ours to count.
      const ignore = () => undefined;
      process.on('unhandledRejection', ignore);
      try {
        const t0 = performance.now();
        const ext = Module.createRequire(__filename)(EXTENSION) as { activate(ctx: unknown): unknown; deactivate?(): unknown };
        const loaded = performance.now() - t0;
        const contexts: Record<string, unknown>[] = [];
        const first = performance.now();
        const firstContext = fakeContext();
        contexts.push(firstContext);
        ext.activate(firstContext);
        const firstActivation = performance.now() - first;
        const subject = await measure(
          () => {
            const ctx = fakeContext();
            contexts.push(ctx);
            ext.activate(ctx);
          },
          { iterations: 20, warmup: 2 },
        );
        for (const ctx of contexts) for (const d of ctx.subscriptions as { dispose(): unknown }[]) d.dispose();
        return {
          subject,
          target: 'median ≤ 50 ms',
          met: subject.median <= 50,
          notes: [`loading dist/extension.js: ${loaded.toFixed(0)} ms; first activate(): ${firstActivation.toFixed(1)} ms`],
        };
      } finally {
        moduleApi._load = load;
        await new Promise((r) => setTimeout(r, 50));
        process.off('unhandledRejection', ignore);
      }
    },
  },
];
