import { gzipSync } from 'node:zlib';
import type { ApiErrorBody } from '@mailroute/shared/contracts';
import { seedOrganization, type SeededOrganization, signIn, startTestApi, type TestApi } from '../../testing';
import { User } from '../users/user.entity';
import { MAX_BODY_DEPTH } from './request-body-shape';

/** Requests an attacker or a broken client sends: each is the client's fault, answered 4xx, never 500. */
describe('malformed requests (real HTTP, real SQLite)', () => {
  let api: TestApi;
  let acme: SeededOrganization;
  let token: string;

  beforeAll(async () => {
    api = await startTestApi({ env: { LOGIN_RATE_LIMIT: '1000' } });
    acme = await seedOrganization(api.app, 'acme');
    token = await signIn(api.baseUrl, acme.admin);
  });

  afterAll(() => api?.close());

  const send = async (
    path: string,
    body: string | Uint8Array<ArrayBuffer>,
    headers: Record<string, string> = {},
  ) => {
    const response = await fetch(`${api.baseUrl}${path}`, {
      method: path === '/api/auth/login' ? 'POST' : 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
      body,
    });
    return { status: response.status, body: (await response.json()) as ApiErrorBody };
  };
  const nested = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);

  it('refuses a deeply nested body with 400 body_too_deep, on a public and a signed-in endpoint', async () => {
    for (const path of ['/api/auth/login', `/api/users/${acme.member.id}`]) {
      for (const body of [nested(10_000), '['.repeat(10_000) + ']'.repeat(10_000)]) {
        expect(await send(path, body)).toEqual({
          status: 400,
          body: expect.objectContaining({ statusCode: 400, code: 'body_too_deep' }) as unknown,
        });
      }
    }
    expect((await api.dataSource.getRepository(User).findOneBy({ id: acme.member.id }))?.role).toBe('member');
  });

  it('still reads a body nested as deep as the limit allows', async () => {
    const { status, body } = await send('/api/auth/login', nested(MAX_BODY_DEPTH - 1));
    expect({ status, code: body.code }).toEqual({ status: 400, code: 'validation_failed' });
  });

  it('refuses a lone surrogate in an email with the field named', async () => {
    const body = '{"email":"a\\ud800@acme.test","password":"some-password-1"}';
    expect(await send('/api/auth/login', body)).toEqual({
      status: 400,
      body: expect.objectContaining({
        code: 'validation_failed',
        errors: [{ field: 'email', reason: 'is not valid Unicode text (it holds a lone surrogate)' }],
      }) as unknown,
    });
    // A surrogate pair is one character and passes through to the ordinary checks.
    const paired = await send('/api/auth/login', '{"email":"a\\ud83d\\ude00@acme.test","password":"x"}');
    expect(paired.status).not.toBe(500);
  });

  it('refuses a Content-Encoding with 415, whether or not the body is really compressed', async () => {
    const json = JSON.stringify({ email: acme.admin.email, password: acme.admin.password });
    for (const [encoding, body] of [
      ['gzip', json],
      ['br', json],
      ['deflate', json],
      ['gzip', new Uint8Array(gzipSync(json))],
    ] as const) {
      expect(await send('/api/auth/login', body, { 'content-encoding': encoding })).toEqual({
        status: 415,
        body: {
          statusCode: 415,
          code: 'unsupported_media_type',
          message: 'Compressed request bodies are not accepted: send it without Content-Encoding.',
        },
      });
    }
    const form = await send('/api/auth/login', 'email=a%40b.test', {
      'content-type': 'application/x-www-form-urlencoded',
      'content-encoding': 'gzip',
    });
    expect(form.status).toBe(415);
  });

  it('refuses page=1e308 and other page numbers out of range with the field named', async () => {
    for (const page of ['1e308', '-1', '1.5', 'Infinity', 'NaN', '99999999999999999999']) {
      const response = await api.call(token, 'GET', `/api/users?page=${page}`);
      expect({ page, status: response.status }).toEqual({ page, status: 400 });
      expect(((await response.json()) as ApiErrorBody).errors?.map((error) => error.field)).toEqual(['page']);
    }
  });
});
