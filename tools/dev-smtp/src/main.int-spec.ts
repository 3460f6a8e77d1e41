import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { createTransport } from 'nodemailer';
import { waitUntil } from '@mailroute/testing';
import { ReadyInfo } from './ready-file';

const WORKSPACE_ROOT = resolve(__dirname, '../../..');

/**
 * The `serve` target's command (the built bundle, which the int-test target builds first), so this
 * test runs exactly what `nx serve dev-smtp` and `npm start` run.
 */
function serveTarget(): { command: string } {
  const project = JSON.parse(readFileSync(join(__dirname, '..', 'project.json'), 'utf8')) as {
    targets: { serve: { options: { command: string } } };
  };
  return project.targets.serve.options;
}

interface Catcher {
  process: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

function startCatcher(dataDir: string, mailDir: string, ports: string[] = ['0', '0']): Catcher {
  const { command } = serveTarget();
  let output = '';
  const child = spawn(
    '/bin/sh',
    [
      '-c',
      `exec ${command} "$@"`,
      'dev-smtp',
      '--data-dir',
      dataDir,
      '--mail-dir',
      mailDir,
      '--tls-port',
      ports[0],
      '--starttls-port',
      ports[1],
    ],
    {
      cwd: WORKSPACE_ROOT,
      env: { ...process.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolveExit) =>
    child.once('close', (code) => resolveExit(code)),
  );
  return { process: child, output: () => output, exited };
}

function readReady(dataDir: string): ReadyInfo | undefined {
  const file = join(dataDir, 'ready.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ReadyInfo) : undefined;
}

describe('dev-smtp (the serve command)', () => {
  let workDir: string;
  let dataDir: string;
  let mailDir: string;
  let catcher: Catcher | undefined;

  beforeAll(() => {
    workDir = mkdtempSync(join(tmpdir(), 'mailroute-dev-smtp-'));
    dataDir = join(workDir, 'data');
    mailDir = join(workDir, 'mail');
  });

  afterEach(async () => {
    if (catcher && catcher.process.exitCode === null) {
      catcher.process.kill('SIGKILL');
      await catcher.exited;
    }
    catcher = undefined;
  });

  afterAll(() => {
    rmSync(workDir, { recursive: true, force: true });
  });

  async function startAndWaitReady(): Promise<ReadyInfo> {
    catcher = startCatcher(dataDir, mailDir);
    const running = catcher;
    return waitUntil(
      () => {
        if (running.process.exitCode !== null) {
          throw new Error(`dev-smtp exited with ${running.process.exitCode}:\n${running.output()}`);
        }
        return readReady(dataDir);
      },
      { description: 'dev-smtp to write ready.json', timeoutMs: 20_000, intervalMs: 50 },
    );
  }

  it('catches authenticated mail on both ports, saves .eml files, and cleans up on SIGTERM', async () => {
    const ready = await startAndWaitReady();
    expect(ready).toMatchObject({
      user: 'mailroute',
      password: 'mailroute',
      caFile: join(dataDir, 'cert.pem'),
    });
    expect(catcher?.output()).toContain(
      `PLATFORM_SMTP_URL=smtps://mailroute:mailroute@127.0.0.1:${ready.tlsPort}`,
    );
    expect(catcher?.output()).toContain(`PLATFORM_SMTP_CA_FILE=${ready.caFile}`);

    const ca = readFileSync(ready.caFile, 'utf8');
    const auth = { user: ready.user, pass: ready.password };
    const tls = { ca, servername: 'localhost' };
    await createTransport({ host: '127.0.0.1', port: ready.tlsPort, secure: true, auth, tls }).sendMail({
      from: 'noreply@mailroute.test',
      to: 'ada@example.test',
      subject: 'Over implicit TLS',
      text: 'one',
    });
    await createTransport({
      host: '127.0.0.1',
      port: ready.starttlsPort,
      secure: false,
      requireTLS: true,
      auth,
      tls,
    }).sendMail({
      from: 'noreply@mailroute.test',
      to: 'grace@example.test',
      subject: 'Over STARTTLS',
      text: 'two',
    });
    const wrongPassword = createTransport({
      host: '127.0.0.1',
      port: ready.tlsPort,
      secure: true,
      auth: { ...auth, pass: 'nope' },
      tls,
    });
    await expect(
      wrongPassword.sendMail({ from: 'a@mailroute.test', to: 'b@example.test', text: 'x' }),
    ).rejects.toMatchObject({ responseCode: 535 });

    const files = readdirSync(mailDir).sort();
    expect(files).toHaveLength(2);
    expect(readFileSync(join(mailDir, files[0]), 'utf8')).toContain('Subject: Over implicit TLS');
    expect(readFileSync(join(mailDir, files[1]), 'utf8')).toContain('Subject: Over STARTTLS');
    await waitUntil(() => catcher?.output().includes('"Over STARTTLS"'), {
      description: 'the log line of the second message',
    });
    expect(catcher?.output()).toMatch(
      /noreply@mailroute\.test → ada@example\.test {2}"Over implicit TLS" {2}\S+\.eml/,
    );

    catcher?.process.kill('SIGTERM');
    expect(await catcher?.exited).toBe(0);
    expect(readReady(dataDir)).toBeUndefined();
  });

  it('names the port that is taken and exits with code 1', async () => {
    const taken = createServer();
    await new Promise<void>((listening) => taken.listen(0, '127.0.0.1', listening));
    const address = taken.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      catcher = startCatcher(dataDir, mailDir, [String(port), '0']);

      expect(await catcher.exited).toBe(1);
      expect(catcher.output()).toContain(`dev-smtp: port ${port} is in use (the implicit TLS port)`);
      expect(readReady(dataDir)).toBeUndefined();
    } finally {
      taken.close();
    }
  });

  it('reuses its certificate on the next start', async () => {
    const first = await startAndWaitReady();
    const certificate = readFileSync(first.caFile, 'utf8');
    catcher?.process.kill('SIGINT');
    expect(await catcher?.exited).toBe(0);

    const second = await startAndWaitReady();

    expect(readFileSync(second.caFile, 'utf8')).toBe(certificate);
    expect(catcher?.output()).not.toContain('made a new one');
  });
});
