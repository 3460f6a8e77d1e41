import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { signIn, startTestApi } from '../../testing';
import type { Page, UserView } from '@mailroute/shared/contracts';
import { ConfigError } from '../config/config-error';

describe('the first organization and admin (real SQLite)', () => {
  it('is created once from ADMIN_EMAIL / ADMIN_PASSWORD and survives a restart unchanged', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mailroute-seed-'));
    const secretsKey = randomBytes(32).toString('base64');
    const env = {
      DATA_DIR: dataDir,
      SECRETS_KEY: secretsKey,
      ADMIN_EMAIL: 'Owner@Example.test',
      ADMIN_PASSWORD: 'first-start-password',
      ADMIN_ORGANIZATION_NAME: 'Example Ltd',
    };
    const first = await startTestApi({ env });
    const token = await signIn(first.baseUrl, {
      email: 'owner@example.test',
      password: 'first-start-password',
    });
    const me = await (
      await fetch(`${first.baseUrl}/api/me`, { headers: { authorization: `Bearer ${token}` } })
    ).json();
    expect(me).toMatchObject({
      email: 'owner@example.test',
      role: 'admin',
      organization: { name: 'Example Ltd' },
    });
    await first.close();

    const second = await startTestApi({ env: { ...env, ADMIN_PASSWORD: 'a-different-password' } });
    const again = await signIn(second.baseUrl, {
      email: 'owner@example.test',
      password: 'first-start-password',
    });
    const users = (await (
      await fetch(`${second.baseUrl}/api/users`, { headers: { authorization: `Bearer ${again}` } })
    ).json()) as Page<UserView>;
    expect(users.total).toBe(1);
    expect(users.items).toHaveLength(1);
    await second.close();
  });

  it('generates a password outside production, into a private file rather than the log', async () => {
    const api = await startTestApi();
    const file = join(api.config.dataDir, 'admin-password.txt');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const password = readFileSync(file, 'utf8').trim();
    expect(password.length).toBeGreaterThanOrEqual(16);
    await expect(signIn(api.baseUrl, { email: 'admin@mailroute.local', password })).resolves.toEqual(
      expect.any(String),
    );
    await api.close();
  });

  it('refuses to start in production without ADMIN_PASSWORD on an empty database', async () => {
    const start = startTestApi({
      env: {
        NODE_ENV: 'production',
        PLATFORM_SMTP_URL: 'smtps://u:p@127.0.0.1:1',
        PUBLIC_URL: 'https://mailroute.test',
      },
    });
    await expect(start).rejects.toBeInstanceOf(ConfigError);
    await expect(start).rejects.toThrow(/ADMIN_PASSWORD: is required on the first start in production/);
  });
});
