import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findFreePort, waitUntil } from '@mailroute/testing';

/**
 * `npm start` (tools/start.mjs) as a newcomer runs it, on the bundles the int-test target builds
 * first (`--no-build`, so every test reuses one build).
 */
const WORKSPACE_ROOT = resolve(__dirname, '../../..');
const ADMIN = { email: 'admin@start.test', password: 'start-test-admin-password' };
const READY_MS = 90_000;

interface Started {
  child: ChildProcess;
  port: number;
  dataDir: string;
  stdout(): string;
  stderr(): string;
  ended: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const started: Started[] = [];
const workDirs: string[] = [];

/** Runs the command in its own process group, as a terminal runs a foreground job. */
function launch(command: string, args: string[], env: Record<string, string>): Started {
  const dataDir = mkdtempSync(join(tmpdir(), 'mailroute-start-'));
  workDirs.push(dataDir);
  const child = spawn(command, args, {
    cwd: WORKSPACE_ROOT,
    detached: true,
    env: {
      PATH: process.env['PATH'] ?? '/usr/bin:/bin',
      HOME: process.env['HOME'] ?? tmpdir(),
      NODE_ENV: 'development',
      DATA_DIR: dataDir,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveEnd) =>
    child.once('close', (code, signal) => resolveEnd({ code, signal })),
  );
  const run: Started = {
    child,
    port: Number(env['PORT']),
    dataDir,
    stdout: () => stdout,
    stderr: () => stderr,
    ended,
  };
  started.push(run);
  return run;
}

async function startMailroute(env: Record<string, string> = {}): Promise<Started> {
  const port = await findFreePort();
  return launch(process.execPath, ['tools/start.mjs', '--no-build'], { PORT: String(port), ...env });
}

function output(run: Started): string {
  return `stdout:\n${run.stdout()}\nstderr:\n${run.stderr()}`;
}

/** Waits for the line start.mjs prints once the API answers; fails at once if it ended instead. */
function running(run: Started): Promise<true> {
  let endedEarly = false;
  void run.ended.then(() => (endedEarly = true));
  return waitUntil(
    () => {
      if (endedEarly) {
        throw new Error(`npm start ended before it was running:\n${output(run)}`);
      }
      return run.stdout().includes(`Mailroute is running at http://localhost:${run.port}`);
    },
    { description: `Mailroute on port ${run.port} to be running`, timeoutMs: READY_MS, intervalMs: 100 },
  );
}

function catcherPorts(run: Started): number[] {
  const match = /listens on 127\.0\.0\.1, port (\d+) \(implicit TLS\) and (\d+) \(STARTTLS\)/.exec(
    run.stdout(),
  );
  if (!match) {
    throw new Error(`npm start printed no catcher ports:\n${output(run)}`);
  }
  return [Number(match[1]), Number(match[2])];
}

async function interrupt(run: Started): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (run.child.pid !== undefined) {
    process.kill(-run.child.pid, 'SIGINT');
  }
  return within(run.ended, 60_000, `npm start on port ${run.port} to end after SIGINT`);
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting for ${what}`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

async function call(run: Started, method: string, path: string, body?: unknown, token?: string) {
  const response = await fetch(`http://127.0.0.1:${run.port}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Invites `email` as the admin: the invitation goes out through the platform SMTP server. */
async function sendInvitation(run: Started, email: string): Promise<void> {
  const login = await call(run, 'POST', '/api/auth/login', ADMIN);
  expect(login.status).toBe(200);
  const invited = await call(
    run,
    'POST',
    '/api/invitations',
    { email, role: 'member' },
    String(login.body['accessToken']),
  );
  expect(invited.status).toBe(201);
}

/** The .eml files in this instance's catcher folder, as text. */
function caughtMail(run: Started): string[] {
  const folder = join(run.dataDir, 'dev-mail');
  return existsSync(folder)
    ? readdirSync(folder)
        .filter((file) => file.endsWith('.eml'))
        .map((file) => readFileSync(join(folder, file), 'utf8'))
    : [];
}

function occupyPort(): Promise<{ server: Server; port: number }> {
  return new Promise((resolveListen, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolveListen({ server, port: typeof address === 'object' && address !== null ? address.port : 0 });
    });
  });
}

/** Whether a fresh server can listen on the port, i.e. nothing holds it any more. */
function isFree(port: number): Promise<boolean> {
  return new Promise((resolveCheck) => {
    const probe = createServer();
    probe.once('error', () => resolveCheck(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolveCheck(true)));
  });
}

afterEach(async () => {
  for (const run of started.splice(0)) {
    if (run.child.exitCode === null && run.child.signalCode === null && run.child.pid !== undefined) {
      process.kill(-run.child.pid, 'SIGKILL');
      await run.ended;
    }
  }
});

afterAll(() => {
  for (const dir of workDirs) {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('npm start', () => {
  it('runs two instances side by side, each with its own catcher on its own free ports', async () => {
    const first = await startMailroute();
    const second = await startMailroute();
    await Promise.all([running(first), running(second)]);

    const ports = [...catcherPorts(first), ...catcherPorts(second)];
    expect(new Set(ports).size).toBe(4);
    for (const run of [first, second]) {
      expect(await call(run, 'GET', '/api/health')).toEqual({
        status: 200,
        body: { status: 'ok', database: 'up' },
      });
    }

    await sendInvitation(first, 'first-invitee@start.test');
    await sendInvitation(second, 'second-invitee@start.test');
    for (const [run, invitee] of [
      [first, 'first-invitee@start.test'],
      [second, 'second-invitee@start.test'],
    ] as const) {
      await waitUntil(() => caughtMail(run).some((eml) => eml.includes(`To: ${invitee}`)), {
        description: `the invitation to ${invitee} in ${run.dataDir}/dev-mail`,
        timeoutMs: 30_000,
        intervalMs: 100,
      });
    }
    expect(caughtMail(first).some((eml) => eml.includes('second-invitee@start.test'))).toBe(false);
    expect(caughtMail(second).some((eml) => eml.includes('first-invitee@start.test'))).toBe(false);

    for (const run of [first, second]) {
      expect(run.stdout() + run.stderr()).not.toContain('Unsupported route path');
      expect(await interrupt(run)).toEqual({ code: 0, signal: null });
    }
  }, 180_000);

  it('names the API port that is taken, before building anything', async () => {
    const taken = await occupyPort();
    try {
      // Without --no-build: the check must come first, so this ends without a build.
      const run = launch(process.execPath, ['tools/start.mjs'], { PORT: String(taken.port) });
      const end = await within(run.ended, 30_000, 'npm start to refuse the taken port');

      expect(end.code).toBe(1);
      expect(run.stderr()).toContain(`port ${taken.port} is in use (PORT)`);
      expect(run.stdout()).not.toContain('Building');
    } finally {
      taken.server.close();
    }
  });

  it('names a catcher port that is taken', async () => {
    const taken = await occupyPort();
    try {
      const run = await startMailroute({ DEV_SMTP_STARTTLS_PORT: String(taken.port) });
      const end = await within(run.ended, 30_000, 'npm start to refuse the taken port');

      expect(end.code).toBe(1);
      expect(run.stderr()).toContain(`port ${taken.port} is in use (DEV_SMTP_STARTTLS_PORT)`);
    } finally {
      taken.server.close();
    }
  });

  it('stops every child on SIGINT to its process group, with exit code 0 and no error line', async () => {
    const run = await startMailroute();
    await running(run);
    const ports = [run.port, ...catcherPorts(run)];

    expect(await interrupt(run)).toEqual({ code: 0, signal: null });

    expect(run.stderr()).toBe('');
    expect(run.stdout()).not.toMatch(/stopped \(|ended \(|error/i);
    for (const port of ports) {
      expect(await isFree(port)).toBe(true);
    }
  }, 120_000);
});
