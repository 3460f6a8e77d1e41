import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApi, type TestApi } from '../../testing';
import { CONTENT_SECURITY_POLICY } from './security-headers';

/** A web build as `nx build web` lays it out: index.html and hashed files. */
function webBuild(): string {
  const root = mkdtempSync(join(tmpdir(), 'mailroute-web-'));
  writeFileSync(
    join(root, 'index.html'),
    '<!doctype html><mr-root></mr-root><script src="main-AB12CD34.js" type="module"></script>',
  );
  writeFileSync(join(root, 'main-AB12CD34.js'), 'console.log("app");');
  return root;
}

const BROWSER_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

describe('browser security headers (real HTTP)', () => {
  let api: TestApi;
  let production: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ env: { SERVE_WEB: 'true', WEB_ROOT: webBuild() } });
    production = await startTestApi({
      env: {
        NODE_ENV: 'production',
        SERVE_WEB: 'true',
        WEB_ROOT: webBuild(),
        PLATFORM_SMTP_URL: 'smtp://127.0.0.1:2525',
        PUBLIC_URL: 'https://mailroute.example',
        LOG_FORMAT: 'json',
        ADMIN_EMAIL: 'owner@headers.test',
        ADMIN_PASSWORD: 'headers-admin-password-1',
      },
    });
  });

  afterAll(async () => {
    await api?.close();
    await production?.close();
  });

  const headersOf = async (base: TestApi, path: string, init: RequestInit = {}) => {
    const response = await fetch(`${base.baseUrl}${path}`, init);
    await response.arrayBuffer();
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => (headers[name] = value));
    return { status: response.status, headers };
  };

  it.each([
    ['an API answer', '/api/health', {}, 200],
    ['an unknown API route', '/api/no-such-route', {}, 404],
    [
      'a refused body',
      '/api/auth/login',
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' },
      400,
    ],
    [
      'a refused sign-in',
      '/api/auth/login',
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' },
      400,
    ],
  ] as const)('puts them on %s, which no cache may keep', async (_what, path, init, status) => {
    const answer = await headersOf(api, path, init);
    expect(answer.status).toBe(status);
    expect(answer.headers).toMatchObject({ ...BROWSER_HEADERS, 'cache-control': 'no-store' });
    expect(answer.headers['strict-transport-security']).toBeUndefined();
  });

  it('puts them on the web app’s page, revalidated rather than unstored', async () => {
    const page = await headersOf(api, '/general-settings', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers).toMatchObject({ ...BROWSER_HEADERS, 'cache-control': 'no-cache' });
  });

  it('lets browsers cache the hashed files of the web app', async () => {
    const script = await headersOf(api, '/main-AB12CD34.js');
    expect(script.status).toBe(200);
    expect(script.headers).toMatchObject({ ...BROWSER_HEADERS, 'cache-control': 'public, max-age=3600' });
  });

  it('asks for HTTPS only in production, on the API and the web app', async () => {
    for (const path of ['/api/health', '/main-AB12CD34.js']) {
      const answer = await headersOf(production, path);
      expect(answer.headers).toMatchObject({
        ...BROWSER_HEADERS,
        'strict-transport-security': 'max-age=31536000; includeSubDomains',
      });
    }
  });
});
