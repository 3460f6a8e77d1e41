// Prints the plain closing line CI reads: `N passed, N failed[, N skipped]`, summed over every
// runner's summary file written during this run (jest reporters and Playwright's JSON report).
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(import.meta.dirname, '..', 'test-output', 'results');
const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of files) {
  const summary = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  passed += summary.passed;
  failed += summary.failed;
  skipped += summary.skipped;
  console.log(
    `  ${file.replace(/\.json$/, '').padEnd(36)} ${summary.passed} passed, ${summary.failed} failed`,
  );
}
if (files.length === 0) {
  console.log('No test results were written.');
  failed += 1;
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed > 0 ? 1 : 0;
