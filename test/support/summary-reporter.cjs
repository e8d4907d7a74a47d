// Mocha reporter: the spec reporter's output, plus a JSON summary of counts written to the file named by
// KAMERSTUK_TEST_SUMMARY, so that `npm test` can add unit and integration counts into one closing line.
const fs = require('node:fs');
const path = require('node:path');
const Mocha = require('mocha');

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const failures = [];
    runner.on('fail', (test, err) => failures.push({ title: test.fullTitle(), message: String(err && err.message) }));
    runner.once('end', () => {
      const file = process.env.KAMERSTUK_TEST_SUMMARY;
      if (!file) return;
      const s = runner.stats || {};
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify({ passed: s.passes || 0, failed: s.failures || 0, pending: s.pending || 0, failures }));
    });
  }
}
module.exports = SummaryReporter;
