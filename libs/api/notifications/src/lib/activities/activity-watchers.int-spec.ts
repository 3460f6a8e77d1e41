import { In } from 'typeorm';
import { type ApiCall, type SeededOrganization } from '@mailroute/api/core/testing';
import { OutboundEmail } from '@mailroute/api/mail';
import { startTwoOrganizationsHarness, type TwoOrganizationsHarness } from '@mailroute/api/mail/testing';
import type {
  ActivityWatchersView,
  ApiErrorBody,
  ProcessingActivityDetail,
  ProcessingActivityView,
} from '@mailroute/shared/contracts';
import {
  describeWithPostgres,
  startThrowawayPostgres,
  type TestSmtpServer,
  type ThrowawayPostgres,
  waitUntil,
} from '@mailroute/testing';
import { notificationsSchema } from '../notifications-schema';
import { NotificationsModule } from '../notifications.module';
import { ActivityWatcher } from './activity-watcher.entity';

const APP = 'https://app.mailroute.test';

/** Following an activity on purpose, and an admin adding or removing someone, on `database()`. */
function watchersSuite(database: () => Record<string, string>): void {
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
  const watchers = (token: string | null, activityId: string, who: string, method: 'PUT' | 'DELETE') =>
    call(token, method, `/api/processing-activities/${activityId}/watchers/${who}`);
  const watcherIdsOf = async (activityId: string) =>
    (
      await ok<ProcessingActivityDetail>(
        call(tokens.acmeAdmin, 'GET', `/api/processing-activities/${activityId}`),
      )
    ).watchers
      .map((watcher) => watcher.id)
      .sort();
  const comment = async (token: string, activityId: string, body: string) =>
    ok(call(token, 'POST', `/api/processing-activities/${activityId}/comments`, { body }), 201);
  const allSent = () =>
    waitUntil(
      async () =>
        (await harness.api.dataSource
          .getRepository(OutboundEmail)
          .countBy({ organizationId: acme.id, status: In(['queued', 'sending', 'retrying']) })) === 0,
      { description: 'every queued email to be delivered' },
    );
  const sorted = (...ids: string[]) => [...ids].sort();

  beforeAll(async () => {
    harness = await startTwoOrganizationsHarness({
      env: { PUBLIC_URL: APP, ...database() },
      imports: [NotificationsModule],
      schema: [notificationsSchema],
      acmeRoute: { sender: 'notify@acme.test' },
    });
    ({ acmeServer, acme, globex, tokens } = harness);
  });

  afterAll(() => harness?.close());

  beforeEach(async () => {
    await allSent();
    acmeServer.clear();
  });

  it('lets a user follow an activity and stop, each twice as once, hearing of comments only meanwhile', async () => {
    const activity = await createActivity(tokens.acmeAdmin, 'Payroll');

    const followed = await ok<ActivityWatchersView>(watchers(tokens.acmeMember, activity.id, 'me', 'PUT'));
    expect(followed.watchers).toEqual(
      expect.arrayContaining([
        { id: acme.admin.id, name: 'admin of acme' },
        { id: acme.member.id, name: 'member of acme' },
      ]),
    );
    expect(
      (await ok<ActivityWatchersView>(watchers(tokens.acmeMember, activity.id, 'me', 'PUT'))).watchers,
    ).toHaveLength(2);
    expect(await watcherIdsOf(activity.id)).toEqual(sorted(acme.admin.id, acme.member.id));

    await comment(tokens.acmeAdmin, activity.id, 'Retention is ten years.');
    const [toMember] = await acmeServer.waitForMessages(1);
    expect(toMember?.to).toEqual([acme.member.email]);
    expect(toMember?.subject).toBe('admin of acme commented on “Payroll”');
    expect(toMember?.text).toContain(`${APP}/processing-activities/${activity.id}`);

    const stopped = await ok<ActivityWatchersView>(watchers(tokens.acmeMember, activity.id, 'me', 'DELETE'));
    expect(stopped.watchers.map((watcher) => watcher.id)).toEqual([acme.admin.id]);
    expect(
      (await ok<ActivityWatchersView>(watchers(tokens.acmeMember, activity.id, 'me', 'DELETE'))).watchers,
    ).toHaveLength(1);

    await comment(tokens.acmeAdmin, activity.id, 'And the payslips five.');
    await allSent();
    expect(acmeServer.messages).toHaveLength(1);
  });

  it('lets an admin add another user of the organization, who is emailed the next comment, and remove them', async () => {
    const activity = await createActivity(tokens.acmeAdmin, 'CRM');

    const added = await ok<ActivityWatchersView>(
      watchers(tokens.acmeAdmin, activity.id, acme.member.id, 'PUT'),
    );
    expect(added.watchers.map((watcher) => watcher.id).sort()).toEqual(sorted(acme.admin.id, acme.member.id));

    await comment(tokens.acmeAdmin, activity.id, 'Who has access to the CRM?');
    const [toMember] = await acmeServer.waitForMessages(1);
    expect(toMember?.to).toEqual([acme.member.email]);
    expect(toMember?.text).toContain('Who has access to the CRM?');

    const removed = await ok<ActivityWatchersView>(
      watchers(tokens.acmeAdmin, activity.id, acme.member.id, 'DELETE'),
    );
    expect(removed.watchers.map((watcher) => watcher.id)).toEqual([acme.admin.id]);
    await comment(tokens.acmeAdmin, activity.id, 'Sales only.');
    await allSent();
    expect(acmeServer.messages).toHaveLength(1);

    // An admin may also stop their own following by id.
    expect(
      (await ok<ActivityWatchersView>(watchers(tokens.acmeAdmin, activity.id, acme.admin.id, 'DELETE')))
        .watchers,
    ).toEqual([]);
  });

  it('refuses a member changing someone else (403), and another organization’s user or activity (404)', async () => {
    const activity = await createActivity(tokens.acmeAdmin, 'Tenant bounds');
    const rows = () =>
      harness.api.dataSource.getRepository(ActivityWatcher).countBy({ activityId: activity.id });
    const before = await rows();

    for (const method of ['PUT', 'DELETE'] as const) {
      const refused = await watchers(tokens.acmeMember, activity.id, acme.admin.id, method);
      expect([method, refused.status, ((await refused.json()) as ApiErrorBody).code]).toEqual([
        method,
        403,
        'admin_only',
      ]);
      for (const response of [
        await watchers(tokens.acmeAdmin, activity.id, globex.member.id, method),
        await watchers(tokens.acmeAdmin, activity.id, '5b0e9b0c-6c1e-4d7a-9b1a-0c3f2d1e4a5b', method),
        await watchers(tokens.globexAdmin, activity.id, 'me', method),
        await watchers(tokens.globexAdmin, activity.id, globex.member.id, method),
        await watchers(tokens.acmeAdmin, '5b0e9b0c-6c1e-4d7a-9b1a-0c3f2d1e4a5b', 'me', method),
      ]) {
        expect([method, response.status, ((await response.json()) as ApiErrorBody).code]).toEqual([
          method,
          404,
          'not_found',
        ]);
      }
    }
    expect(await rows()).toBe(before);
    expect(await watcherIdsOf(activity.id)).toEqual([acme.admin.id]);
  });

  it('answers 400 for a malformed id, and 401 without a session', async () => {
    const activity = await createActivity(tokens.acmeAdmin, 'Bad ids');
    for (const method of ['PUT', 'DELETE'] as const) {
      expect((await watchers(tokens.acmeAdmin, activity.id, 'not-a-user', method)).status).toBe(400);
      expect((await watchers(tokens.acmeAdmin, 'not-an-activity', 'me', method)).status).toBe(400);
      expect((await watchers(tokens.acmeAdmin, 'not-an-activity', acme.member.id, method)).status).toBe(400);
      expect((await watchers(null, activity.id, 'me', method)).status).toBe(401);
    }
    expect(await watcherIdsOf(activity.id)).toEqual([acme.admin.id]);
  });
}

describe('Activity watchers API on SQLite', () => {
  watchersSuite(() => ({}));
});

describeWithPostgres('Activity watchers API on PostgreSQL', () => {
  let postgres: ThrowawayPostgres;
  beforeAll(async () => {
    postgres = await startThrowawayPostgres({ database: 'mailroute_activity_watchers' });
  });
  afterAll(() => postgres?.stop());
  watchersSuite(() => ({ DATABASE_URL: postgres.url }));
});
