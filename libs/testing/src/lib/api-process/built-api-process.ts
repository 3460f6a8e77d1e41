import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findFreePort } from '../net/free-port';
import { waitUntil } from '../polling/wait-until';

/** Where `nx build api` puts the API bundle, from the workspace root. */
const API_BUNDLE = join('dist', 'apps', 'api', 'main.js');

export interface BuiltApiOptions {
  /** Environment for the process, on top of test defaults (loopback host, free port, temp data folder). */
  env?: Record<string, string>;
  /** The command and its arguments, e.g. `['worker']`. Default: none (`serve`). */
  args?: string[];
  /**
   * What tells that the process is ready: `health` (default) waits for /api/health; `{ output }`
   * waits until the output contains that text (a process without HTTP, e.g. `worker`); `false`
   * does not wait (tests of a process that must fail to start).
   */
  waitFor?: 'health' | { output: string } | false;
}

/** How the process ended. */
export interface BuiltApiExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** True when `stop()` had to kill it (SIGKILL): it did not end within 10 s of SIGTERM. */
  killed: boolean;
}

export interface BuiltApiProcess {
  baseUrl: string;
  port: number;
  dataDir: string;
  /** Everything the process wrote so far, stdout and stderr interleaved. */
  output(): string;
  /** Resolves with how the process ended, once it has. */
  ended: Promise<BuiltApiExit>;
  /** SIGTERM, then SIGKILL if it has not ended 10 s later; resolves once it has ended. */
  stop(): Promise<void>;
}

/**
 * Runs the production bundle of the API (`dist/apps/api/main.js`) as its own process, the way an
 * operator runs it, on 127.0.0.1 and a free port, with a temporary data folder (SQLite file,
 * generated files). The bundle must be built first (`nx build api`; e2e targets depend on it).
 */
export async function startBuiltApi(options: BuiltApiOptions = {}): Promise<BuiltApiProcess> {
  const bundle = builtApiBundle();
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'mailroute-api-'));
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [bundle, ...(options.args ?? [])], {
    cwd: dataDir,
    env: {
      PATH: process.env['PATH'] ?? '',
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      // Links in the emails it sends point at this process, as they would in production.
      PUBLIC_URL: baseUrl,
      SECRETS_KEY: randomBytes(32).toString('base64'),
      LOG_LEVEL: 'info',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // A test process that dies without stop() must not leave an API running behind it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  let killed = false;
  const ended = new Promise<BuiltApiExit>((resolveExit) =>
    child.once('exit', (code, signal) => {
      process.removeListener('exit', killOnExit);
      resolveExit({ code, signal, killed });
    }),
  );
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => {
        killed = true;
        child.kill('SIGKILL');
      }, 10_000);
      await ended;
      clearTimeout(timer);
    }
  };

  const waitFor = options.waitFor ?? 'health';
  if (waitFor !== false) {
    const description =
      waitFor === 'health'
        ? `the API on ${baseUrl} to answer /api/health`
        : `the process to print ${JSON.stringify(waitFor.output)}`;
    try {
      await waitUntil(
        async () => {
          if (child.exitCode !== null) {
            throw new Error(`the process exited with code ${child.exitCode}:\n${output}`);
          }
          if (waitFor !== 'health') {
            return output.includes(waitFor.output);
          }
          return (await fetch(`${baseUrl}/api/health`).catch(() => null))?.ok ?? false;
        },
        { description, timeoutMs: 60_000, intervalMs: 100 },
      );
    } catch (error) {
      await stop();
      throw error;
    }
  }
  return { baseUrl, port, dataDir, output: () => output, ended, stop };
}

/** The absolute path of the built API bundle, for tests that run one of its other commands. */
export function builtApiBundle(): string {
  const bundle = join(findWorkspaceRoot(), API_BUNDLE);
  if (!existsSync(bundle)) {
    throw new Error(`${bundle} does not exist: run \`npx nx build api\` first`);
  }
  return bundle;
}

function findWorkspaceRoot(): string {
  let dir = process.cwd();
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = resolve(dir, '..');
    if (parent === dir) {
      throw new Error('Not inside the Mailroute workspace (no nx.json above the current folder)');
    }
    dir = parent;
  }
  return dir;
}
