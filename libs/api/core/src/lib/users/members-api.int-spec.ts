import { describeWithPostgres, startThrowawayPostgres, type ThrowawayPostgres } from '@mailroute/testing';
import type { ApiErrorBody, CurrentUserView, Page, UserView } from '@mailroute/shared/contracts';
import { newId } from '../database/new-id';
import { seedOrganization, type SeededOrganization, signIn, startTestApi, type TestApi } from '../../testing';
import { trustedOrganizationId } from '../tenancy/organization-id';
import { User } from './user.entity';

/** Members: the paged list, role changes and removal, on the database `env` points at. */
function membersSuite(env: () => Record<string, string>): void {
  let api: TestApi;
  let organizations = 0;

  /** A fresh organization per test: these tests change roles and remove users. */
  const organization = async (): Promise<
    SeededOrganization & { adminToken: string; memberToken: string }
  > => {
    const seeded = await seedOrganization(api.app, `org${++organizations}`);
    return {
      ...seeded,
      adminToken: await signIn(api.baseUrl, seeded.admin),
      memberToken: await signIn(api.baseUrl, seeded.member),
    };
  };
  const json = async <T>(response: Response, status: number): Promise<T> => {
    const text = await response.text();
    expect({ status: response.status, body: text }).toEqual({ status, body: expect.any(String) });
    return (text === '' ? undefined : JSON.parse(text)) as T;
  };
  const patchRole = (token: string, id: string, body: unknown) =>
    api.call(token, 'PATCH', `/api/users/${id}`, body);
  const remove = (token: string, id: string) => api.call(token, 'DELETE', `/api/users/${id}`);
  const roleOf = async (id: string) => (await api.dataSource.getRepository(User).findOneBy({ id }))?.role;

  beforeAll(async () => {
    // Each test signs in two fresh users: more than the default sign-ins per minute.
    api = await startTestApi({ env: { LOGIN_RATE_LIMIT: '1000', ...env() } });
  });

  afterAll(() => api?.close());

  describe('the list', () => {
    it('answers a page of the organization’s members, newest first, with the total', async () => {
      const org = await organization();
      const base = Date.parse('2030-01-01T00:00:00Z');
      for (const [index, name] of ['Ada', 'Grace', 'Hedy'].entries()) {
        await api.dataSource.getRepository(User).insert({
          id: newId(),
          organizationId: trustedOrganizationId(org.id),
          email: `${name.toLowerCase()}@${org.id}.test`,
          name,
          passwordHash: 'not-used',
          role: 'member',
          locale: null,
          createdAt: new Date(base + index * 1000),
        });
      }

      const first = await json<Page<UserView>>(
        await api.call(org.memberToken, 'GET', '/api/users?pageSize=2'),
        200,
      );
      expect(first).toMatchObject({ total: 5, page: 1, pageSize: 2 });
      expect(first.items.map((user) => user.name)).toEqual(['Hedy', 'Grace']);

      const second = await json<Page<UserView>>(
        await api.call(org.memberToken, 'GET', '/api/users?page=2&pageSize=2'),
        200,
      );
      expect(second.items.map((user) => user.name)).toEqual(['Ada', expect.any(String)]);

      const past = await json<Page<UserView>>(
        await api.call(org.memberToken, 'GET', '/api/users?page=9&pageSize=2'),
        200,
      );
      expect(past).toEqual({ items: [], total: 5, page: 9, pageSize: 2 });
    });

    it('refuses a page or page size out of bounds with 400 naming the field', async () => {
      const org = await organization();
      for (const [query, field] of [
        ['page=0', 'page'],
        ['page=1.5', 'page'],
        ['pageSize=0', 'pageSize'],
        ['pageSize=101', 'pageSize'],
        ['pageSize=many', 'pageSize'],
      ]) {
        const body = await json<ApiErrorBody>(
          await api.call(org.adminToken, 'GET', `/api/users?${query}`),
          400,
        );
        expect({ query, errors: body.errors?.map((error) => error.field) }).toEqual({
          query,
          errors: [field],
        });
      }
    });

    it('lists no other organization’s users', async () => {
      const [acme, globex] = [await organization(), await organization()];
      const page = await json<Page<UserView>>(await api.call(acme.memberToken, 'GET', '/api/users'), 200);
      expect(page.total).toBe(2);
      expect(page.items.map((user) => user.id).sort()).toEqual([acme.admin.id, acme.member.id].sort());
      expect(page.items.some((user) => user.id === globex.admin.id)).toBe(false);
    });
  });

  describe('changing a role', () => {
    it('makes a member an admin, which their current token can use at once', async () => {
      const org = await organization();
      const view = await json<UserView>(
        await patchRole(org.adminToken, org.member.id, { role: 'admin' }),
        200,
      );
      expect(view).toMatchObject({ id: org.member.id, role: 'admin' });
      expect(await roleOf(org.member.id)).toBe('admin');

      // The token issued while they were a member now opens admin-only routes.
      await json<UserView>(await patchRole(org.memberToken, org.admin.id, { role: 'member' }), 200);
      expect(await roleOf(org.admin.id)).toBe('member');
    });

    it('takes an admin right away from a demoted admin’s current token', async () => {
      const org = await organization();
      await json(await patchRole(org.adminToken, org.member.id, { role: 'admin' }), 200);
      const secondAdminToken = org.memberToken;
      await json(await patchRole(org.adminToken, org.member.id, { role: 'member' }), 200);

      const refused = await json<ApiErrorBody>(
        await patchRole(secondAdminToken, org.admin.id, { role: 'member' }),
        403,
      );
      expect(refused.code).toBe('admin_only');
      const me = await json<CurrentUserView>(await api.call(secondAdminToken, 'GET', '/api/me'), 200);
      expect(me.role).toBe('member');
    });

    it('refuses to demote the last admin with 409 last_admin', async () => {
      const org = await organization();
      const refused = await json<ApiErrorBody>(
        await patchRole(org.adminToken, org.admin.id, { role: 'member' }),
        409,
      );
      expect(refused).toMatchObject({ code: 'last_admin', message: expect.stringContaining('last admin') });
      expect(await roleOf(org.admin.id)).toBe('admin');

      // Keeping the last admin an admin is no change, and allowed.
      await json(await patchRole(org.adminToken, org.admin.id, { role: 'admin' }), 200);
    });

    it('lets an admin step down while another admin remains', async () => {
      const org = await organization();
      await json(await patchRole(org.adminToken, org.member.id, { role: 'admin' }), 200);
      await json(await patchRole(org.adminToken, org.admin.id, { role: 'member' }), 200);
      expect(await roleOf(org.admin.id)).toBe('member');
      // Now the former member is the last admin.
      await json(await patchRole(org.memberToken, org.member.id, { role: 'member' }), 409);
    });

    it('keeps one admin when the last two demote each other at the same time', async () => {
      const org = await organization();
      await json(await patchRole(org.adminToken, org.member.id, { role: 'admin' }), 200);
      const answers = await Promise.all([
        patchRole(org.adminToken, org.member.id, { role: 'member' }),
        patchRole(org.memberToken, org.admin.id, { role: 'member' }),
      ]);
      const statuses = answers.map((answer) => answer.status);
      const roles = [await roleOf(org.admin.id), await roleOf(org.member.id)];
      expect(roles.filter((role) => role === 'admin')).toHaveLength(1);
      // One demotion won; the other was refused as the last admin's, or by the guard (the
      // caller had just lost the admin role).
      expect(statuses.filter((status) => status === 200)).toHaveLength(1);
      expect([[403], [409]]).toContainEqual(statuses.filter((status) => status !== 200));
    });

    it('refuses a malformed id or role with 400 naming the field, and members with 403', async () => {
      const org = await organization();
      const badId = await json<ApiErrorBody>(
        await patchRole(org.adminToken, 'not-a-uuid', { role: 'admin' }),
        400,
      );
      expect(badId.errors).toEqual([{ field: 'id', reason: 'must be a UUID' }]);
      const badRole = await json<ApiErrorBody>(
        await patchRole(org.adminToken, org.member.id, { role: 'owner' }),
        400,
      );
      expect(badRole.errors).toEqual([{ field: 'role', reason: 'must be one of: admin, member' }]);
      const noRole = await json<ApiErrorBody>(await patchRole(org.adminToken, org.member.id, {}), 400);
      expect(noRole.errors).toEqual([{ field: 'role', reason: 'is required' }]);
      const extra = await json<ApiErrorBody>(
        await patchRole(org.adminToken, org.member.id, { role: 'admin', name: 'Eve' }),
        400,
      );
      expect(extra.errors).toEqual([{ field: 'name', reason: 'is not a known field' }]);

      const refused = await json<ApiErrorBody>(
        await patchRole(org.memberToken, org.member.id, { role: 'admin' }),
        403,
      );
      expect(refused.code).toBe('admin_only');
      expect(await roleOf(org.member.id)).toBe('member');
    });
  });

  describe('removing a user', () => {
    it('removes a member, whose current token then answers 401', async () => {
      const org = await organization();
      await json(await api.call(org.memberToken, 'GET', '/api/me'), 200);

      expect((await remove(org.adminToken, org.member.id)).status).toBe(204);

      const after = await json<ApiErrorBody>(await api.call(org.memberToken, 'GET', '/api/me'), 401);
      expect(after.code).toBe('unauthenticated');
      await json(await api.call(org.adminToken, 'GET', `/api/users/${org.member.id}`), 404);
      await json(await remove(org.adminToken, org.member.id), 404);
      expect(
        (await json<Page<UserView>>(await api.call(org.adminToken, 'GET', '/api/users'), 200)).total,
      ).toBe(1);
    });

    it('refuses to remove the last admin, themself included, with 409 last_admin', async () => {
      const org = await organization();
      const refused = await json<ApiErrorBody>(await remove(org.adminToken, org.admin.id), 409);
      expect(refused).toMatchObject({ code: 'last_admin', message: expect.stringContaining('removed') });
      await json(await api.call(org.adminToken, 'GET', '/api/me'), 200);
    });

    it('lets an admin leave once another admin remains', async () => {
      const org = await organization();
      await json(await patchRole(org.adminToken, org.member.id, { role: 'admin' }), 200);
      expect((await remove(org.adminToken, org.admin.id)).status).toBe(204);
      await json(await api.call(org.adminToken, 'GET', '/api/me'), 401);
      expect(await roleOf(org.member.id)).toBe('admin');
    });

    it('refuses members with 403 and a malformed id with 400 naming the field', async () => {
      const org = await organization();
      expect((await json<ApiErrorBody>(await remove(org.memberToken, org.admin.id), 403)).code).toBe(
        'admin_only',
      );
      const badId = await json<ApiErrorBody>(await remove(org.adminToken, '42'), 400);
      expect(badId.errors).toEqual([{ field: 'id', reason: 'must be a UUID' }]);
      expect(await roleOf(org.admin.id)).toBe('admin');
    });
  });

  it('answers 404 for another organization’s users, and changes nothing there', async () => {
    const [acme, globex] = [await organization(), await organization()];
    for (const id of [acme.admin.id, acme.member.id]) {
      expect(
        (await json<ApiErrorBody>(await api.call(globex.adminToken, 'GET', `/api/users/${id}`), 404)).code,
      ).toBe('not_found');
      await json(await patchRole(globex.adminToken, id, { role: 'admin' }), 404);
      await json(await remove(globex.adminToken, id), 404);
    }
    expect([await roleOf(acme.admin.id), await roleOf(acme.member.id)]).toEqual(['admin', 'member']);
    await json(await api.call(acme.memberToken, 'GET', '/api/me'), 200);
  });
}

describe('Members API on SQLite', () => {
  membersSuite(() => ({}));
});

describeWithPostgres('Members API on PostgreSQL', () => {
  let postgres: ThrowawayPostgres;
  beforeAll(async () => {
    postgres = await startThrowawayPostgres({ database: 'mailroute_members' });
  });
  afterAll(() => postgres?.stop());
  // Nested, so its API closes before the database stops.
  describe('on a throwaway database', () => {
    membersSuite(() => ({ DATABASE_URL: postgres.url }));
  });
});
