import { DataSource, In } from 'typeorm';
import type { OrganizationId } from '@mailroute/api/core';
import {
  type BlackholeServer,
  type SmtpSecurity,
  startBlackholeServer,
  startTestSmtpServer,
  type TestSmtpServer,
  waitUntil,
} from '@mailroute/testing';
import {
  customRouteTo,
  insertOrganizations,
  type MailTestHarness,
  numberedNotice,
  startMailTestHarness,
  startSynDroppingAddress,
  type SynDroppingAddress,
  watchAttempts,
} from '../../testing';
import type { CustomSmtpRoute } from '../routing/smtp-route';
import { MailerService } from '../mailer.service';
import { OutboundEmail } from '../outbox/outbound-email.entity';

const CONNECTION_TIMEOUT_MS = 900;
const GREETING_TIMEOUT_MS = 500;
const SOCKET_TIMEOUT_MS = 700;
const LEASE_SECONDS = 10;
/** As many workers as dead servers below: one hung send would starve everyone else. */
const CONCURRENCY = 3;
/** Scheduling on a busy 2-core machine, the TLS handshake and the outcome write. */
const SLACK_MS = 1000;
const SERVER_USER = { username: 'mailer', password: 'mailer-password' };

type RouteTo = (organizationId: OrganizationId) => Omit<CustomSmtpRoute, 'version'>;

describe('delivery against servers that never answer', () => {
  let harness: MailTestHarness;
  let healthy: TestSmtpServer;
  let stalling: TestSmtpServer;
  let blackhole: BlackholeServer;
  let synDropping: SynDroppingAddress;
  let organizations: OrganizationId[];
  let mailer: MailerService;
  let sequence = 0;

  const routeTo =
    (server: { port: number; security: SmtpSecurity }): RouteTo =>
    (organizationId) =>
      customRouteTo(
        { ...server, ca: healthy.ca },
        { organizationId, ...SERVER_USER, sender: `notify@${organizationId}.test` },
      );
  const healthyRoute: RouteTo = (organizationId) => routeTo(healthy)(organizationId);
  // Plain TCP first (STARTTLS), so the blackhole is met by the greeting timeout, not the TLS handshake.
  const blackholeRoute: RouteTo = (organizationId) =>
    routeTo({ port: blackhole.port, security: 'starttls' })(organizationId);
  const stallingRoute: RouteTo = (organizationId) => routeTo(stalling)(organizationId);
  const synDroppingRoute: RouteTo = (organizationId) =>
    routeTo({ port: synDropping.port, security: 'starttls' })(organizationId);

  const emails = () => harness.api.app.get(DataSource).getRepository(OutboundEmail);
  const send = (organizationId: OrganizationId) =>
    mailer.send({
      organizationId,
      kind: 'notification',
      to: `user${++sequence}@example.test`,
      template: numberedNotice,
      data: { n: sequence },
    });
  const waitForSent = (id: string, timeoutMs = 10_000) =>
    waitUntil(
      async () => {
        const email = await emails().findOneBy({ id });
        return email?.status === 'sent' ? email : null;
      },
      { description: `email ${id} to be sent`, timeoutMs, intervalMs: 20 },
    );

  beforeAll(async () => {
    healthy = await startTestSmtpServer({ security: 'tls', users: [SERVER_USER] });
    stalling = await startTestSmtpServer({ security: 'tls', users: [SERVER_USER] });
    blackhole = await startBlackholeServer();
    synDropping = await startSynDroppingAddress();
    harness = await startMailTestHarness({
      env: {
        MAIL_CONCURRENCY: String(CONCURRENCY),
        MAIL_POLL_INTERVAL_MS: '50',
        MAIL_RETRY_BASE_SECONDS: '1',
        MAIL_RETRY_MAX_DELAY_SECONDS: '1',
        MAIL_SEND_LEASE_SECONDS: String(LEASE_SECONDS),
        // Pooled connections outlive the pause between two emails of a test.
        MAIL_POOL_IDLE_MS: '5000',
        SMTP_CONNECTION_TIMEOUT_MS: String(CONNECTION_TIMEOUT_MS),
        SMTP_GREETING_TIMEOUT_MS: String(GREETING_TIMEOUT_MS),
        SMTP_SOCKET_TIMEOUT_MS: String(SOCKET_TIMEOUT_MS),
      },
    });
    organizations = await insertOrganizations(harness.api.app, 4);
    mailer = harness.api.app.get(MailerService);
  });

  beforeEach(() => {
    healthy.clear();
    stalling.clearFaults();
    // Every MAIL FROM goes unanswered: the session stalls after EHLO (and AUTH).
    stalling.failNext({ stage: 'mail', action: 'stall', times: 1000 });
  });

  afterAll(async () => {
    await harness?.close();
    await Promise.all([healthy?.close(), stalling?.close(), blackhole?.close(), synDropping?.close()]);
  });

  it.each([
    { server: 'never greets', route: () => blackholeRoute, timeoutMs: GREETING_TIMEOUT_MS },
    { server: 'stalls after EHLO, at MAIL FROM', route: () => stallingRoute, timeoutMs: SOCKET_TIMEOUT_MS },
    {
      server: 'swallows the connection’s packets',
      route: () => synDroppingRoute,
      timeoutMs: CONNECTION_TIMEOUT_MS,
    },
  ])(
    'ends every attempt at a server that $server within its timeout, then retries, and delivers once the route is fixed',
    async ({ route, timeoutMs }) => {
      const organizationId = organizations[0];
      harness.routes.set(route()(organizationId));
      const id = await send(organizationId);

      const attempts = await watchAttempts(() => emails().findOneBy({ id }), {
        count: 2,
        leaseSeconds: LEASE_SECONDS,
        timeoutMs: 2 * (timeoutMs + SLACK_MS) + 2000,
      });

      for (const attempt of attempts) {
        expect(attempt).toMatchObject({ status: 'retrying', code: 'timeout' });
        // It waited for the timeout (not an immediate refusal), and no longer.
        expect(attempt.elapsedMs).toBeGreaterThanOrEqual(timeoutMs - 20);
        expect(attempt.elapsedMs).toBeLessThan(timeoutMs + SLACK_MS);
      }
      // Delayed, never dropped: through a working server it goes out, with its own Message-ID.
      harness.routes.set(healthyRoute(organizationId));
      const sent = await waitForSent(id);
      const [message] = await healthy.waitForMessages(1);
      expect(message?.messageId).toBe(sent.messageId);
    },
  );

  it('ends an attempt on a pooled connection that stalls after earlier deliveries within the socket timeout', async () => {
    const organizationId = organizations[1];
    harness.routes.set(stallingRoute(organizationId));
    stalling.clearFaults();
    await waitForSent(await send(organizationId));
    // The same pooled connection, which has delivered before, now gets no answer to MAIL FROM.
    stalling.failNext({ stage: 'mail', action: 'stall', times: 1000 });
    const id = await send(organizationId);

    const [attempt] = await watchAttempts(() => emails().findOneBy({ id }), {
      count: 1,
      leaseSeconds: LEASE_SECONDS,
      timeoutMs: SOCKET_TIMEOUT_MS + SLACK_MS + 2000,
    });

    // nodemailer reports a reused connection that went quiet as closed (ECONNECTION), not as a timeout.
    expect(attempt).toMatchObject({
      status: 'retrying',
      code: expect.stringMatching(/^(timeout|connection_lost)$/),
    });
    expect(attempt?.elapsedMs).toBeGreaterThanOrEqual(SOCKET_TIMEOUT_MS - 20);
    expect(attempt?.elapsedMs).toBeLessThan(SOCKET_TIMEOUT_MS + SLACK_MS);
    harness.routes.set(healthyRoute(organizationId));
    await waitForSent(id);
  });

  it('keeps delivering other organizations’ emails while every worker meets a server that never answers', async () => {
    const [neverGreets, stalls, swallows, healthyOrganization] = organizations as [
      OrganizationId,
      OrganizationId,
      OrganizationId,
      OrganizationId,
    ];
    harness.routes.set(blackholeRoute(neverGreets));
    harness.routes.set(stallingRoute(stalls));
    harness.routes.set(synDroppingRoute(swallows));
    harness.routes.set(healthyRoute(healthyOrganization));
    const stuck = [await send(neverGreets), await send(stalls), await send(swallows)];
    await waitUntil(
      async () => (await emails().countBy({ id: In(stuck), status: 'sending' })) === CONCURRENCY,
      {
        description: 'the three emails to dead servers to take every worker',
        intervalMs: 10,
      },
    );

    // A steady stream from a healthy organization, one email at a time, until each dead
    // server's email has been tried three times.
    const latencies: number[] = [];
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      const sent = await waitForSent(await send(healthyOrganization), 2 * (CONNECTION_TIMEOUT_MS + SLACK_MS));
      latencies.push((sent.sentAt?.getTime() ?? Infinity) - sent.createdAt.getTime());
      const rows = await emails().findBy({ id: In(stuck) });
      if (rows.every((row) => row.attempts >= 3)) {
        break;
      }
    }

    // A worker is never held longer than the longest timeout.
    expect(Math.max(...latencies)).toBeLessThan(CONNECTION_TIMEOUT_MS + SLACK_MS);
    const rows = await emails().findBy({ id: In(stuck) });
    expect(rows.map((row) => row.attempts >= 3)).toEqual([true, true, true]);
    expect(rows.map((row) => row.lastErrorCode)).toEqual(['timeout', 'timeout', 'timeout']);
    expect(healthy.messages).toHaveLength(latencies.length);

    // Nothing was dropped: once the routes work, the three go out.
    for (const organizationId of [neverGreets, stalls, swallows]) {
      harness.routes.set(healthyRoute(organizationId));
    }
    await Promise.all(stuck.map((id) => waitForSent(id)));
  });
});
