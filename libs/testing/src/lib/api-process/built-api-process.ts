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
  /** Wait for /api/health (default). Off for tests of a process that must fail to start. */
  waitForHealth?: boolean;
}

export interface BuiltApiProcess {
  baseUrl: string;
  port: number;
  dataDir: string;
  /** Everything the process wrote so far, stdout and stderr interleaved. */
  output(): string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
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
  const dataDir = mkdtempSync(join(tmpdir(), 'mailroute-api-'));
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [bundle], {
    cwd: dataDir,
    env: {
      PATH: process.env['PATH'] ?? '',
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
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
  const exited = new Promise<number | null>((resolveExit) =>
    child.once('exit', (code) => {
      process.removeListener('exit', killOnExit);
      resolveExit(code);
    }),
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
  };

  if (options.waitForHealth ?? true) {
    try {
      await waitUntil(
        async () => {
          if (child.exitCode !== null) {
            throw new Error(`the API exited with code ${child.exitCode}:\n${output}`);
          }
          return (await fetch(`${baseUrl}/api/health`).catch(() => null))?.ok ?? false;
        },
        { description: `the API on ${baseUrl} to answer /api/health`, timeoutMs: 60_000, intervalMs: 100 },
      );
    } catch (error) {
      await stop();
      throw error;
    }
  }
  return { baseUrl, port, dataDir, output: () => output, exited, stop };
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
