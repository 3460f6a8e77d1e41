import { Controller, Get } from '@nestjs/common';
import { startTestApi, seedOrganization, signIn, type SeededOrganization, type TestApi } from '../../testing';
import type { ApiErrorBody, CurrentUserView, Page, UserView } from '@mailroute/shared/contracts';
import { AdminOnly } from './route-access.decorators';

@Controller('test-admin-area')
class AdminAreaController {
  @AdminOnly()
  @Get()
  enter(): { entered: true } {
    return { entered: true };
  }
}

describe('sign-in, roles and organization scoping (real HTTP, real SQLite)', () => {
  let api: TestApi;
  let acme: SeededOrganization;
  let globex: SeededOrganization;
  const tokens = { acmeAdmin: '', acmeMember: '', globexAdmin: '' };

  beforeAll(async () => {
    api = await startTestApi({ controllers: [AdminAreaController] });
    acme = await seedOrganization(api.app, 'acme', { name: 'Acme' });
    globex = await seedOrganization(api.app, 'globex', { name: 'Globex' });
    tokens.acmeAdmin = await signIn(api.baseUrl, acme.admin);
    tokens.acmeMember = await signIn(api.baseUrl, acme.member);
    tokens.globexAdmin = await signIn(api.baseUrl, globex.admin);
  });

  afterAll(() => api.close());

  const get = (path: string, token?: string) =>
    fetch(`${api.baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const login = (body: unknown) =>
    fetch(`${api.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('signs in with the right password and the token identifies the user and organization', async () => {
    const response = await get('/api/me', tokens.acmeAdmin);
    expect(response.status).toBe(200);
    const me = (await response.json()) as CurrentUserView;
    expect(me).toMatchObject({
      email: 'admin@acme.test',
      role: 'admin',
      organization: { id: acme.id, name: 'Acme' },
    });
  });

  it('accepts the email in any case', async () => {
    const response = await login({ email: 'ADMIN@Acme.test', password: acme.admin.password });
    expect(response.status).toBe(200);
  });

  it('answers a wrong password and an unknown email identically, with 401', async () => {
    const wrongPassword = await login({ email: acme.member.email, password: 'not-the-password' });
    const unknownEmail = await login({ email: 'nobody@acme.test', password: 'not-the-password' });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    const [a, b] = [
      (await wrongPassword.json()) as ApiErrorBody,
      (await unknownEmail.json()) as ApiErrorBody,
    ];
    expect(a).toEqual(b);
    expect(a).toEqual({
      statusCode: 401,
      code: 'invalid_credentials',
      message: 'Email or password is incorrect.',
    });
  });

  it('rejects a malformed sign-in with 400 naming the field', async () => {
    const response = await login({ email: 'not-an-email' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: 'validation_failed',
      errors: [
        { field: 'email', reason: 'must be an email address' },
        { field: 'password', reason: 'is required' },
      ],
    });
  });

  it('rejects a body that is not JSON with 400, not 500', async () => {
    const response = await fetch(`${api.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email": "x',
    });
    expect(response.status).toBe(400);
  });

  it('refuses requests without a valid token', async () => {
    expect((await get('/api/me')).status).toBe(401);
    expect((await get('/api/me', 'not.a.token')).status).toBe(401);
    const body = (await (await get('/api/users', 'garbage')).json()) as ApiErrorBody;
    expect(body.code).toBe('unauthenticated');
  });

  it('lists only the caller’s organization’s users', async () => {
    const token = tokens.acmeMember;
    const users = (await (await get('/api/users', token)).json()) as Page<UserView>;
    expect(users.items.map((u) => u.email).sort()).toEqual(['admin@acme.test', 'member@acme.test']);
  });

  it('hides another organization’s user as not found', async () => {
    const token = tokens.acmeAdmin;
    const response = await get(`/api/users/${globex.admin.id}`, token);
    expect(response.status).toBe(404);
    expect(((await response.json()) as ApiErrorBody).code).toBe('not_found');
    expect((await get(`/api/users/${acme.member.id}`, token)).status).toBe(200);
  });

  it('shows each admin their own organization only', async () => {
    const acmeToken = tokens.acmeAdmin;
    const globexToken = tokens.globexAdmin;
    expect(await (await get('/api/organizations/current', acmeToken)).json()).toMatchObject({
      id: acme.id,
      name: 'Acme',
    });
    expect(await (await get('/api/organizations/current', globexToken)).json()).toMatchObject({
      id: globex.id,
      name: 'Globex',
    });
  });

  it('lets admins into admin-only routes and gives members 403', async () => {
    const admin = tokens.acmeAdmin;
    const member = tokens.acmeMember;
    expect((await get('/api/test-admin-area', admin)).status).toBe(200);
    const refused = await get('/api/test-admin-area', member);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as ApiErrorBody).code).toBe('admin_only');
  });

  it('answers the health check without a token', async () => {
    const response = await get('/api/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'up' });
  });

  it('publishes the OpenAPI document outside production', async () => {
    const document = (await (await get('/api/docs-json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/me', '/api/health']),
    );
  });
});

describe('the OpenAPI docs, once turned off (OPENAPI_DOCS=false, the production default)', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ env: { OPENAPI_DOCS: 'false' } });
  });

  afterAll(() => api.close());

  it('are not served: neither the document nor its UI', async () => {
    for (const path of ['/api/docs-json', '/api/docs']) {
      expect({ path, status: (await fetch(`${api.baseUrl}${path}`)).status }).toEqual({ path, status: 404 });
    }
  });
});

describe('sign-in throttling (real HTTP, real SQLite)', () => {
  let api: TestApi;
  let acme: SeededOrganization;

  beforeAll(async () => {
    api = await startTestApi({ env: { LOGIN_RATE_LIMIT: '5' } });
    acme = await seedOrganization(api.app, 'acme');
  });

  afterAll(() => api.close());

  const login = (body: unknown) =>
    fetch(`${api.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('throttles repeated attempts on one account with 429', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 7; attempt++) {
      statuses.push((await login({ email: 'member@acme.test', password: `guess-${attempt}` })).status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    // Even the right password is refused while the account is throttled.
    expect((await login({ email: acme.member.email, password: acme.member.password })).status).toBe(429);
  });

  it('says when to try again in the standard Retry-After, with the API’s error body', async () => {
    let refused: Response | undefined;
    for (let attempt = 0; attempt < 7 && refused === undefined; attempt++) {
      const response = await login({ email: 'nobody@acme.test', password: `guess-${attempt}` });
      if (response.status === 429) {
        refused = response;
      }
    }
    expect(refused?.status).toBe(429);
    const retryAfter = refused?.headers.get('retry-after') ?? '';
    expect(retryAfter).toMatch(/^\d+$/);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(retryAfter)).toBeLessThanOrEqual(60);
    const body = (await refused?.json()) as Record<string, unknown>;
    expect(body).toEqual({ statusCode: 429, code: 'too_many_requests', message: expect.any(String) });
    expect(body['message']).toContain(`${retryAfter} seconds`);
    expect(body['message']).not.toMatch(/Throttler|Exception/);
  });

  it('still lets another account of the same address sign in', async () => {
    expect((await login({ email: acme.admin.email, password: acme.admin.password })).status).toBe(200);
  });
});
