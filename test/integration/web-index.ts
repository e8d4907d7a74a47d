// Entry point of the integration tests in the browser's web worker extension host (KAMERSTUK_TEST_HOST=web): built
// for the browser by scripts/build.mjs into out/test/integration-web/index.js. Uses mocha's browser build (no fs, so
// the suites are bundled in, not found on disk) and prints the summary as a marked line for the runner to save.
// mocha's prebuilt browser build: sets globalThis.mocha and globalThis.Mocha (scripts/build.mjs hides `module` from it).
import 'mocha/mocha.js';

/** Keep in step with test/integration/index.ts and test/runner/code-server.mjs. */
const REPORTER_MARK = '\u2063kt\u2063';
const SUMMARY_MARK = '\u2063kt-summary\u2063';

interface BrowserMocha {
  setup(options: Record<string, unknown>): void;
  run(done: (failures: number) => void): { stats?: { passes?: number; failures?: number; pending?: number }; on(e: string, f: (...a: never[]) => void): void };
}

/** util.format's %s, %d, %i, %j and %% (the spec reporter's lines are printf-style; a worker has no util). */
function format([first, ...rest]: unknown[]): string {
  if (first === undefined && !rest.length) return '';
  if (typeof first !== 'string') return [first, ...rest].map(String).join(' ');
  const text = first.replace(/%([sdij%])/g, (m, c: string) => {
    if (c === '%') return '%';
    if (!rest.length) return m;
    const v = rest.shift();
    return c === 'j' ? JSON.stringify(v) : c === 'd' || c === 'i' ? String(Number(v)) : String(v);
  });
  return [text, ...rest.map(String)].join(' ');
}

export function run(): Promise<void> {
  const g = globalThis as unknown as { mocha: BrowserMocha; Mocha: { reporters: { Base: { consoleLog: (...a: unknown[]) => void }; Spec: unknown } } };
  g.Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(REPORTER_MARK + format(args));
  g.mocha.setup({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30_000 });
  // After setup, which defines describe/it on the global object.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./web.test');
  return new Promise((resolve, reject) => {
    const failures: { title: string; message: string }[] = [];
    const runner = g.mocha.run((failed) => {
      const s = runner.stats ?? {};
      console.log(SUMMARY_MARK + JSON.stringify({ passed: s.passes ?? 0, failed: s.failures ?? 0, pending: s.pending ?? 0, failures }));
      if (failed > 0) reject(new Error(`${failed} web integration test(s) failed`));
      else resolve();
    });
    runner.on('fail', (test: { fullTitle(): string }, err: { message?: string }) => failures.push({ title: test.fullTitle(), message: String(err?.message) }));
  });
}
