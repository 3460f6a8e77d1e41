import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signIn } from '@mailroute/api/core/testing';
import {
  type BuiltApiProcess,
  startBuiltApi,
  startTestSmtpServer,
  type TestSmtpServer,
} from '@mailroute/testing';
import { WORKER_READY } from './support/deployment';

const ADMIN = { email: 'owner@worker.test', password: 'worker-e2e-admin-password' };

describe('`main.js worker`: a sender without HTTP', () => {
  it('refuses to start with MAIL_DISPATCHER=false, saying why', async () => {
    const worker = await startBuiltApi({
      args: ['worker'],
      env: { MAIL_DISPATCHER: 'false' },
      waitFor: false,
    });
    expect((await worker.ended).code).toBe(1);
    expect(worker.output()).toContain('MAIL_DISPATCHER: is false, but `worker` exists to send emails');
    expect(worker.output()).not.toMatch(/\n\s+at /);
  });

  describe('beside an API-only process on one SQLite file, without Redis', () => {
    let platform: TestSmtpServer;
    let api: BuiltApiProcess | undefined;
    let worker: BuiltApiProcess | undefined;

    beforeAll(async () => {
      platform = await startTestSmtpServer({ security: 'tls' });
    });

    afterAll(async () => {
      await Promise.all([api?.stop(), worker?.stop()]);
      await platform?.close();
    });

    it('sends what the API enqueued, and stops gracefully on SIGTERM', async () => {
      const shared = mkdtempSync(join(tmpdir(), 'mailroute-worker-e2e-'));
      const caFile = join(shared, 'platform-ca.pem');
      writeFileSync(caFile, platform.ca);
      const env = {
        DATABASE_URL: `sqlite:${join(shared, 'mailroute.sqlite')}`,
        SECRETS_KEY: randomBytes(32).toString('base64'),
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        PLATFORM_SMTP_URL: `smtps://127.0.0.1:${platform.port}`,
        PLATFORM_SMTP_CA_FILE: caFile,
      };
      api = await startBuiltApi({ env: { ...env, MAIL_DISPATCHER: 'false' } });
      worker = await startBuiltApi({ args: ['worker'], env, waitFor: { output: WORKER_READY } });
      expect(worker.output()).toContain('in-process dispatcher, sqlite database');
      // No HTTP: nothing answers on the port it was given.
      await expect(fetch(`http://127.0.0.1:${worker.port}/api/health`)).rejects.toThrow();

      const token = await signIn(api.baseUrl, ADMIN);
      const invited = await fetch(`${api.baseUrl}/api/invitations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'newcomer@worker.test', role: 'member' }),
      });
      expect(invited.status).toBe(201);
      const [message] = await platform.waitForMessages(1, { timeoutMs: 15_000 });
      expect(message?.envelope.rcptTo).toEqual(['newcomer@worker.test']);

      await worker.stop();
      expect(await worker.ended).toEqual({ code: 0, signal: null, killed: false });
      expect(worker.output()).toContain('SIGTERM: the worker stops once the sends in flight are recorded');
    });
  });
});
