// Entry point that VS Code's extension host calls with extensionTestsPath: runs every bundled suite with mocha.
import * as path from 'node:path';
import * as fs from 'node:fs';
import * as util from 'node:util';
import Mocha from 'mocha';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const SummaryReporter = require('../support/summary-reporter.cjs');

/** Marks the reporter's lines so the runner can tell them from the workbench's own log lines. */
export const REPORTER_MARK = '\u2063kt\u2063';

export function run(): Promise<void> {
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(REPORTER_MARK + util.format(...args));
  process.env.KAMERSTUK_TEST_SUMMARY ??= path.resolve(__dirname, '..', '..', '..', '.test-results', 'integration.json');
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: SummaryReporter });
  const grep = process.env.KAMERSTUK_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const f of fs
    .readdirSync(__dirname)
    .filter((n) => n.endsWith('.test.js'))
    .sort()) {
    mocha.addFile(path.join(__dirname, f));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
  });
}
