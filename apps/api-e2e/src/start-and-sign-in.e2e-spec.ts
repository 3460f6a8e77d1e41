import { signIn } from '@mailroute/api/core/testing';
import { startBuiltApi, type BuiltApiProcess } from '@mailroute/testing';
import type { CurrentUserView } from '@mailroute/shared/contracts';

const ADMIN = { email: 'owner@e2e.test', password: 'e2e-admin-password-0001' };

describe('the built API on its embedded defaults (SQLite)', () => {
  let api: BuiltApiProcess;

  beforeAll(async () => {
    api = await startBuiltApi({ env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password } });
  });

  afterAll(() => api.stop());

  it('reports itself healthy with its database', async () => {
    const response = await fetch(`${api.baseUrl}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'up' });
  });

  it('lets the seeded admin sign in and see their organization', async () => {
    const accessToken = await signIn(api.baseUrl, ADMIN);
    const me = (await (
      await fetch(`${api.baseUrl}/api/me`, { headers: { authorization: `Bearer ${accessToken}` } })
    ).json()) as CurrentUserView;
    expect(me).toMatchObject({
      email: ADMIN.email,
      role: 'admin',
      organization: { name: 'My organization' },
    });
  });

  it('serves the API documentation', async () => {
    expect((await fetch(`${api.baseUrl}/api/docs`)).status).toBe(200);
    const document = (await (await fetch(`${api.baseUrl}/api/docs-json`)).json()) as {
      info: { title: string };
    };
    expect(document.info.title).toBe('Mailroute API');
  });

  it('serves the web app, including deep links, from the same port', async () => {
    for (const path of ['/', '/login', '/general-settings']) {
      const response = await fetch(`${api.baseUrl}${path}`, { headers: { accept: 'text/html' } });
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<mr-root');
    }
  });

  it('answers unknown API routes with a JSON 404, not the web app', async () => {
    const response = await fetch(`${api.baseUrl}/api/no-such-route`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ statusCode: 404, code: 'not_found' });
  });

  it('writes structured JSON logs without passwords or tokens', async () => {
    await fetch(`${api.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer leaked-token-value' },
      body: JSON.stringify({ email: ADMIN.email, password: 'a-wrong-password-to-log' }),
    });
    const lines = api.output().trim().split('\n');
    for (const line of lines) {
      expect(() => JSON.parse(line) as unknown).not.toThrow();
    }
    expect(lines.some((line) => line.includes('/api/auth/login'))).toBe(true);
    for (const secret of [ADMIN.password, 'a-wrong-password-to-log', 'leaked-token-value']) {
      expect(api.output()).not.toContain(secret);
    }
  });
});

describe('start-up configuration checks of the built API', () => {
  it('stops with a message naming a malformed variable, without a stack trace', async () => {
    const api = await startBuiltApi({ env: { PORT: 'eighty' }, waitFor: false });
    expect((await api.ended).code).toBe(1);
    expect(api.output()).toContain('PORT: must be an integer between 1 and 65535');
    expect(api.output()).not.toMatch(/\n\s+at /);
  });

  it('stops in production until the required secrets and URLs are given', async () => {
    const api = await startBuiltApi({
      // startBuiltApi gives PUBLIC_URL (its own address) and SECRETS_KEY by default: empty is missing.
      env: { NODE_ENV: 'production', SECRETS_KEY: '', PUBLIC_URL: '' },
      waitFor: false,
    });
    expect((await api.ended).code).toBe(1);
    for (const variable of ['SECRETS_KEY', 'PLATFORM_SMTP_URL', 'PUBLIC_URL']) {
      expect(api.output()).toContain(`${variable}: is required in production`);
    }
  });
});
