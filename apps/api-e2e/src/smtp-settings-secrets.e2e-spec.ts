import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { signIn } from '@mailroute/api/core/testing';
import type { ConnectionTestReport } from '@mailroute/shared/contracts';
import {
  builtApiBundle,
  startBuiltApi,
  startTestSmtpServer,
  type BuiltApiProcess,
  type TestSmtpServer,
} from '@mailroute/testing';

const ADMIN = { email: 'owner@secrets.test', password: 'secrets-admin-password-01' };
const SMTP_USER = { username: 'app@acme.test', password: 'Unmistakable-SMTP-Secret-7f3a' };

/**
 * The production bundle, as operators run it: the organization's SMTP password is sealed at
 * rest, never answered, never logged, and survives a SECRETS_KEY rotation.
 */
describe('the SMTP password in the built API', () => {
  let smtp: TestSmtpServer;
  let platform: TestSmtpServer;
  let api: BuiltApiProcess;
  const firstKey = randomBytes(32).toString('base64');
  let platformEnv: Record<string, string>;

  const baseEnv = () => ({
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'debug',
    SMTP_ALLOW_PRIVATE_HOSTS: 'true',
    SMTP_ALLOWED_PORTS: '*',
    ...platformEnv,
  });
  let accessToken: string;
  const startApi = async (env: Record<string, string>) => {
    api = await startBuiltApi({ env });
    accessToken = await signIn(api.baseUrl, ADMIN);
  };
  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${api.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const settings = () => ({
    host: '127.0.0.1',
    port: smtp.port,
    security: 'tls',
    username: SMTP_USER.username,
    senderAddress: 'notify@acme.test',
    caCertificate: smtp.ca,
  });

  beforeAll(async () => {
    [smtp, platform] = await Promise.all([
      startTestSmtpServer({ security: 'tls', users: [SMTP_USER] }),
      startTestSmtpServer({ security: 'tls' }),
    ]);
    const caFile = join(mkdtempSync(join(tmpdir(), 'mailroute-e2e-ca-')), 'platform-ca.pem');
    writeFileSync(caFile, platform.ca);
    platformEnv = {
      PLATFORM_SMTP_URL: `smtps://127.0.0.1:${platform.port}`,
      PLATFORM_SMTP_CA_FILE: caFile,
    };
    await startApi({ ...baseEnv(), SECRETS_KEY: firstKey });
  });

  afterAll(async () => {
    await api?.stop();
    await smtp?.close();
    await platform?.close();
  });

  it('never answers nor logs the password, and stores it only sealed', async () => {
    const saved = await call('PUT', '/api/organizations/current/smtp-settings', {
      ...settings(),
      password: SMTP_USER.password,
    });
    expect(saved.status).toBe(200);
    const answers = [
      await saved.text(),
      await (await call('GET', '/api/organizations/current/smtp-settings')).text(),
      await (await call('GET', '/api/organizations/current/smtp-settings/history')).text(),
      await (await call('POST', '/api/organizations/current/smtp-settings/test', settings())).text(),
      await (
        await call('PUT', '/api/organizations/current/smtp-settings', {
          ...settings(),
          password: `${SMTP_USER.password}-wrong`,
        })
      ).text(),
      await (await call('GET', '/api/organizations/current/emails')).text(),
    ];
    for (const answer of answers) {
      expect(answer).not.toContain(SMTP_USER.password);
    }
    expect(JSON.parse(answers[1] ?? '{}')).toMatchObject({ mode: 'custom', hasPassword: true });
    expect(api.output()).toContain('SMTP connection test');
    expect(api.output()).not.toContain(SMTP_USER.password);
    for (const file of readdirSync(api.dataDir).filter((name) => name.startsWith('mailroute.sqlite'))) {
      expect(readFileSync(join(api.dataDir, file)).includes(SMTP_USER.password)).toBe(false);
    }
  });

  it('keeps the password usable across a SECRETS_KEY rotation', async () => {
    await api.stop();
    const secondKey = randomBytes(32).toString('base64');
    const env = {
      ...baseEnv(),
      NODE_ENV: 'test',
      DATA_DIR: api.dataDir,
      SECRETS_KEY: secondKey,
      SECRETS_KEY_PREVIOUS: firstKey,
      PATH: process.env['PATH'] ?? '',
    };
    const rotation = await promisify(execFile)(process.execPath, [builtApiBundle(), 'rotate-secrets'], {
      cwd: api.dataDir,
      env,
    });
    expect(rotation.stdout).toContain('Re-sealed 1 SMTP password(s)');
    expect(rotation.stdout + rotation.stderr).not.toContain(SMTP_USER.password);

    // The old key is gone: the password must now open with the new one alone.
    await startApi({ ...baseEnv(), DATA_DIR: api.dataDir, SECRETS_KEY: secondKey });
    const tested = await call('POST', '/api/organizations/current/smtp-settings/test', settings());
    const report = (await tested.json()) as ConnectionTestReport;
    expect(report.stages.find((stage) => stage.stage === 'auth')).toMatchObject({ ok: true });
    expect(report.ok).toBe(true);
  });
});
