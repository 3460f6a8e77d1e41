import { DataSource, type EntityManager } from 'typeorm';
import { seedOrganization, signIn, type SeededOrganization } from '@mailroute/api/core/testing';
import {
  describeWithPostgres,
  startTestSmtpServer,
  startThrowawayPostgres,
  type TestSmtpServer,
  type ThrowawayPostgres,
  waitUntil,
} from '@mailroute/testing';
import type { EmailLogItem, EmailLogPage } from '@mailroute/shared/contracts';
import {
  customRouteTo,
  type MailTestHarness,
  numberedNotice,
  PLATFORM_SENDER,
  startMailTestHarness,
} from '../../testing';
import { RouteHealthService } from '../health/route-health.service';
import { MailerService } from '../mailer.service';
import { OutboundEmail } from '../outbox/outbound-email.entity';
import { MailRouteControl } from '../routing/mail-route-control';
import { SmtpRouteUnavailableError } from '../routing/smtp-route-source';

const ACME_USER = { username: 'acme', password: 'acme-smtp-password' };
const GLOBEX_USER = { username: 'globex', password: 'globex-smtp-password' };

function deliverySuite(database: () => Record<string, string>): void {
  let harness: MailTestHarness;
  let acmeServer: TestSmtpServer;
  let globexServer: TestSmtpServer;
  let acme: SeededOrganization;
  let globex: SeededOrganization;
  let initech: SeededOrganization;
  let mailer: MailerService;

  beforeAll(async () => {
    acmeServer = await startTestSmtpServer({ security: 'tls', users: [ACME_USER] });
    globexServer = await startTestSmtpServer({ security: 'starttls', users: [GLOBEX_USER] });
    harness = await startMailTestHarness({ env: database() });
    acme = await seedOrganization(harness.api.app, 'acme', { name: 'Acme' });
    globex = await seedOrganization(harness.api.app, 'globex', { name: 'Globex', defaultLocale: 'fr' });
    initech = await seedOrganization(harness.api.app, 'initech', { name: 'Initech' });
    mailer = harness.api.app.get(MailerService);
  });

  beforeEach(() => {
    harness.routes.set(
      customRouteTo(acmeServer, {
        organizationId: acme.id,
        ...ACME_USER,
        sender: 'notify@acme.test',
        senderName: 'Acme Notifications',
      }),
    );
    harness.routes.set(
      customRouteTo(globexServer, { organizationId: globex.id, ...GLOBEX_USER, sender: 'bot@globex.test' }),
    );
    for (const server of [acmeServer, globexServer, harness.platform]) {
      server.clear();
      server.clearFaults();
    }
  });

  afterAll(async () => {
    await harness?.close();
    await acmeServer?.close();
    await globexServer?.close();
  });

  /** A notification numbered `n`. */
  const sendNotice = (organization: SeededOrganization, to: string, n: number, manager?: EntityManager) =>
    mailer.send(
      { organizationId: organization.id, kind: 'notification', to, template: numberedNotice, data: { n } },
      manager,
    );
  const emails = () => harness.api.app.get(DataSource).getRepository(OutboundEmail);
  const waitForStatus = (id: string, statuses: string[], timeoutMs = 15_000) =>
    waitUntil(
      async () => {
        const email = await emails().findOneBy({ id });
        return email && statuses.includes(email.status) ? email : null;
      },
      { description: `email ${id} to reach ${statuses.join('/')}`, timeoutMs, intervalMs: 50 },
    );

  it('sends each organization’s emails through its own server, and the others through the platform', async () => {
    const ids: string[] = [];
    for (let n = 0; n < 500; n++) {
      const organization = [acme, globex, initech][n % 3] as SeededOrganization;
      ids.push(await sendNotice(organization, `user${n}@example.test`, n));
    }
    const [atAcme, atGlobex, atPlatform] = await Promise.all([
      acmeServer.waitForMessages(167, { timeoutMs: 60_000 }),
      globexServer.waitForMessages(167, { timeoutMs: 60_000 }),
      harness.platform.waitForMessages(166, { timeoutMs: 60_000 }),
    ]);
    const numbers = (messages: typeof atAcme) =>
      messages.map(
        (m) =>
          Number(
            /#(\d+)|n°(\d+)/
              .exec(m.subject ?? '')
              ?.slice(1)
              .find(Boolean),
          ) % 3,
      );
    expect(new Set(numbers(atAcme))).toEqual(new Set([0]));
    expect(new Set(numbers(atGlobex))).toEqual(new Set([1]));
    expect(new Set(numbers(atPlatform))).toEqual(new Set([2]));
    expect(new Set(atAcme.map((m) => m.from?.address))).toEqual(new Set(['notify@acme.test']));
    expect(atAcme[0]?.from?.name).toBe('Acme Notifications');
    expect(new Set(atAcme.map((m) => m.authenticatedUser))).toEqual(new Set(['acme']));
    expect(new Set(atGlobex.map((m) => m.from?.address))).toEqual(new Set(['bot@globex.test']));
    expect(atGlobex.every((m) => m.secure)).toBe(true);
    expect(new Set(atPlatform.map((m) => m.from?.address))).toEqual(new Set([PLATFORM_SENDER]));
    // Globex's default language is French.
    expect(atGlobex[0]?.subject).toMatch(/^Avis/);
    // Nothing arrived twice, nothing is left unsent.
    await waitUntil(async () => (await emails().countBy({ status: 'sent' })) >= 500, {
      description: 'all 500 recorded as sent',
      timeoutMs: 10_000,
    });
    expect(acmeServer.messages.length + globexServer.messages.length + harness.platform.messages.length).toBe(
      500,
    );
  });

  it('records on the row which server and sender carried the email, with its reply and Message-ID', async () => {
    const id = await sendNotice(acme, 'someone@example.test', 1);
    const email = await waitForStatus(id, ['sent']);
    const [message] = await acmeServer.waitForMessages(1);
    expect(email.routeType).toBe('custom');
    expect(email.routeHost).toBe('localhost');
    expect(email.routePort).toBe(acmeServer.port);
    expect(email.routeSender).toBe('notify@acme.test');
    expect(email.serverResponse).toMatch(/^250 /);
    expect(email.attempts).toBe(1);
    expect(message?.messageId).toBe(email.messageId);
    expect(message?.headers['auto-submitted']).toBe('auto-generated');
    expect(email.recipientStatuses).toEqual([
      { address: 'someone@example.test', accepted: true, response: expect.any(String) },
    ]);
  });

  it('retries a 451 with backoff and delivers once, on the third attempt', async () => {
    acmeServer.failNext({
      stage: 'data',
      action: 'reply',
      code: 451,
      message: '4.3.0 Try again later',
      times: 2,
    });
    const id = await sendNotice(acme, 'retry@example.test', 2);
    const email = await waitForStatus(id, ['sent'], 20_000);
    expect(email.attempts).toBe(3);
    expect(email.lastErrorSmtpCode).toBe(451);
    expect(acmeServer.messages).toHaveLength(1);
  });

  it('fails a 550 at once, without retrying, keeping the server’s reason', async () => {
    acmeServer.failNext({ stage: 'rcpt', action: 'reply', code: 550, message: '5.1.1 No such user here' });
    const id = await sendNotice(acme, 'nobody@example.test', 3);
    const email = await waitForStatus(id, ['failed']);
    expect(email.attempts).toBe(1);
    expect(email.lastErrorSmtpCode).toBe(550);
    expect(email.lastErrorMessage).toContain('No such user here');
    expect(acmeServer.messages).toHaveLength(0);
  });

  it('retries a connection dropped mid-DATA and delivers with the same Message-ID', async () => {
    acmeServer.failNext({ stage: 'data', action: 'drop' });
    const id = await sendNotice(acme, 'dropped@example.test', 4);
    const email = await waitForStatus(id, ['sent'], 20_000);
    expect(email.attempts).toBe(2);
    const [message] = await acmeServer.waitForMessages(1);
    expect(message?.messageId).toBe(email.messageId);
  });

  it('holds the organization’s queue when its credentials are refused, alerts its admins through the platform, and resumes once the route changes', async () => {
    harness.routes.set(
      customRouteTo(acmeServer, {
        organizationId: acme.id,
        username: 'acme',
        password: 'wrong-password',
        sender: 'notify@acme.test',
      }),
    );
    const first = await sendNotice(acme, 'held1@example.test', 5);
    const held = await waitForStatus(first, ['held']);
    expect(held.lastErrorSmtpCode).toBe(535);
    const second = await sendNotice(acme, 'held2@example.test', 6);

    const [alert] = await harness.platform.waitForMessages(1);
    expect(alert?.to).toEqual([acme.admin.email]);
    expect(alert?.from?.address).toBe(PLATFORM_SENDER);
    expect(alert?.text).toContain(`localhost:${acmeServer.port}`);
    // The queue is held: the second email is not attempted.
    expect((await emails().findOneByOrFail({ id: second })).attempts).toBe(0);

    harness.routes.set(
      customRouteTo(acmeServer, { organizationId: acme.id, ...ACME_USER, sender: 'notify@acme.test' }),
    );
    await harness.api.app.get(MailRouteControl).routeChanged(acme.id);
    await waitForStatus(first, ['sent']);
    await waitForStatus(second, ['sent']);
    expect(acmeServer.messages.map((m) => m.to[0]).sort()).toEqual([
      'held1@example.test',
      'held2@example.test',
    ]);
  });

  it('fails closed: unusable settings hold the emails instead of sending them through the platform', async () => {
    harness.routes.failWith(
      initech.id,
      new SmtpRouteUnavailableError(
        'undecryptable',
        'The SMTP password cannot be decrypted with the current SECRETS_KEY.',
      ),
    );
    const id = await sendNotice(initech, 'closed@example.test', 7);
    const email = await waitForStatus(id, ['held']);
    expect(email.lastErrorCode).toBe('route_unavailable');
    expect(harness.platform.messages).toHaveLength(0);
  });

  it('retries later, through no other server, while the custom host does not resolve', async () => {
    const umbrella = await seedOrganization(harness.api.app, 'umbrella', { name: 'Umbrella' });
    harness.routes.failWith(
      umbrella.id,
      new SmtpRouteUnavailableError('unresolvable', 'smtp.umbrella.test: the host name does not resolve'),
    );
    const id = await sendNotice(umbrella, 'dns-down@example.test', 70);
    const email = await waitForStatus(id, ['retrying']);
    expect(email.lastErrorCode).toBe('route_unavailable');
    expect(email.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    expect(harness.platform.messages).toHaveLength(0);
  });

  it('falls back to the platform when the organization’s server fails and its policy says so', async () => {
    const hooli = await seedOrganization(harness.api.app, 'hooli', { name: 'Hooli' });
    harness.routes.set(
      customRouteTo(acmeServer, {
        organizationId: hooli.id,
        ...ACME_USER,
        sender: 'notify@hooli.test',
        failurePolicy: 'fallback',
      }),
    );
    acmeServer.failNext({ stage: 'data', action: 'reply', code: 451, message: '4.3.0 Try again later' });
    const id = await sendNotice(hooli, 'fallback@example.test', 80);
    const email = await waitForStatus(id, ['sent']);
    expect(email.attempts).toBe(1);
    expect(email.routeType).toBe('platform');
    const [message] = await harness.platform.waitForMessages(1);
    expect(message?.messageId).toBe(email.messageId);
    // The platform's success says nothing of the organization's own server.
    const health = await harness.api.app.get(RouteHealthService).view(hooli.id);
    expect(health.lastSuccessAt).toBeNull();
    expect(health.lastFailure?.code).toBeTruthy();
  });

  it('falls back to the platform when the organization’s settings cannot be used and its policy says so', async () => {
    const pied = await seedOrganization(harness.api.app, 'pied-piper', { name: 'Pied Piper' });
    harness.routes.failWith(
      pied.id,
      new SmtpRouteUnavailableError('undecryptable', 'cannot decrypt the SMTP password', 'fallback'),
    );
    const id = await sendNotice(pied, 'fallback-closed@example.test', 81);
    const email = await waitForStatus(id, ['sent']);
    expect(email.routeType).toBe('platform');
    await harness.platform.waitForMessages(1);
    expect((await harness.api.app.get(RouteHealthService).view(pied.id)).lastSuccessAt).toBeNull();
  });

  it('writes the email in the caller’s transaction: a rolled-back change sends nothing', async () => {
    const dataSource = harness.api.app.get(DataSource);
    let id = '';
    await expect(
      dataSource.transaction(async (manager) => {
        id = await sendNotice(globex, 'rollback@example.test', 8, manager);
        throw new Error('the domain change failed');
      }),
    ).rejects.toThrow('the domain change failed');
    expect(id).not.toBe('');
    expect(await emails().findOneBy({ id })).toBeNull();
  });

  it('refuses a recipient that is not a single address', async () => {
    await expect(sendNotice(acme, 'a@example.test, b@example.test', 9)).rejects.toMatchObject({
      code: 'invalid_recipient',
    });
    await expect(sendNotice(acme, 'a@example.test\r\nBcc: x@evil.test', 9)).rejects.toMatchObject({
      code: 'invalid_recipient',
    });
  });

  describe('email log API', () => {
    const call = async (path: string, token: string, init: RequestInit = {}) =>
      fetch(`${harness.api.baseUrl}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${token}`, ...init.headers },
      });

    it('lists only the organization’s emails, newest first, with filters and pagination', async () => {
      const token = await signIn(harness.api.baseUrl, globex.admin);
      const sent: string[] = [];
      for (let n = 0; n < 3; n++) {
        // Emails stored within the same millisecond have no order between them: keep these apart.
        await nextMillisecond();
        sent.push(
          await mailer.send({
            organizationId: globex.id,
            kind: 'user_invitation',
            to: `log${n}@example.test`,
            template: numberedNotice,
            data: { n },
          }),
        );
      }
      await Promise.all(sent.map((id) => waitForStatus(id, ['sent'])));
      const page = (await (
        await call('/api/organizations/current/emails?kind=user_invitation&pageSize=2', token)
      ).json()) as EmailLogPage;
      expect(page.total).toBe(3);
      expect(page.items.map((item) => item.id)).toEqual([sent[2], sent[1]]);
      expect(page.items[0]).toMatchObject({
        kind: 'user_invitation',
        status: 'sent',
        to: ['log2@example.test'],
        route: { type: 'custom', host: 'localhost', port: globexServer.port, sender: 'bot@globex.test' },
      });
      const all = (await (
        await call('/api/organizations/current/emails?pageSize=100', token)
      ).json()) as EmailLogPage;
      const acmeIds = new Set((await emails().findBy({ organizationId: acme.id })).map((e) => e.id));
      expect(all.items.some((item) => acmeIds.has(item.id))).toBe(false);
    });

    it('answers bad filters with 400 naming the field', async () => {
      const token = await signIn(harness.api.baseUrl, globex.admin);
      const response = await call('/api/organizations/current/emails?status=lost&pageSize=1000', token);
      expect(response.status).toBe(400);
      const body = (await response.json()) as { errors: { field: string }[] };
      expect(body.errors.map((e) => e.field).sort()).toEqual(['pageSize', 'status']);
    });

    it('is for admins only', async () => {
      const token = await signIn(harness.api.baseUrl, globex.member);
      expect((await call('/api/organizations/current/emails', token)).status).toBe(403);
    });

    it('hides another organization’s email as not found', async () => {
      const id = await sendNotice(acme, 'private@example.test', 10);
      const token = await signIn(harness.api.baseUrl, globex.admin);
      expect((await call(`/api/organizations/current/emails/${id}`, token)).status).toBe(404);
      expect(
        (await call(`/api/organizations/current/emails/${id}/retry`, token, { method: 'POST' })).status,
      ).toBe(404);
    });

    it('shows a refused recipient’s own outcome, with the server’s reply, on the failed email', async () => {
      globexServer.failNext({
        stage: 'rcpt',
        action: 'reply',
        code: 550,
        message: '5.1.1 No such mailbox here',
        recipient: 'gone@example.test',
      });
      const id = await sendNotice(globex, 'gone@example.test', 12);
      await waitForStatus(id, ['failed']);
      const token = await signIn(harness.api.baseUrl, globex.admin);
      const item = (await (
        await call(`/api/organizations/current/emails/${id}`, token)
      ).json()) as EmailLogItem;
      expect(item).toMatchObject({
        status: 'failed',
        lastError: { smtpCode: 550, message: expect.stringContaining('5.1.1 No such mailbox here') },
        recipients: [
          {
            address: 'gone@example.test',
            accepted: false,
            response: expect.stringMatching(/^550 5\.1\.1 No such mailbox here/),
          },
        ],
      });
    });

    it('sends a failed email again on request, and refuses to retry a sent one', async () => {
      globexServer.failNext({ stage: 'rcpt', action: 'reply', code: 550, message: '5.7.1 Rejected for now' });
      const id = await sendNotice(globex, 'again@example.test', 11);
      await waitForStatus(id, ['failed']);
      const token = await signIn(harness.api.baseUrl, globex.admin);
      const retried = await call(`/api/organizations/current/emails/${id}/retry`, token, { method: 'POST' });
      expect(retried.status).toBe(200);
      const sent = await waitForStatus(id, ['sent']);
      expect(sent.attempts).toBe(2);
      const again = await call(`/api/organizations/current/emails/${id}/retry`, token, { method: 'POST' });
      expect(again.status).toBe(409);
      const item = (await (
        await call(`/api/organizations/current/emails/${id}`, token)
      ).json()) as EmailLogItem;
      expect(item.status).toBe('sent');
    });
  });
}

describe('mail delivery on SQLite', () => {
  deliverySuite(() => ({}));
});

describeWithPostgres('mail delivery on PostgreSQL', () => {
  let postgres: ThrowawayPostgres;
  beforeAll(async () => {
    postgres = await startThrowawayPostgres({ database: 'mailroute_mail' });
  });
  afterAll(() => postgres?.stop());
  deliverySuite(() => ({ DATABASE_URL: postgres.url }));
});

/** Resolves once Date.now() has moved on (at most about a millisecond). */
async function nextMillisecond(): Promise<void> {
  const start = Date.now();
  while (Date.now() === start) {
    await new Promise((resolve) => setImmediate(resolve));
  }
}
