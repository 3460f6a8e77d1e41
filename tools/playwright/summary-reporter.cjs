// Playwright reporter writing the same summary file as tools/jest/summary-reporter.js, so the
// closing `N passed, N failed` line of `npm test` counts browser tests too.
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

class SummaryReporter {
  constructor(options) {
    this.name = options.name;
    this.counts = { passed: 0, failed: 0, skipped: 0 };
  }

  onTestEnd(test, result) {
    if (result.retry < test.retries && result.status !== 'passed' && result.status !== 'skipped') {
      return; // it will run again; count the final attempt only
    }
    const outcome = test.outcome();
    if (outcome === 'skipped') {
      this.counts.skipped++;
    } else if (outcome === 'expected' || outcome === 'flaky') {
      this.counts.passed++;
    } else {
      this.counts.failed++;
    }
  }

  onEnd(result) {
    if (result.status !== 'passed' && this.counts.failed === 0) {
      this.counts.failed++; // e.g. global setup failed or the run timed out
    }
    const dir = join(__dirname, '..', '..', 'test-output', 'results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${this.name}.json`), JSON.stringify({ runner: 'playwright', ...this.counts }));
  }
}

module.exports = SummaryReporter;
