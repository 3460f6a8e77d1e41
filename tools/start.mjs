// `npm start`: Mailroute on its embedded defaults, in one terminal. Builds the API, the web app and
// the development SMTP catcher, starts the catcher (unless PLATFORM_SMTP_URL is set) on free ports
// and the API, which serves the web app on the same port, then prints where to sign in. Ctrl-C
// stops everything. `npm start -- --no-build` runs what dist/ already holds.
//
// Every child runs in its own process group and gets exactly one stop signal, from here: Ctrl-C
// reaches only this process (and npm), not the children directly, so a child never sees the same
// request twice (once from the terminal, once passed on) and takes the second one for "hurry up".
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

const root = join(import.meta.dirname, '..');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };
const dataDir = resolve(root, env.DATA_DIR ?? 'data');
const API_BUNDLE = join('dist', 'apps', 'api', 'main.js');
const DEV_SMTP_BUNDLE = join('dist', 'tools', 'dev-smtp', 'main.js');
/** How many of a child's last stderr lines are quoted when it ends before it is ready. */
const ERROR_LINES = 20;

/** A problem the person starting Mailroute can fix; printed without a stack trace. */
class StartError extends Error {}

const running = new Set();
let stopping = false;

/** Sends `signal` once to every running child's process group. Repeats are the same request. */
function stopAll(signal) {
  if (stopping) {
    return;
  }
  stopping = true;
  for (const child of running) {
    signalGroup(child, signal);
  }
}

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

process.on('SIGINT', () => stopAll('SIGINT'));
process.on('SIGTERM', () => stopAll('SIGTERM'));
process.on('SIGHUP', () => stopAll('SIGTERM'));
// Whatever ends this process, no child keeps running behind it.
process.on('exit', () => running.forEach((child) => signalGroup(child, 'SIGKILL')));

/**
 * Starts a child in its own process group. Its stdout goes straight to ours; its stderr is held
 * back until it is ready (`markReady`), so a child that fails to start is reported once, in the
 * message that says so, with its last error lines.
 */
function startChild(name, command, args, { extraEnv = {}, ipc = false } = {}) {
  const child = spawn(command, args, {
    cwd: root,
    env: { ...env, ...extraEnv },
    detached: true,
    stdio: ['ignore', 'inherit', 'pipe', ...(ipc ? ['ipc'] : [])],
  });
  running.add(child);
  const errorLines = [];
  let partialLine = '';
  let held = [];
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text) => {
    if (held === null) {
      process.stderr.write(text);
    } else {
      held.push(text);
    }
    const lines = (partialLine + text).split('\n');
    partialLine = lines.pop();
    errorLines.push(...lines.filter((line) => line.trim() !== ''));
    errorLines.splice(0, Math.max(0, errorLines.length - ERROR_LINES));
  });
  const lastErrorLines = () =>
    [...errorLines, partialLine].filter((line) => line.trim() !== '').slice(-ERROR_LINES);
  const ended = new Promise((resolveEnd) =>
    child.once('close', (code, signal) => {
      running.delete(child);
      resolveEnd({ code, signal });
    }),
  );
  const describeEnd = ({ code, signal }) => (signal ? `signal ${signal}` : `exit code ${code}`);
  return {
    name,
    child,
    ended,
    markReady() {
      held.forEach((chunk) => process.stderr.write(chunk));
      held = null;
    },
    /** Rejects with the child's last error lines if it ends before `ready` settles. */
    async until(ready) {
      const outcome = await Promise.race([
        ready.then((value) => ({ value })),
        ended.then((end) => ({ end })),
      ]);
      if (!outcome.end) {
        return outcome.value;
      }
      if (stopping) {
        return undefined;
      }
      const last = lastErrorLines();
      const lines = last.length > 0 ? `:\n  ${last.join('\n  ')}` : ' (it wrote no error).';
      throw new StartError(`${name} ended (${describeEnd(outcome.end)}) before it was ready${lines}`);
    },
    /** After start-up: an end nobody asked for stops the rest. */
    watch() {
      void ended.then((end) => {
        const quiet = stopping && (end.signal !== null || end.code === 0);
        if (!quiet) {
          console.error(`\n${name} stopped (${describeEnd(end)}); stopping the rest.`);
          process.exitCode = end.code || 1;
          stopAll('SIGTERM');
        }
      });
    },
  };
}

function parsePort(variable, value, { allowZero }) {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535 || (port === 0 && !allowZero)) {
    throw new StartError(
      `${variable} must be a port number from ${allowZero ? 0 : 1} to 65535, got "${value}"`,
    );
  }
  return port;
}

/** Fails, naming the port and the variable, when something already listens on host:port. */
async function ensurePortFree(host, port, variable) {
  await new Promise((resolveCheck, rejectCheck) => {
    const probe = createServer();
    probe.once('error', (error) =>
      rejectCheck(
        error.code === 'EADDRINUSE'
          ? new StartError(
              `port ${port} is in use (${variable}): stop what listens there, or give this instance ` +
                `another port (${variable}=<free port> npm start).`,
            )
          : new StartError(`cannot listen on ${host}:${port} (${variable}): ${error.message}`),
      ),
    );
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolveCheck()));
  });
}

/** Resolves once the API answers its health check: its own signal that it serves requests. */
async function apiHealthy(url) {
  for (;;) {
    const ok = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (ok || stopping) {
      return ok;
    }
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 200));
  }
}

async function main() {
  const args = process.argv.slice(2);
  const unknown = args.filter((arg) => arg !== '--no-build');
  if (unknown.length > 0) {
    throw new StartError(`unknown argument ${unknown[0]} (the only option is --no-build)`);
  }
  const build = !args.includes('--no-build');
  const production = env.NODE_ENV === 'production';
  const withCatcher = !env.PLATFORM_SMTP_URL;

  const apiHost = env.HOST || (production ? '0.0.0.0' : '127.0.0.1');
  const apiPort = parsePort('PORT', env.PORT || '3000', { allowZero: false });
  await ensurePortFree(apiHost, apiPort, 'PORT');
  const catcherPorts = withCatcher
    ? [
        ['DEV_SMTP_TLS_PORT', env.DEV_SMTP_TLS_PORT],
        ['DEV_SMTP_STARTTLS_PORT', env.DEV_SMTP_STARTTLS_PORT],
      ].filter(([, value]) => value)
    : [];
  for (const [variable, value] of catcherPorts) {
    const port = parsePort(variable, value, { allowZero: true });
    if (port !== 0) {
      await ensurePortFree('127.0.0.1', port, variable);
    }
  }

  const projects = ['api', 'web', ...(withCatcher ? ['dev-smtp'] : [])];
  if (build) {
    console.log(
      `Building ${withCatcher ? 'the API, the web app and the SMTP catcher' : 'the API and the web app'}…`,
    );
    const nx = startChild('The build', 'npx', [
      'nx',
      'run-many',
      '-t',
      'build',
      '-p',
      ...projects,
      '--outputStyle=static',
    ]);
    nx.markReady();
    const end = await nx.ended;
    if (stopping) {
      return;
    }
    if (end.code !== 0) {
      process.exitCode = end.code || 1;
      return;
    }
  } else {
    for (const bundle of [API_BUNDLE, ...(withCatcher ? [DEV_SMTP_BUNDLE] : [])]) {
      if (!existsSync(join(root, bundle))) {
        throw new StartError(`${bundle} is not built: run \`npm start\` without --no-build`);
      }
    }
  }

  // A person reads this terminal: readable logs, unless asked otherwise (production stays JSON).
  const apiEnv = !env.LOG_FORMAT && !production ? { LOG_FORMAT: 'pretty' } : {};
  let catcher = null;
  if (withCatcher) {
    const devSmtp = startChild(
      'The development SMTP catcher',
      process.execPath,
      [DEV_SMTP_BUNDLE, '--data-dir', join(dataDir, 'dev-smtp'), '--mail-dir', join(dataDir, 'dev-mail')],
      { ipc: true },
    );
    const ready = new Promise((resolveReady) =>
      devSmtp.child.on('message', (message) => {
        if (message?.type === 'dev-smtp-ready') {
          resolveReady(message.ready);
        }
      }),
    );
    catcher = await devSmtp.until(ready);
    if (stopping) {
      return;
    }
    devSmtp.markReady();
    devSmtp.watch();
    const credentials = `${encodeURIComponent(catcher.user)}:${encodeURIComponent(catcher.password)}`;
    apiEnv.PLATFORM_SMTP_URL = `smtps://${credentials}@127.0.0.1:${catcher.tlsPort}`;
    apiEnv.PLATFORM_SMTP_CA_FILE = catcher.caFile;
    // The catcher listens on free ports: let an organization's "own server" be the catcher too.
    if (!env.SMTP_ALLOWED_PORTS && !production) {
      apiEnv.SMTP_ALLOWED_PORTS = '*';
    }
  }

  // Checked again: the build may have taken long enough for something else to take the port.
  await ensurePortFree(apiHost, apiPort, 'PORT');
  const api = startChild('The API', process.execPath, [API_BUNDLE], { extraEnv: apiEnv });
  const probeHost = ['0.0.0.0', '::', ''].includes(apiHost) ? '127.0.0.1' : apiHost;
  const probeUrl = `http://${probeHost.includes(':') ? `[${probeHost}]` : probeHost}:${apiPort}`;
  const healthy = await api.until(apiHealthy(probeUrl));
  if (!healthy || stopping) {
    return;
  }
  api.markReady();
  api.watch();

  const url = `http://localhost:${apiPort}`;
  const generated = join(dataDir, 'admin-password.txt');
  const email = env.ADMIN_EMAIL ?? 'admin@mailroute.local';
  const password = env.ADMIN_PASSWORD
    ? '(the ADMIN_PASSWORD you set)'
    : existsSync(generated)
      ? readFileSync(generated, 'utf8').trim()
      : `(set on first start; see ${generated})`;
  const mail = catcher
    ? `emails sent by the platform land in ${join(dataDir, 'dev-mail')}`
    : `emails go to PLATFORM_SMTP_URL`;
  console.log(`
  Mailroute is running at ${url}
  Sign in as ${email} with password ${password}
  API docs: ${url}/api/docs · ${mail}
  Press Ctrl-C to stop.
`);
  if (catcher) {
    console.log(`  The development SMTP catcher listens on 127.0.0.1, port ${catcher.tlsPort} (implicit TLS) and ${catcher.starttlsPort} (STARTTLS).
  To try General settings › SMTP server without a real server, use it: host 127.0.0.1, one of those ports,
  username ${catcher.user}, password ${catcher.password}, CA certificate: the PEM in ${catcher.caFile}
`);
  }
}

main().catch((error) => {
  console.error(error instanceof StartError ? `Mailroute cannot start: ${error.message}` : error);
  process.exitCode = 1;
  stopAll('SIGTERM');
});
