import { type FindOptionsWhere, In, IsNull } from 'typeorm';
import { User } from '@mailroute/api/core';
import { type ApiCall, refuseInserts, type SeededOrganization } from '@mailroute/api/core/testing';
import { OutboundEmail } from '@mailroute/api/mail';
import {
  PLATFORM_SENDER,
  startTwoOrganizationsHarness,
  type TwoOrganizationsHarness,
} from '@mailroute/api/mail/testing';
import type {
  ApiErrorBody,
  EmailLogPage,
  NotificationInboxPage,
  NotificationPreferencesView,
  Page,
  ProcessingActivityDetail,
  ProcessingActivityView,
  TaskView,
} from '@mailroute/shared/contracts';
import {
  describeWithPostgres,
  startThrowawayPostgres,
  type TestSmtpServer,
  type ThrowawayPostgres,
  waitUntil,
} from '@mailroute/testing';
import { ActivityComment } from './activities/activity-comment.entity';
import { ProcessingActivity } from './activities/processing-activity.entity';
import { Notification } from './inbox/notification.entity';
import { notificationsSchema } from './notifications-schema';
import { NotificationsModule } from './notifications.module';
import { Task } from './tasks/task.entity';

const ACME_SENDER = 'notify@acme.test';
const APP = 'https://app.mailroute.test';

function notificationsApiSuite(options: { database: () => Record<string, string> }): void {
  let harness: TwoOrganizationsHarness;
  let acmeServer: TestSmtpServer;
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
  const createActivity = (token: string, name: string) =>
    ok<ProcessingActivityView>(
      call(token, 'POST', '/api/processing-activities', { name, description: `${name} register entry` }),
      201,
    );
  const comment = (token: string, activityId: string, body: string) =>
    call(token, 'POST', `/api/processing-activities/${activityId}/comments`, { body });
  const inbox = (token: string) => ok<NotificationInboxPage>(call(token, 'GET', '/api/notifications'));
  const fieldsOf = async (response: Response) => {
    expect(response.status).toBe(400);
    return ((await response.json()) as ApiErrorBody).errors?.map((error) => error.field);
  };
  const emailCount = (organization: SeededOrganization) =>
    harness.api.dataSource.getRepository(OutboundEmail).countBy({ organizationId: organization.id });
  const allSent = (organization: SeededOrganization) =>
    waitUntil(
      async () =>
        (await harness.api.dataSource
          .getRepository(OutboundEmail)
          .countBy({ organizationId: organization.id, status: In(['queued', 'sending', 'retrying']) })) === 0,
      { description: 'every queued email to be delivered' },
    );

  beforeAll(async () => {
    harness = await startTwoOrganizationsHarness({
      env: { PUBLIC_URL: APP, ...options.database() },
      imports: [NotificationsModule],
      schema: [notificationsSchema],
      acmeRoute: { sender: ACME_SENDER },
    });
    ({ acmeServer, acme, globex, tokens } = harness);
  });

  afterAll(() => harness?.close());

  beforeEach(async () => {
    await allSent(acme);
    await allSent(globex);
    acmeServer.clear();
    harness.platform.clear();
  });

  it('notifies every watcher of an activity but the comment’s author, by email through the organization’s server', async () => {
    const activity = await createActivity(tokens.acmeAdmin, 'Payroll');
    expect((await comment(tokens.acmeMember, activity.id, 'Retention is <10 years>?')).status).toBe(201);

    const [toAdmin] = await acmeServer.waitForMessages(1);
    expect(toAdmin?.from?.address).toBe(ACME_SENDER);
    expect(toAdmin?.to).toEqual([acme.admin.email]);
    expect(toAdmin?.subject).toBe('member of acme commented on “Payroll”');
    expect(toAdmin?.text).toContain(`${APP}/processing-activities/${activity.id}`);
    expect(toAdmin?.text).toContain('Retention is <10 years>?');
    expect(toAdmin?.html).toContain(`href="${APP}/processing-activities/${activity.id}"`);
    expect(toAdmin?.html).toContain('Retention is &lt;10 years&gt;?');
    expect(toAdmin?.headers['auto-submitted']).toBe('auto-generated');

    // The commenter now follows the activity; the admin's answer reaches them, not the admin.
    expect((await comment(tokens.acmeAdmin, activity.id, 'Ten years, by law.')).status).toBe(201);
    const messages = await acmeServer.waitForMessages(2);
    expect(messages[1]?.to).toEqual([acme.member.email]);
    await allSent(acme);
    expect(acmeServer.messages).toHaveLength(2);
    expect(harness.platform.messages).toHaveLength(0);

    const detail = await ok<ProcessingActivityDetail>(
      call(tokens.acmeMember, 'GET', `/api/processing-activities/${activity.id}`),
    );
    expect(detail.comments.map((c) => c.author?.id)).toEqual([acme.member.id, acme.admin.id]);
    expect(detail.watchers.map((w) => w.id).sort()).toEqual([acme.admin.id, acme.member.id].sort());

    const adminInbox = await inbox(tokens.acmeAdmin);
    expect(adminInbox.items[0]).toMatchObject({
      kind: 'comment_added',
      actor: { id: acme.member.id },
      about: {
        type: 'processing_activity',
        id: activity.id,
        name: 'Payroll',
        path: `/processing-activities/${activity.id}`,
      },
      excerpt: 'Retention is <10 years>?',
      readAt: null,
      emailId: expect.any(String),
    });
    const log = await ok<EmailLogPage>(call(tokens.acmeAdmin, 'GET', '/api/organizations/current/emails'));
    expect(log.items.find((item) => item.id === adminInbox.items[0]?.emailId)).toMatchObject({
      kind: 'notification',
      status: 'sent',
      route: { type: 'custom', sender: ACME_SENDER },
    });
  });

  it('tells the assignee and then the creator, in the recipient’s language, through the platform server', async () => {
    const task = await ok<TaskView>(
      call(tokens.globexAdmin, 'POST', '/api/tasks', {
        title: 'Revoir la durée de conservation',
        assigneeId: globex.member.id,
        dueDate: '2025-06-30',
      }),
      201,
    );
    expect(task).toMatchObject({ status: 'open', assignee: { id: globex.member.id }, dueDate: '2025-06-30' });
    const [assigned] = await harness.platform.waitForMessages(1);
    expect(assigned?.from?.address).toBe(PLATFORM_SENDER);
    expect(assigned?.to).toEqual([globex.member.email]);
    expect(assigned?.subject).toBe(
      'admin of globex vous a assigné une tâche : Revoir la durée de conservation',
    );
    expect(assigned?.text).toContain('Échéance : 2025-06-30');
    expect(assigned?.text).toContain(`${APP}/tasks/${task.id}`);

    const done = await ok<TaskView>(
      call(tokens.globexMember, 'PATCH', `/api/tasks/${task.id}`, { status: 'done' }),
    );
    expect(done.completedAt).not.toBeNull();
    const [, completed] = await harness.platform.waitForMessages(2);
    expect(completed?.to).toEqual([globex.admin.email]);
    expect(completed?.subject).toBe('member of globex a terminé la tâche : Revoir la durée de conservation');

    // The member reads English: their own language wins over the organization's.
    await harness.api.dataSource.getRepository(User).update({ id: globex.member.id }, { locale: 'en' });
    try {
      await ok<TaskView>(
        call(tokens.globexAdmin, 'POST', '/api/tasks', {
          title: 'Sign the DPA',
          assigneeId: globex.member.id,
        }),
        201,
      );
      const [, , english] = await harness.platform.waitForMessages(3);
      expect(english?.subject).toBe('admin of globex assigned you a task: Sign the DPA');
      expect(english?.text).not.toContain('Due date');
    } finally {
      await harness.api.dataSource.getRepository(User).update({ id: globex.member.id }, { locale: null });
    }
    expect(acmeServer.messages).toHaveLength(0);
    const log = await ok<EmailLogPage>(call(tokens.globexAdmin, 'GET', '/api/organizations/current/emails'));
    expect(log.items.slice(0, 3).map((item) => [item.kind, item.route?.type])).toEqual([
      ['notification', 'platform'],
      ['notification', 'platform'],
      ['notification', 'platform'],
    ]);
  });

  it('notifies the new assignee when a task is re-assigned', async () => {
    const task = await ok<TaskView>(
      call(tokens.acmeMember, 'POST', '/api/tasks', {
        title: 'Update the register',
        assigneeId: acme.member.id,
      }),
      201,
    );
    await ok<TaskView>(
      call(tokens.acmeMember, 'PATCH', `/api/tasks/${task.id}`, { assigneeId: acme.admin.id }),
    );
    const [message] = await acmeServer.waitForMessages(1);
    expect(message?.to).toEqual([acme.admin.email]);
    expect(message?.subject).toBe('member of acme assigned you a task: Update the register');
    await allSent(acme);
    // Nobody is emailed about what they did themselves (the member assigned the task to themself first).
    expect(acmeServer.messages).toHaveLength(1);
  });

  it('stores the notification but sends no email for a kind the user switched off', async () => {
    expect(await ok(call(tokens.acmeMember, 'GET', '/api/me/notification-preferences'))).toEqual({
      commentAdded: true,
      taskAssigned: true,
      taskCompleted: true,
    });
    expect(
      await ok<NotificationPreferencesView>(
        call(tokens.acmeMember, 'PUT', '/api/me/notification-preferences', { taskAssigned: false }),
      ),
    ).toEqual({ commentAdded: true, taskAssigned: false, taskCompleted: true });
    try {
      const before = await emailCount(acme);
      const task = await ok<TaskView>(
        call(tokens.acmeAdmin, 'POST', '/api/tasks', { title: 'Quiet task', assigneeId: acme.member.id }),
        201,
      );
      const notification = (await inbox(tokens.acmeMember)).items[0];
      expect(notification).toMatchObject({ kind: 'task_assigned', about: { id: task.id }, emailId: null });
      expect(await emailCount(acme)).toBe(before);
    } finally {
      await call(tokens.acmeMember, 'PUT', '/api/me/notification-preferences', { taskAssigned: true });
    }
  });

  it('marks notifications read, one or all, only the caller’s own', async () => {
    const activity = await createActivity(tokens.acmeMember, 'CRM');
    await comment(tokens.acmeAdmin, activity.id, 'First');
    await comment(tokens.acmeAdmin, activity.id, 'Second');
    const before = await inbox(tokens.acmeMember);
    expect(before.unreadCount).toBeGreaterThanOrEqual(2);
    const first = before.items[0]?.id as string;
    expect((await call(tokens.acmeAdmin, 'POST', `/api/notifications/${first}/read`)).status).toBe(404);
    const read = await ok<{ readAt: string | null }>(
      call(tokens.acmeMember, 'POST', `/api/notifications/${first}/read`),
    );
    expect(read.readAt).not.toBeNull();
    expect((await inbox(tokens.acmeMember)).unreadCount).toBe(before.unreadCount - 1);
    const unreadOnly = await ok<NotificationInboxPage>(
      call(tokens.acmeMember, 'GET', '/api/notifications?unread=true'),
    );
    expect(unreadOnly.items.map((item) => item.id)).not.toContain(first);
    expect(
      (await ok<NotificationInboxPage>(call(tokens.acmeMember, 'POST', '/api/notifications/read-all')))
        .unreadCount,
    ).toBe(0);
  });

  it('refuses an assignee or activity of another organization, creating no task and queueing no email', async () => {
    const globexActivity = await createActivity(tokens.globexAdmin, 'Globex HR');
    const tasksBefore = await harness.api.dataSource.getRepository(Task).countBy({ organizationId: acme.id });
    const emailsBefore = await emailCount(acme);
    expect(
      await fieldsOf(
        await call(tokens.acmeAdmin, 'POST', '/api/tasks', { title: 'Steal', assigneeId: globex.member.id }),
      ),
    ).toEqual(['assigneeId']);
    expect(
      await fieldsOf(
        await call(tokens.acmeAdmin, 'POST', '/api/tasks', {
          title: 'Steal',
          assigneeId: acme.member.id,
          processingActivityId: globexActivity.id,
        }),
      ),
    ).toEqual(['processingActivityId']);
    const task = await ok<TaskView>(
      call(tokens.acmeAdmin, 'POST', '/api/tasks', { title: 'Mine', assigneeId: acme.admin.id }),
      201,
    );
    expect(
      await fieldsOf(
        await call(tokens.acmeAdmin, 'PATCH', `/api/tasks/${task.id}`, { assigneeId: globex.admin.id }),
      ),
    ).toEqual(['assigneeId']);
    expect((await ok<TaskView>(call(tokens.acmeAdmin, 'GET', `/api/tasks/${task.id}`))).assignee?.id).toBe(
      acme.admin.id,
    );
    expect(await harness.api.dataSource.getRepository(Task).countBy({ organizationId: acme.id })).toBe(
      tasksBefore + 1,
    );
    expect(await emailCount(acme)).toBe(emailsBefore);
  });

  it('never shows or changes another organization’s activities and tasks', async () => {
    const activity = await createActivity(tokens.acmeAdmin, 'Acme only');
    const task = await ok<TaskView>(
      call(tokens.acmeAdmin, 'POST', '/api/tasks', { title: 'Acme task', assigneeId: acme.member.id }),
      201,
    );
    const globexEmails = await emailCount(globex);
    expect((await call(tokens.globexAdmin, 'GET', `/api/processing-activities/${activity.id}`)).status).toBe(
      404,
    );
    expect((await comment(tokens.globexAdmin, activity.id, 'Hello')).status).toBe(404);
    expect((await call(tokens.globexAdmin, 'GET', `/api/tasks/${task.id}`)).status).toBe(404);
    expect(
      (await call(tokens.globexAdmin, 'PATCH', `/api/tasks/${task.id}`, { status: 'done' })).status,
    ).toBe(404);
    const globexList = await ok<Page<ProcessingActivityView>>(
      call(tokens.globexAdmin, 'GET', '/api/processing-activities?pageSize=100'),
    );
    expect(globexList.items.map((item) => item.id)).not.toContain(activity.id);
    expect(globexList.total).toBe(
      await harness.api.dataSource.getRepository(ProcessingActivity).countBy({ organizationId: globex.id }),
    );
    const globexTasks = await ok<Page<TaskView>>(call(tokens.globexAdmin, 'GET', '/api/tasks?pageSize=100'));
    expect(globexTasks.items.map((item) => item.id)).not.toContain(task.id);
    expect(globexTasks.total).toBe(
      await harness.api.dataSource.getRepository(Task).countBy({ organizationId: globex.id }),
    );
    expect(await emailCount(globex)).toBe(globexEmails);
    expect((await call(null, 'GET', '/api/notifications')).status).toBe(401);
    expect((await call(null, 'POST', '/api/tasks', { title: 'x', assigneeId: acme.admin.id })).status).toBe(
      401,
    );
  });

  it('lets only the assignee, the creator or an admin change a task', async () => {
    const task = await ok<TaskView>(
      call(tokens.acmeAdmin, 'POST', '/api/tasks', { title: 'Admin’s own', assigneeId: acme.admin.id }),
      201,
    );
    const refused = await call(tokens.acmeMember, 'PATCH', `/api/tasks/${task.id}`, { status: 'done' });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as ApiErrorBody).code).toBe('task_change_forbidden');
    const mine = await ok<TaskView>(
      call(tokens.acmeMember, 'POST', '/api/tasks', { title: 'Member’s', assigneeId: acme.member.id }),
      201,
    );
    expect(
      (
        await ok<TaskView>(
          call(tokens.acmeAdmin, 'PATCH', `/api/tasks/${mine.id}`, { status: 'in_progress' }),
        )
      ).status,
    ).toBe('in_progress');
  });

  it('answers bad input with 400 naming the field', async () => {
    const post = (path: string, body: unknown) => call(tokens.acmeAdmin, 'POST', path, body);
    expect(await fieldsOf(await post('/api/processing-activities', { description: 'x' }))).toEqual(['name']);
    expect(
      await fieldsOf(await post('/api/processing-activities', { name: 'A\nB', description: 'x' })),
    ).toEqual(['name']);
    expect(await fieldsOf(await post('/api/processing-activities', { name: 'A', description: 1 }))).toEqual([
      'description',
    ]);
    const activity = await createActivity(tokens.acmeAdmin, 'Validation');
    expect(
      await fieldsOf(await post(`/api/processing-activities/${activity.id}/comments`, { body: '   ' })),
    ).toEqual(['body']);
    expect(await fieldsOf(await post('/api/tasks', { title: 'T' }))).toEqual(['assigneeId']);
    expect(await fieldsOf(await post('/api/tasks', { title: 'T', assigneeId: 'bob' }))).toEqual([
      'assigneeId',
    ]);
    expect(
      await fieldsOf(
        await post('/api/tasks', { title: 'T', assigneeId: acme.admin.id, dueDate: '2025-02-30' }),
      ),
    ).toEqual(['dueDate']);
    expect(
      await fieldsOf(
        await post('/api/tasks', { title: 'T', assigneeId: acme.admin.id, dueDate: 'tomorrow' }),
      ),
    ).toEqual(['dueDate']);
    const task = await ok<TaskView>(post('/api/tasks', { title: 'T', assigneeId: acme.admin.id }), 201);
    expect(
      await fieldsOf(await call(tokens.acmeAdmin, 'PATCH', `/api/tasks/${task.id}`, { status: 'finished' })),
    ).toEqual(['status']);
    expect(
      await fieldsOf(await call(tokens.acmeAdmin, 'PATCH', `/api/tasks/${task.id}`, { owner: 'me' })),
    ).toEqual(['owner']);
    expect(
      await fieldsOf(
        await call(tokens.acmeAdmin, 'PUT', '/api/me/notification-preferences', { commentAdded: 'no' }),
      ),
    ).toEqual(['commentAdded']);
    // null is not "leave it as it is": the columns are NOT NULL, and null used to reach them (500).
    expect(
      await fieldsOf(
        await call(tokens.acmeAdmin, 'PUT', '/api/me/notification-preferences', { taskAssigned: null }),
      ),
    ).toEqual(['taskAssigned']);
    for (const field of ['title', 'status', 'assigneeId', 'description']) {
      expect(
        await fieldsOf(await call(tokens.acmeAdmin, 'PATCH', `/api/tasks/${task.id}`, { [field]: null })),
      ).toEqual([field]);
    }
    expect((await call(tokens.acmeAdmin, 'GET', '/api/tasks/not-an-id')).status).toBe(400);
  });

  it('keeps neither the comment nor its notifications when their email cannot be stored', async () => {
    const activity = await createActivity(tokens.acmeAdmin, 'Outbox');
    const emailsBefore = await emailCount(acme);
    const notificationsBefore = await harness.api.dataSource.getRepository(Notification).count();
    await refuseInserts(harness.api.dataSource, 'outbound_emails', async () => {
      const response = await comment(tokens.acmeMember, activity.id, 'This cannot be emailed');
      expect(response.status).toBe(500);
    });
    expect(
      await harness.api.dataSource.getRepository(ActivityComment).countBy({ activityId: activity.id }),
    ).toBe(0);
    expect(await harness.api.dataSource.getRepository(Notification).count()).toBe(notificationsBefore);
    expect(await emailCount(acme)).toBe(emailsBefore);
    const detail = await ok<ProcessingActivityDetail>(
      call(tokens.acmeAdmin, 'GET', `/api/processing-activities/${activity.id}`),
    );
    expect(detail.comments).toEqual([]);
    expect(detail.watchers.map((w) => w.id)).toEqual([acme.admin.id]);
  });

  describe('lists in pages', () => {
    const countOf = <T extends object>(entity: new () => T, where: FindOptionsWhere<T>) =>
      harness.api.dataSource.getRepository(entity).countBy(where);

    it('answers processing activities newest first, a page at a time, with the total', async () => {
      for (const name of ['Paged A', 'Paged B', 'Paged C']) {
        await createActivity(tokens.globexMember, name);
      }
      const total = await countOf(ProcessingActivity, { organizationId: globex.id });
      const list = (query: string) =>
        ok<Page<ProcessingActivityView>>(
          call(tokens.globexMember, 'GET', `/api/processing-activities?${query}`),
        );

      const first = await list('pageSize=2');
      expect(first).toMatchObject({ total, page: 1, pageSize: 2 });
      expect(first.items.map((item) => item.name)).toEqual(['Paged C', 'Paged B']);
      expect((await list('page=2&pageSize=2')).items[0]?.name).toBe('Paged A');
      const pastTheEnd = Math.ceil(total / 2) + 1;
      expect(await list(`page=${pastTheEnd}&pageSize=2`)).toEqual({
        items: [],
        total,
        page: pastTheEnd,
        pageSize: 2,
      });
    });

    it('answers tasks a page at a time, the caller’s own with assignee=me', async () => {
      const create = (title: string, assigneeId: string) =>
        ok<TaskView>(call(tokens.globexAdmin, 'POST', '/api/tasks', { title, assigneeId }), 201);
      await create('Older of mine', globex.member.id);
      await create('Not mine', globex.admin.id);
      const newest = await create('Newest of mine', globex.member.id);
      const mine = await countOf(Task, { organizationId: globex.id, assigneeId: globex.member.id });

      const page = await ok<Page<TaskView>>(
        call(tokens.globexMember, 'GET', '/api/tasks?assignee=me&pageSize=1'),
      );
      expect(page).toMatchObject({ total: mine, page: 1, pageSize: 1, items: [{ id: newest.id }] });
      const all = await ok<Page<TaskView>>(call(tokens.globexMember, 'GET', '/api/tasks?page=1000'));
      expect(all).toEqual({
        items: [],
        total: await countOf(Task, { organizationId: globex.id }),
        page: 1000,
        pageSize: 25,
      });
    });

    it('counts every unread notification beside any page of the inbox', async () => {
      const activity = await createActivity(tokens.globexMember, 'Unread count');
      for (const body of ['One', 'Two', 'Three']) {
        expect((await comment(tokens.globexAdmin, activity.id, body)).status).toBe(201);
      }
      const mine = { organizationId: globex.id, recipientId: globex.member.id };
      const unread = await countOf(Notification, { ...mine, readAt: IsNull() });
      const total = await countOf(Notification, mine);
      expect(unread).toBeGreaterThanOrEqual(3);

      const page = await ok<NotificationInboxPage>(
        call(tokens.globexMember, 'GET', '/api/notifications?pageSize=1'),
      );
      expect(page).toMatchObject({ total, page: 1, pageSize: 1, unreadCount: unread });
      expect(page.items.map((item) => item.excerpt)).toEqual(['Three']);

      const past = await ok<NotificationInboxPage>(
        call(tokens.globexMember, 'GET', '/api/notifications?unread=true&page=500&pageSize=100'),
      );
      expect(past).toEqual({ items: [], total: unread, page: 500, pageSize: 100, unreadCount: unread });

      await ok(call(tokens.globexMember, 'POST', `/api/notifications/${page.items[0]?.id}/read`));
      const after = await ok<NotificationInboxPage>(
        call(tokens.globexMember, 'GET', '/api/notifications?unread=false'),
      );
      expect(after).toMatchObject({ total, unreadCount: unread - 1 });
    });

    it('refuses a page out of bounds or an unknown filter with 400 naming the field', async () => {
      const cases: [string, string][] = [
        ['/api/processing-activities?page=0', 'page'],
        ['/api/processing-activities?pageSize=101', 'pageSize'],
        ['/api/tasks?pageSize=0', 'pageSize'],
        ['/api/tasks?page=two', 'page'],
        ['/api/tasks?assignee=someone', 'assignee'],
        ['/api/notifications?page=-1', 'page'],
        ['/api/notifications?pageSize=1000', 'pageSize'],
        ['/api/notifications?unread=yes', 'unread'],
      ];
      for (const [path, field] of cases) {
        expect([path, await fieldsOf(await call(tokens.acmeMember, 'GET', path))]).toEqual([path, [field]]);
      }
    });
  });
}

describe('Notifications API on SQLite', () => {
  notificationsApiSuite({ database: () => ({}) });
});

describeWithPostgres('Notifications API on PostgreSQL', () => {
  let postgres: ThrowawayPostgres;
  beforeAll(async () => {
    postgres = await startThrowawayPostgres({ database: 'mailroute_notifications' });
  });
  afterAll(() => postgres?.stop());
  notificationsApiSuite({ database: () => ({ DATABASE_URL: postgres.url }) });
});
