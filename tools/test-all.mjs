// `npm test`: every check CI runs — formatting, lint, unit, integration, build, HTTP and browser e2e,
// the bench's smoke run —
// then one closing line `N passed, N failed` summed over every test runner.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const env = {
  ...process.env,
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NX_TUI: 'false',
  NX_INTERACTIVE: 'false',
};
const extra = process.argv.slice(2);

rmSync(join(root, 'test-output', 'results'), { recursive: true, force: true });
const format = spawnSync('npx', ['prettier', '--check', '--log-level=warn', '.'], {
  cwd: root,
  env,
  stdio: 'inherit',
});
if (format.status !== 0) {
  console.error('Formatting differs from Prettier: run `npm run format`.');
}
const nx = spawnSync(
  'npx',
  [
    'nx',
    'run-many',
    '-t',
    'lint',
    'test',
    'build',
    'int-test',
    'e2e',
    // `npm run bench -- --smoke`: the bench still runs (its figures are not checked).
    'smoke',
    '--parallel=2',
    '--outputStyle=static',
    ...extra,
  ],
  { cwd: root, env, stdio: 'inherit' },
);
const summary = spawnSync('node', [join(root, 'tools', 'test-summary.mjs')], { cwd: root, stdio: 'inherit' });
const failed = [format.status, nx.status, summary.status].find((status) => status !== 0);
process.exit(failed === undefined ? 0 : (failed ?? 1));
