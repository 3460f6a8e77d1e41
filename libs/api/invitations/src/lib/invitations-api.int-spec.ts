import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { type ApiCall, refuseInserts, type SeededOrganization, signIn } from '@mailroute/api/core/testing';
import { OutboundEmail } from '@mailroute/api/mail';
import {
  ACME_SMTP_USER,
  PLATFORM_SENDER,
  startTwoOrganizationsHarness,
  type TwoOrganizationsHarness,
} from '@mailroute/api/mail/testing';
import type {
  AcceptedInvitation,
  ApiErrorBody,
  EmailLogPage,
  InvitationPreview,
  InvitationView,
  Page,
  UserView,
} from '@mailroute/shared/contracts';
import {
  describeWithPostgres,
  type ReceivedMessage,
  startThrowawayPostgres,
  type TestSmtpServer,
  type ThrowawayPostgres,
  waitUntil,
} from '@mailroute/testing';
import { invitationsSchema } from './invitations-schema';
import { InvitationsModule } from './invitations.module';
import { Invitation } from './invitation.entity';

const PUBLIC_URL = 'https://app.mailroute.test';
const ACME_SENDER = 'team@acme.test';
const LINK = /https:\/\/app\.mailroute\.test\/invitations\/([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/;
const NEW_PASSWORD = 'correct horse battery';

/** The whole API suite, on the database `database()` names (SQLite when it names none). */
function invitationsApiSuite(database: () => Record<string, string>): void {
  let harness: TwoOrganizationsHarness;
  let acmeServer: TestSmtpServer;
  let acme: SeededOrganization;
  let globex: SeededOrganization;
  let acmeAdmin: string;
  let acmeMember: string;
  let globexAdmin: string;
  let invitee = 0;

  const dataSource = () => harness.api.app.get(DataSource);
  const call: ApiCall = (...request) => harness.api.call(...request);
  const json = async <T>(response: Response, status: number): Promise<T> => {
    const text = await response.text();
    expect({ status: response.status, body: text }).toEqual({ status, body: expect.any(String) });
    return (text === '' ? undefined : JSON.parse(text)) as T;
  };
  const newAddress = (slug = 'new') => `${slug}${++invitee}@example.test`;
  const invite = async (token: string, body: Record<string, unknown>) =>
    json<InvitationView>(await call(token, 'POST', '/api/invitations', body), 201);
  const linkIn = (message: ReceivedMessage | undefined): string => {
    const token = LINK.exec(message?.text ?? '')?.[1];
    expect(token).toBeDefined();
    return token as string;
  };
  /** The latest message to `address` (others' emails may still be arriving from earlier tests). */
  const lastMessageTo = (server: TestSmtpServer, address: string) =>
    waitUntil(() => server.messages.filter((message) => message.to.includes(address)).at(-1), {
      description: `an email to ${address}`,
    });
  const queuedEmails = (organizationId: string) =>
    dataSource().getRepository(OutboundEmail).countBy({ organizationId });
  const emailLog = async (token: string) =>
    json<EmailLogPage>(await call(token, 'GET', '/api/organizations/current/emails'), 200);
  /** The log line of the email to `address`, once the dispatcher recorded it as sent. */
  const sentLogItem = (token: string, address: string) =>
    waitUntil(
      async () =>
        (await emailLog(token)).items.find((item) => item.to.includes(address) && item.status === 'sent'),
      { description: `the email to ${address} logged as sent` },
    );

  const openInvitations = async (token = acmeAdmin) =>
    (await json<Page<InvitationView>>(await call(token, 'GET', '/api/invitations?pageSize=100'), 200)).items;
  /** Invites at Acme and returns the token of the link that arrived on Acme's server. */
  const invitedAtAcme = async (email = newAddress(), role = 'member') => {
    const view = await invite(acmeAdmin, { email, role });
    return { view, token: linkIn(await lastMessageTo(acmeServer, email)), email };
  };

  beforeAll(async () => {
    harness = await startTwoOrganizationsHarness({
      env: { PUBLIC_URL, ...database() },
      imports: [InvitationsModule],
      schema: [invitationsSchema],
      acmeRoute: { sender: ACME_SENDER },
    });
    ({ acmeServer, acme, globex } = harness);
    ({ acmeAdmin, acmeMember, globexAdmin } = harness.tokens);
  });

  beforeEach(() => {
    acmeServer.clear();
    harness.platform.clear();
  });

  afterAll(() => harness?.close());

  describe('sending', () => {
    it('emails the link through the organization’s own server, in its language, and logs it', async () => {
      const email = newAddress('ada');
      const view = await invite(acmeAdmin, { email: ` ${email.toUpperCase()} `, role: 'admin' });

      expect(view).toMatchObject({ email, role: 'admin', status: 'pending', locale: null });
      const validMs = Date.parse(view.expiresAt) - Date.parse(view.createdAt);
      expect(validMs).toBe(7 * 24 * 60 * 60 * 1000);

      const message = await lastMessageTo(acmeServer, email);
      expect(message?.from?.address).toBe(ACME_SENDER);
      expect(message?.authenticatedUser).toBe(ACME_SMTP_USER.username);
      expect(message?.secure).toBe(true);
      expect(message?.to).toEqual([email]);
      expect(message?.subject).toBe('admin of acme invites you to join Acme on Mailroute');
      expect(message?.text).toContain('as an administrator');
      const token = linkIn(message);
      expect(message?.html).toContain(`href="${PUBLIC_URL}/invitations/${token}"`);
      expect(harness.platform.messages.filter((m) => m.to.includes(email))).toEqual([]);

      // Only the token's SHA-256 is stored.
      const row = await dataSource().getRepository(Invitation).findOneByOrFail({ id: view.id });
      expect(row.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
      expect(JSON.stringify(row)).not.toContain(token);

      expect(await sentLogItem(acmeAdmin, email)).toMatchObject({
        kind: 'user_invitation',
        to: [email],
        route: { type: 'custom', sender: ACME_SENDER },
      });
    });

    it('emails through the platform for an organization without its own server, in French by default', async () => {
      const email = newAddress('louise');
      await invite(globexAdmin, { email, role: 'member' });

      const message = await lastMessageTo(harness.platform, email);
      expect(message?.from?.address).toBe(PLATFORM_SENDER);
      expect(message?.to).toEqual([email]);
      expect(message?.subject).toBe('admin of globex vous invite à rejoindre Globex sur Mailroute');
      expect(message?.text).toContain('en tant que membre');
      linkIn(message);
      expect(acmeServer.messages.filter((m) => m.to.includes(email))).toEqual([]);

      expect(await sentLogItem(globexAdmin, email)).toMatchObject({
        kind: 'user_invitation',
        to: [email],
        route: { type: 'platform', sender: PLATFORM_SENDER },
      });
      // Acme's log does not show Globex's email.
      expect((await emailLog(acmeAdmin)).items.some((item) => item.to.includes(email))).toBe(false);
    });

    it('writes in the invitee’s language when the admin gives it', async () => {
      const email = newAddress('alan');
      const view = await invite(globexAdmin, { email, role: 'member', locale: 'en' });

      expect(view.locale).toBe('en');
      const message = await lastMessageTo(harness.platform, email);
      expect(message?.subject).toBe('admin of globex invites you to join Globex on Mailroute');
      // The page the link opens starts in the same language (Globex's own is French).
      const preview = await json<InvitationPreview>(
        await call(null, 'GET', `/api/invitations/${linkIn(message)}`),
        200,
      );
      expect(preview.locale).toBe('en');
    });

    it('lists the organization’s open invitations only', async () => {
      const { view } = await invitedAtAcme();
      const globexView = await invite(globexAdmin, { email: newAddress(), role: 'member' });

      const acmeList = await openInvitations();
      expect(acmeList.map((item) => item.id)).toContain(view.id);
      expect(acmeList.map((item) => item.id)).not.toContain(globexView.id);
      expect(JSON.stringify(acmeList)).not.toMatch(/token/i);
    });
  });

  describe('accepting', () => {
    it('shows the invitation to the link’s holder, then creates the user, who can sign in', async () => {
      const { token, email } = await invitedAtAcme(undefined, 'admin');

      const preview = await json<InvitationPreview>(
        await call(null, 'GET', `/api/invitations/${token}`),
        200,
      );
      expect(preview).toMatchObject({
        email,
        role: 'admin',
        organizationName: 'Acme',
        // No language of its own: the organization's (Acme's is English), as in the email.
        locale: 'en',
        invitedBy: { name: 'admin of acme' },
      });

      const accepted = await json<AcceptedInvitation>(
        await call(null, 'POST', `/api/invitations/${token}/accept`, {
          name: ' Ada ',
          password: NEW_PASSWORD,
        }),
        201,
      );
      expect(accepted).toMatchObject({
        user: { email, name: 'Ada', role: 'admin' },
        organization: { id: acme.id, name: 'Acme' },
      });

      const newUserToken = await signIn(harness.api.baseUrl, { email, password: NEW_PASSWORD });
      const users = await json<Page<UserView>>(await call(newUserToken, 'GET', '/api/users'), 200);
      expect(users.items.map((user) => user.email)).toEqual(
        expect.arrayContaining([email, acme.admin.email]),
      );
      const openIds = (await openInvitations()).map((item) => item.email);
      expect(openIds).not.toContain(email);
    });

    it('refuses to accept twice', async () => {
      const { token } = await invitedAtAcme();
      const body = { name: 'Twice', password: NEW_PASSWORD };
      await json(await call(null, 'POST', `/api/invitations/${token}/accept`, body), 201);

      const again = await json<{ code: string }>(
        await call(null, 'POST', `/api/invitations/${token}/accept`, body),
        409,
      );
      expect(again.code).toBe('invitation_already_accepted');
    });

    it('refuses an expired invitation, and a resend makes it usable again', async () => {
      const { view, token } = await invitedAtAcme();
      await dataSource()
        .getRepository(Invitation)
        .update({ id: view.id }, { expiresAt: new Date(Date.now() - 1000) });

      const refused = await json<{ code: string }>(
        await call(null, 'POST', `/api/invitations/${token}/accept`, {
          name: 'Late',
          password: NEW_PASSWORD,
        }),
        409,
      );
      expect(refused.code).toBe('invitation_expired');
      const list = await openInvitations();
      expect(list.find((item) => item.id === view.id)?.status).toBe('expired');

      const resent = await json<InvitationView>(
        await call(acmeAdmin, 'POST', `/api/invitations/${view.id}/resend`),
        200,
      );
      expect(resent.status).toBe('pending');
    });

    it('replaces the link on resend: the old one stops working, the new one works', async () => {
      const { view, token: oldToken, email } = await invitedAtAcme();
      acmeServer.clear();
      // (the resent email is then the only one to this address on the server)

      await json(await call(acmeAdmin, 'POST', `/api/invitations/${view.id}/resend`), 200);
      const newToken = linkIn(await lastMessageTo(acmeServer, email));
      expect(newToken).not.toBe(oldToken);

      const old = await json<{ code: string }>(
        await call(null, 'POST', `/api/invitations/${oldToken}/accept`, {
          name: 'Old',
          password: NEW_PASSWORD,
        }),
        404,
      );
      expect(old.code).toBe('invitation_not_found');
      await json(
        await call(null, 'POST', `/api/invitations/${newToken}/accept`, {
          name: 'New',
          password: NEW_PASSWORD,
        }),
        201,
      );
    });

    it('refuses a revoked invitation, which can then neither be resent nor revoked again', async () => {
      const { view, token } = await invitedAtAcme();

      const revoked = await call(acmeAdmin, 'DELETE', `/api/invitations/${view.id}`);
      expect(revoked.status).toBe(204);

      for (const [method, path, body] of [
        ['POST', `/api/invitations/${token}/accept`, { name: 'Revoked', password: NEW_PASSWORD }],
        ['GET', `/api/invitations/${token}`, undefined],
      ] as const) {
        expect((await json<{ code: string }>(await call(null, method, path, body), 409)).code).toBe(
          'invitation_revoked',
        );
      }
      for (const [method, path] of [
        ['POST', `/api/invitations/${view.id}/resend`],
        ['DELETE', `/api/invitations/${view.id}`],
      ] as const) {
        expect((await json<{ code: string }>(await call(acmeAdmin, method, path), 409)).code).toBe(
          'invitation_revoked',
        );
      }
    });

    it('refuses an email that got an account meanwhile, in any organization', async () => {
      const email = newAddress('both');
      const { token: acmeToken } = await invitedAtAcme(email);
      await invite(globexAdmin, { email, role: 'member' });
      const globexMessage = await lastMessageTo(harness.platform, email);
      await json(
        await call(null, 'POST', `/api/invitations/${linkIn(globexMessage)}/accept`, {
          name: 'Both',
          password: NEW_PASSWORD,
        }),
        201,
      );

      const refused = await json<{ code: string }>(
        await call(null, 'POST', `/api/invitations/${acmeToken}/accept`, {
          name: 'Both',
          password: NEW_PASSWORD,
        }),
        409,
      );
      expect(refused.code).toBe('email_already_registered');
    });

    it('answers 404 for an unknown or malformed token', async () => {
      for (const token of ['A'.repeat(43), 'A'.repeat(44), 'not-a-token']) {
        const response = await call(null, 'POST', `/api/invitations/${token}/accept`, {
          name: 'Nobody',
          password: NEW_PASSWORD,
        });
        expect((await json<{ code: string }>(response, 404)).code).toBe('invitation_not_found');
      }
    });
  });

  describe('the transactional outbox', () => {
    it('queues no email when the invitation is refused', async () => {
      const before = await queuedEmails(acme.id);

      for (const [email, code] of [
        [acme.member.email, 'email_already_registered'],
        [globex.admin.email, 'email_already_registered'],
      ] as const) {
        const response = await call(acmeAdmin, 'POST', '/api/invitations', { email, role: 'member' });
        expect((await json<{ code: string }>(response, 409)).code).toBe(code);
      }
      const { email } = await invitedAtAcme();
      const pending = await call(acmeAdmin, 'POST', '/api/invitations', { email, role: 'admin' });
      expect((await json<{ code: string }>(pending, 409)).code).toBe('invitation_already_pending');

      expect(await queuedEmails(acme.id)).toBe(before + 1);
    });

    it('queues no email when the invitation cannot be stored', async () => {
      const before = await queuedEmails(acme.id);
      await refuseInserts(dataSource(), 'invitations', async () => {
        const response = await call(acmeAdmin, 'POST', '/api/invitations', {
          email: newAddress(),
          role: 'member',
        });
        expect(response.status).toBe(500);
      });
      expect(await queuedEmails(acme.id)).toBe(before);
    });

    it('stores no invitation when its email cannot be written', async () => {
      const email = newAddress('rollback');
      await refuseInserts(dataSource(), 'outbound_emails', async () => {
        const response = await call(acmeAdmin, 'POST', '/api/invitations', { email, role: 'member' });
        expect(response.status).toBe(500);
      });
      expect(await dataSource().getRepository(Invitation).countBy({ email })).toBe(0);
      // And nothing stands in the way of inviting the address again.
      await invite(acmeAdmin, { email, role: 'member' });
    });

    it('keeps the old link working when the resent email cannot be written', async () => {
      const { view, token } = await invitedAtAcme();
      await refuseInserts(dataSource(), 'outbound_emails', async () => {
        expect((await call(acmeAdmin, 'POST', `/api/invitations/${view.id}/resend`)).status).toBe(500);
      });
      await json(await call(null, 'GET', `/api/invitations/${token}`), 200);
    });
  });

  describe('authorization and scoping', () => {
    it('refuses members: only admins invite, list, resend and revoke', async () => {
      const { view } = await invitedAtAcme();
      for (const [method, path, body] of [
        ['POST', '/api/invitations', { email: newAddress(), role: 'member' }],
        ['GET', '/api/invitations', undefined],
        ['POST', `/api/invitations/${view.id}/resend`, undefined],
        ['DELETE', `/api/invitations/${view.id}`, undefined],
      ] as const) {
        expect({ method, path, status: (await call(acmeMember, method, path, body)).status }).toEqual({
          method,
          path,
          status: 403,
        });
        expect({ method, path, status: (await call(null, method, path, body)).status }).toEqual({
          method,
          path,
          status: 401,
        });
      }
    });

    it('answers 404 for another organization’s invitation', async () => {
      const { view, token } = await invitedAtAcme();
      for (const [method, path] of [
        ['POST', `/api/invitations/${view.id}/resend`],
        ['DELETE', `/api/invitations/${view.id}`],
      ] as const) {
        expect((await json<{ code: string }>(await call(globexAdmin, method, path), 404)).code).toBe(
          'invitation_not_found',
        );
      }
      // Untouched: still usable at Acme.
      await json(await call(null, 'GET', `/api/invitations/${token}`), 200);
    });
  });

  describe('bad input', () => {
    it.each([
      [{ role: 'member' }, 'email', 'is required'],
      [{ email: 'not an email', role: 'member' }, 'email', 'must be an email address'],
      [{ email: `${'a'.repeat(320)}@example.test`, role: 'member' }, 'email', expect.any(String)],
      [{ email: 'x@example.test' }, 'role', 'is required'],
      [{ email: 'x@example.test', role: 'owner' }, 'role', 'must be one of: admin, member'],
      [{ email: 'x@example.test', role: 'member', locale: 'de' }, 'locale', 'must be one of: en, fr'],
      [{ email: 'x@example.test', role: 'member', token: 'x' }, 'token', 'is not a known field'],
    ])('refuses invitation %j with a 400 naming %s', async (body, field, reason) => {
      const error = await json<{ code: string; errors: unknown[] }>(
        await call(acmeAdmin, 'POST', '/api/invitations', body),
        400,
      );
      expect(error).toMatchObject({ code: 'validation_failed', errors: [{ field, reason }] });
    });

    it.each([
      [{ password: NEW_PASSWORD }, 'name', 'is required'],
      [{ name: '   ', password: NEW_PASSWORD }, 'name', 'must not be empty'],
      [{ name: 'x'.repeat(121), password: NEW_PASSWORD }, 'name', 'must be at most 120 characters'],
      [{ name: 'Ada' }, 'password', 'is required'],
      [{ name: 'Ada', password: 'short' }, 'password', 'must be at least 12 characters long'],
      [
        { name: 'Ada', password: ' '.repeat(12) },
        'password',
        'must not be only spaces or other blank characters',
      ],
      [
        { name: 'Ada', password: '\t \u00a0'.repeat(6) },
        'password',
        'must not be only spaces or other blank characters',
      ],
      [
        { name: 'Ada\r\nBcc: x@evil.test', password: NEW_PASSWORD },
        'name',
        'must be on one line, without control characters',
      ],
      [
        { name: 'Ada \u202Elive', password: NEW_PASSWORD },
        'name',
        'must not contain bidirectional control characters',
      ],
      [
        { name: 'Ada \u2066Bob\u2069', password: NEW_PASSWORD },
        'name',
        'must not contain bidirectional control characters',
      ],
      [{ name: 'Ada', password: 42 }, 'password', 'must be a string'],
    ])('refuses acceptance %j with a 400 naming %s', async (body, field, reason) => {
      const { token } = await invitedAtAcme();
      const error = await json<{ errors: unknown[] }>(
        await call(null, 'POST', `/api/invitations/${token}/accept`, body),
        400,
      );
      expect(error.errors).toEqual([{ field, reason }]);
    });

    it('refuses a malformed invitation id with a 400 naming it', async () => {
      const error = await json<{ errors: unknown[] }>(
        await call(acmeAdmin, 'POST', '/api/invitations/not-a-uuid/resend'),
        400,
      );
      expect(error.errors).toEqual([{ field: 'id', reason: 'must be a UUID' }]);
    });
  });

  describe('delivery and pages', () => {
    /** The invitation as listed, once its delivery reached one of `statuses`. */
    const listedOnce = (id: string, statuses: string[]) =>
      waitUntil(
        async () => {
          const found = (await openInvitations()).find((item) => item.id === id);
          return found?.delivery && statuses.includes(found.delivery.status) ? found : undefined;
        },
        { description: `invitation ${id} delivered as ${statuses.join(' or ')}` },
      );

    it('shows each invitation’s email as the email log has it: sent through the organization’s server', async () => {
      const { view, email } = await invitedAtAcme();
      expect(view.delivery).toMatchObject({ emailId: expect.any(String) });

      const listed = await listedOnce(view.id, ['sent']);
      const logged = await sentLogItem(acmeAdmin, email);
      expect(listed.delivery).toEqual({
        emailId: logged?.id,
        status: 'sent',
        route: { type: 'custom', host: 'localhost', port: acmeServer.port },
        lastError: null,
        sentAt: logged?.sentAt,
      });
    });

    it('shows the server’s refusal on an invitation whose email the SMTP server refused', async () => {
      const email = newAddress('refused');
      acmeServer.failNext({
        stage: 'rcpt',
        action: 'reply',
        code: 550,
        message: '5.1.1 No such mailbox here',
        recipient: email,
      });
      const view = await invite(acmeAdmin, { email, role: 'member' });

      const listed = await listedOnce(view.id, ['failed']);
      expect(listed.delivery).toMatchObject({
        emailId: view.delivery?.emailId,
        status: 'failed',
        route: { type: 'custom', host: 'localhost', port: acmeServer.port },
        lastError: expect.stringContaining('5.1.1 No such mailbox here'),
        sentAt: null,
      });
    });

    it('follows the resent email, not the first one', async () => {
      const { view } = await invitedAtAcme();
      const resent = await json<InvitationView>(
        await call(acmeAdmin, 'POST', `/api/invitations/${view.id}/resend`),
        200,
      );
      expect(resent.delivery?.emailId).toEqual(expect.any(String));
      expect(resent.delivery?.emailId).not.toBe(view.delivery?.emailId);
      expect((await listedOnce(view.id, ['sent'])).delivery?.emailId).toBe(resent.delivery?.emailId);
    });

    it('shows the platform’s route by its type only', async () => {
      const view = await invite(globexAdmin, { email: newAddress(), role: 'member' });
      const listed = await waitUntil(
        async () =>
          (await openInvitations(globexAdmin)).find(
            (item) => item.id === view.id && item.delivery?.status === 'sent',
          ),
        { description: 'Globex’s invitation delivered' },
      );
      expect(listed.delivery?.route).toEqual({ type: 'platform' });
    });

    it('lists open invitations a page at a time, newest first, with the total', async () => {
      const older = await invite(globexAdmin, { email: newAddress(), role: 'member' });
      const newer = await invite(globexAdmin, { email: newAddress(), role: 'member' });
      const page = (query: string) =>
        call(globexAdmin, 'GET', `/api/invitations?${query}`).then((response) =>
          json<Page<InvitationView>>(response, 200),
        );
      const first = await page('pageSize=2');
      expect(first.items.map((item) => item.id)).toEqual([newer.id, older.id]);
      const past = await page(`page=${first.total + 1}&pageSize=1`);
      expect(past).toEqual({ items: [], total: first.total, page: first.total + 1, pageSize: 1 });
      for (const [query, field] of [
        ['page=0', 'page'],
        ['pageSize=101', 'pageSize'],
      ]) {
        const refused = await json<ApiErrorBody>(
          await call(globexAdmin, 'GET', `/api/invitations?${query}`),
          400,
        );
        expect(refused.errors?.map((error) => error.field)).toEqual([field]);
      }
    });
  });
}

describe('Invitations API on SQLite', () => {
  invitationsApiSuite(() => ({}));
});

describeWithPostgres('Invitations API on PostgreSQL', () => {
  let postgres: ThrowawayPostgres;
  beforeAll(async () => {
    postgres = await startThrowawayPostgres({ database: 'mailroute_invitations' });
  });
  afterAll(() => postgres?.stop());
  invitationsApiSuite(() => ({ DATABASE_URL: postgres.url }));
});
