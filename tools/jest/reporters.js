const { join } = require('node:path');

/**
 * Reporters for every jest config: Jest's default output plus the summary file that CI counts.
 * `name` must be `<nx project>.<tier>` (tier: unit | int | e2e) to match the targets' declared outputs.
 */
function reportersFor(name) {
  return ['default', [join(__dirname, 'summary-reporter.js'), { name }]];
}

module.exports = { reportersFor };
