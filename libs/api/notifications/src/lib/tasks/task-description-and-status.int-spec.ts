import type { ApiCall, SeededOrganization } from '@mailroute/api/core/testing';
import { startTwoOrganizationsHarness, type TwoOrganizationsHarness } from '@mailroute/api/mail/testing';
import type { ApiErrorBody, Page, TaskStatus, TaskView } from '@mailroute/shared/contracts';
import { describeWithPostgres, startThrowawayPostgres, type ThrowawayPostgres } from '@mailroute/testing';
import { notificationsSchema } from '../notifications-schema';
import { NotificationsModule } from '../notifications.module';
import { Task } from './task.entity';

/** A task's description, and the list of tasks of one status, on `database()`. */
function tasksSuite(database: () => Record<string, string>): void {
  let harness: TwoOrganizationsHarness;
  let acme: SeededOrganization;
  let globex: SeededOrganization;
  let tokens: TwoOrganizationsHarness['tokens'];

  const call: ApiCall = (...request) => harness.api.call(...request);
  const ok = async <T>(response: Response | Promise<Response>, status = 200): Promise<T> => {
    const answer = await response;
    const body = (await answer.json()) as T;
    expect([answer.status, body]).toEqual([status, expect.anything()]);
    return body;
  };
  const fieldsOf = async (response: Response) => {
    expect(response.status).toBe(400);
    return ((await response.json()) as ApiErrorBody).errors?.map((error) => error.field);
  };
  const create = (token: string, body: Record<string, unknown>) =>
    ok<TaskView>(call(token, 'POST', '/api/tasks', body), 201);
  const list = (token: string, query: string) =>
    ok<Page<TaskView>>(call(token, 'GET', `/api/tasks?${query}`));
  const countOf = (organization: SeededOrganization, status?: TaskStatus, assigneeId?: string) =>
    harness.api.dataSource.getRepository(Task).countBy({
      organizationId: organization.id,
      ...(status ? { status } : {}),
      ...(assigneeId ? { assigneeId } : {}),
    });

  beforeAll(async () => {
    harness = await startTwoOrganizationsHarness({
      env: { PUBLIC_URL: 'https://app.mailroute.test', ...database() },
      imports: [NotificationsModule],
      schema: [notificationsSchema],
      acmeRoute: { sender: 'notify@acme.test' },
    });
    ({ acme, globex, tokens } = harness);
  });

  afterAll(() => harness?.close());

  describe('a description', () => {
    const DESCRIPTION = 'Check the payroll register.\n\n- retention: 5 years\n- who reads it';

    it('is stored as given, several lines, and none is an empty one', async () => {
      const task = await create(tokens.acmeAdmin, {
        title: 'Review payroll',
        assigneeId: acme.member.id,
        description: DESCRIPTION,
      });
      expect(task.description).toBe(DESCRIPTION);
      expect((await ok<TaskView>(call(tokens.acmeMember, 'GET', `/api/tasks/${task.id}`))).description).toBe(
        DESCRIPTION,
      );
      const bare = await create(tokens.acmeAdmin, { title: 'No details', assigneeId: acme.member.id });
      expect(bare.description).toBe('');
    });

    it('is changed alone by PATCH, and emptied to remove it', async () => {
      const task = await create(tokens.acmeAdmin, {
        title: 'Sign the DPA',
        assigneeId: acme.member.id,
        description: 'First draft',
        dueDate: '2031-01-31',
      });
      const changed = await ok<TaskView>(
        call(tokens.acmeMember, 'PATCH', `/api/tasks/${task.id}`, {
          description: 'Signed copy\nin the drive',
        }),
      );
      expect(changed).toMatchObject({
        title: 'Sign the DPA',
        description: 'Signed copy\nin the drive',
        status: 'open',
        dueDate: '2031-01-31',
        assignee: { id: acme.member.id },
      });
      const emptied = await ok<TaskView>(
        call(tokens.acmeMember, 'PATCH', `/api/tasks/${task.id}`, { description: '' }),
      );
      expect(emptied.description).toBe('');
      // A status change leaves the description alone.
      await ok(call(tokens.acmeMember, 'PATCH', `/api/tasks/${task.id}`, { description: 'Kept' }));
      expect(
        (await ok<TaskView>(call(tokens.acmeMember, 'PATCH', `/api/tasks/${task.id}`, { status: 'done' })))
          .description,
      ).toBe('Kept');
    });

    it('refuses one too long or not text with 400 naming the field, storing nothing', async () => {
      const before = await countOf(acme);
      const base = { title: 'Too long', assigneeId: acme.member.id };
      expect(
        await fieldsOf(
          await call(tokens.acmeAdmin, 'POST', '/api/tasks', { ...base, description: 'x'.repeat(5001) }),
        ),
      ).toEqual(['description']);
      expect(
        await fieldsOf(await call(tokens.acmeAdmin, 'POST', '/api/tasks', { ...base, description: 42 })),
      ).toEqual(['description']);
      expect(await countOf(acme)).toBe(before);
      const task = await create(tokens.acmeAdmin, { ...base, description: 'x'.repeat(5000) });
      expect(task.description).toHaveLength(5000);
      expect(
        await fieldsOf(
          await call(tokens.acmeAdmin, 'PATCH', `/api/tasks/${task.id}`, { description: 'y'.repeat(5001) }),
        ),
      ).toEqual(['description']);
      expect(
        await fieldsOf(await call(tokens.acmeAdmin, 'PATCH', `/api/tasks/${task.id}`, { description: null })),
      ).toEqual(['description']);
      expect((await ok<TaskView>(call(tokens.acmeAdmin, 'GET', `/api/tasks/${task.id}`))).description).toBe(
        'x'.repeat(5000),
      );
    });
  });

  describe('the status filter', () => {
    it('lists only the organization’s tasks of that status, newest first, with their total', async () => {
      const make = async (title: string, assigneeId: string, status: TaskStatus) => {
        const task = await create(tokens.globexAdmin, { title, assigneeId });
        return status === 'open'
          ? task
          : ok<TaskView>(call(tokens.globexAdmin, 'PATCH', `/api/tasks/${task.id}`, { status }));
      };
      await make('Older in progress', globex.member.id, 'in_progress');
      await make('Open one', globex.member.id, 'open');
      const newest = await make('Newest in progress', globex.admin.id, 'in_progress');
      await make('Done one', globex.member.id, 'done');
      await create(tokens.acmeAdmin, { title: 'Acme in progress', assigneeId: acme.admin.id }).then((task) =>
        ok(call(tokens.acmeAdmin, 'PATCH', `/api/tasks/${task.id}`, { status: 'in_progress' })),
      );

      const inProgress = await list(tokens.globexMember, 'status=in_progress&pageSize=100');
      expect(inProgress.total).toBe(await countOf(globex, 'in_progress'));
      expect(inProgress.items.map((task) => task.status)).toEqual(inProgress.items.map(() => 'in_progress'));
      expect(inProgress.items[0]?.id).toBe(newest.id);
      expect(inProgress.items.map((task) => task.title)).not.toContain('Acme in progress');

      for (const status of ['open', 'done'] as const) {
        const page = await list(tokens.globexMember, `status=${status}&pageSize=1`);
        expect(page).toMatchObject({ total: await countOf(globex, status), page: 1, pageSize: 1 });
        expect(page.items.map((task) => task.status)).toEqual([status]);
      }

      const mine = await list(tokens.globexMember, 'status=in_progress&assignee=me&pageSize=100');
      expect(mine.total).toBe(await countOf(globex, 'in_progress', globex.member.id));
      expect(mine.items.map((task) => task.title)).toContain('Older in progress');
      expect(mine.items.map((task) => task.title)).not.toContain('Newest in progress');
    });

    it('refuses an unknown status with 400 naming the field', async () => {
      for (const query of ['status=finished', 'status=', 'status=OPEN', 'status=open&status=done']) {
        expect([query, await fieldsOf(await call(tokens.acmeMember, 'GET', `/api/tasks?${query}`))]).toEqual([
          query,
          ['status'],
        ]);
      }
    });
  });
}

describe('Tasks API (description, status filter) on SQLite', () => {
  tasksSuite(() => ({}));
});

describeWithPostgres('Tasks API (description, status filter) on PostgreSQL', () => {
  let postgres: ThrowawayPostgres;
  beforeAll(async () => {
    postgres = await startThrowawayPostgres({ database: 'mailroute_tasks' });
  });
  afterAll(() => postgres?.stop());
  tasksSuite(() => ({ DATABASE_URL: postgres.url }));
});
