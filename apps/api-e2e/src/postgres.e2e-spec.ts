import {
  describeWithPostgres,
  startBuiltApi,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '@mailroute/testing';
import { signIn } from '@mailroute/api/core/testing';
import type { Page, UserView } from '@mailroute/shared/contracts';

const ADMIN = { email: 'owner@pg-e2e.test', password: 'pg-e2e-admin-password' };

describeWithPostgres('the built API on PostgreSQL (DATABASE_URL)', () => {
  let postgres: ThrowawayPostgres;

  beforeAll(async () => {
    postgres = await startThrowawayPostgres({ database: 'mailroute_e2e' });
  });

  afterAll(() => postgres.stop());

  it('migrates an empty database, seeds the admin once and keeps the data across restarts', async () => {
    const env = { DATABASE_URL: postgres.url, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password };
    const signInAndListUsers = async (baseUrl: string): Promise<UserView[]> => {
      const accessToken = await signIn(baseUrl, ADMIN);
      return (
        (await (
          await fetch(`${baseUrl}/api/users`, { headers: { authorization: `Bearer ${accessToken}` } })
        ).json()) as Page<UserView>
      ).items;
    };

    const first = await startBuiltApi({ env });
    expect(await (await fetch(`${first.baseUrl}/api/health`)).json()).toEqual({
      status: 'ok',
      database: 'up',
    });
    expect(first.output()).toContain('postgres database');
    const before = await signInAndListUsers(first.baseUrl);
    await first.stop();

    const second = await startBuiltApi({ env });
    const after = await signInAndListUsers(second.baseUrl);
    await second.stop();
    expect(after).toEqual(before);
    expect(after.map((user) => user.email)).toEqual([ADMIN.email]);
  });

  it('reports the database down (503) when PostgreSQL stops answering', async () => {
    const own = await startThrowawayPostgres({ database: 'mailroute_down' });
    const api = await startBuiltApi({ env: { DATABASE_URL: own.url, ADMIN_PASSWORD: ADMIN.password } });
    await own.stop();
    const response = await fetch(`${api.baseUrl}/api/health`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'unavailable', database: 'down' });
    await api.stop();
  });
});
