// `npm start`: Mailroute on its embedded defaults, in one terminal. Builds the API and the web
// app, starts the development SMTP catcher (unless PLATFORM_SMTP_URL is set) and the API, which
// serves the web app on the same port, then prints where to sign in. Ctrl-C stops everything.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = join(import.meta.dirname, '..');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };
const dataDir = resolve(root, env.DATA_DIR ?? 'data');
const port = env.PORT ?? '3000';
const children = [];

function stopAll(code) {
  for (const child of children) {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
    }
  }
  process.exitCode = code;
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

function run(name, command, args, extraEnv = {}) {
  const child = spawn(command, args, { cwd: root, env: { ...env, ...extraEnv }, stdio: 'inherit' });
  child.on('exit', (code, signal) => {
    if (code !== 0 && signal === null && children.every((c) => c.exitCode === null || c === child)) {
      console.error(`\n${name} stopped (exit code ${code}); stopping the rest.`);
      stopAll(code ?? 1);
    }
  });
  children.push(child);
  return child;
}

async function waitFor(what, check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what} did not become ready within ${timeoutMs / 1000} s`);
}

console.log('Building the API and the web app…');
const build = spawnSync(
  'npx',
  ['nx', 'run-many', '-t', 'build', '-p', 'api', 'web', '--outputStyle=static'],
  {
    cwd: root,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  },
);
if (build.status !== 0) {
  process.exit(build.status ?? 1);
}

const apiEnv = {};
let devSmtp = null;
if (!env.PLATFORM_SMTP_URL) {
  const ready = join(dataDir, 'dev-smtp', 'ready.json');
  rmSync(ready, { force: true });
  run(
    'The development SMTP catcher',
    'node',
    [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      'tools/dev-smtp/src/main.ts',
      '--data-dir',
      join(dataDir, 'dev-smtp'),
      '--mail-dir',
      join(dataDir, 'dev-mail'),
    ],
    {
      TS_NODE_PROJECT: 'tools/dev-smtp/tsconfig.json',
    },
  );
  await waitFor('The development SMTP catcher', () => existsSync(ready), 30_000);
  const smtp = JSON.parse(readFileSync(ready, 'utf8'));
  apiEnv.PLATFORM_SMTP_URL = `smtps://${smtp.user}:${smtp.password}@127.0.0.1:${smtp.tlsPort}`;
  apiEnv.PLATFORM_SMTP_CA_FILE = smtp.caFile;
  // The catcher listens on free ports: let an organization's "own server" be the catcher too.
  if (!env.SMTP_ALLOWED_PORTS && env.NODE_ENV !== 'production') {
    apiEnv.SMTP_ALLOWED_PORTS = '*';
  }
  devSmtp = smtp;
}

run('The API', 'node', ['dist/apps/api/main.js'], apiEnv);
const url = `http://localhost:${port}`;
await waitFor(
  'The API',
  () =>
    fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    ),
  60_000,
);

const generated = join(dataDir, 'admin-password.txt');
const email = env.ADMIN_EMAIL ?? 'admin@mailroute.local';
const password = env.ADMIN_PASSWORD
  ? '(the ADMIN_PASSWORD you set)'
  : existsSync(generated)
    ? readFileSync(generated, 'utf8').trim()
    : `(set on first start; see ${generated})`;
console.log(`
  Mailroute is running at ${url}
  Sign in as ${email} with password ${password}
  API docs: ${url}/api/docs · emails sent by the platform land in ${join(dataDir, 'dev-mail')}
  Press Ctrl-C to stop.
`);
if (devSmtp) {
  console.log(`  To try General settings › SMTP server without a real server, use the catcher:
  host 127.0.0.1, port ${devSmtp.tlsPort} (implicit TLS) or ${devSmtp.starttlsPort} (STARTTLS),
  username ${devSmtp.user}, password ${devSmtp.password}, CA certificate: the PEM in ${devSmtp.caFile}
`);
}
