import { DataSource } from 'typeorm';
import { seedOrganization, type SeededOrganization } from '@mailroute/api/core/testing';
import {
  describeWithRedis,
  startTestSmtpServer,
  startThrowawayRedis,
  type TestSmtpServer,
  type ThrowawayRedis,
  waitUntil,
} from '@mailroute/testing';
import {
  customRouteTo,
  type MailTestHarness,
  numberedNotice,
  PLATFORM_SENDER,
  startMailTestHarness,
} from '../../../testing';
import { MailerService } from '../../mailer.service';
import { OutboundEmail } from '../../outbox/outbound-email.entity';
import { startTcpRelay, type TcpRelay } from './testing/tcp-relay';

const ACME_USER = { username: 'acme', password: 'acme-smtp-password' };

describeWithRedis('mail dispatch through the Redis queue', () => {
  let redis: ThrowawayRedis;
  let relay: TcpRelay;
  let harness: MailTestHarness;
  let acmeServer: TestSmtpServer;
  let acme: SeededOrganization;
  let initech: SeededOrganization;
  let mailer: MailerService;

  beforeAll(async () => {
    redis = await startThrowawayRedis();
    // The app reaches Redis through a relay the tests can cut, as a network outage would.
    relay = await startTcpRelay(redis.port);
    acmeServer = await startTestSmtpServer({ security: 'tls', users: [ACME_USER] });
    harness = await startMailTestHarness({ env: { REDIS_URL: `redis://127.0.0.1:${relay.port}` } });
    acme = await seedOrganization(harness.api.app, 'acme', { name: 'Acme' });
    initech = await seedOrganization(harness.api.app, 'initech', { name: 'Initech' });
    harness.routes.set(
      customRouteTo(acmeServer, { organizationId: acme.id, ...ACME_USER, sender: 'notify@acme.test' }),
    );
    mailer = harness.api.app.get(MailerService);
  });

  beforeEach(() => {
    relay.restore();
    acmeServer.clear();
    harness.platform.clear();
  });

  afterAll(async () => {
    await harness?.close();
    await acmeServer?.close();
    await relay?.close();
    await redis?.stop();
  });

  const emails = () => harness.api.app.get(DataSource).getRepository(OutboundEmail);
  const send = (organization: SeededOrganization, n: number) =>
    mailer.send({
      organizationId: organization.id,
      kind: 'notification',
      to: `user${n}@example.test`,
      template: numberedNotice,
      data: { n },
    });
  const waitForSent = (ids: string[], timeoutMs = 15_000) =>
    waitUntil(
      async () => {
        const rows = await emails().findBy(ids.map((id) => ({ id })));
        return rows.length === ids.length && rows.every((row) => row.status === 'sent') ? rows : null;
      },
      { description: `${ids.length} emails recorded as sent`, timeoutMs, intervalMs: 50 },
    );

  it('delivers each email once, through its own organization’s server', async () => {
    const ids: string[] = [];
    for (let n = 0; n < 60; n++) {
      ids.push(await send(n % 2 === 0 ? acme : initech, n));
    }
    const [atAcme, atPlatform] = await Promise.all([
      acmeServer.waitForMessages(30, { timeoutMs: 20_000 }),
      harness.platform.waitForMessages(30, { timeoutMs: 20_000 }),
    ]);
    const rows = await waitForSent(ids);
    const subjectsOf = (messages: typeof atAcme) =>
      messages.map((m) => Number(/#(\d+)/.exec(m.subject ?? '')?.[1]) % 2);
    expect(new Set(subjectsOf(atAcme))).toEqual(new Set([0]));
    expect(new Set(subjectsOf(atPlatform))).toEqual(new Set([1]));
    expect(new Set(atAcme.map((m) => m.from?.address))).toEqual(new Set(['notify@acme.test']));
    expect(new Set(atPlatform.map((m) => m.from?.address))).toEqual(new Set([PLATFORM_SENDER]));
    const received = [...atAcme, ...atPlatform].map((m) => m.messageId).sort();
    expect(received).toEqual(rows.map((row) => row.messageId).sort());
    expect(rows.every((row) => row.attempts === 1)).toBe(true);
  });

  it('sweeps in an email committed without a job (written in the caller’s transaction)', async () => {
    const id = await harness.api.app.get(DataSource).transaction((manager) =>
      mailer.send(
        {
          organizationId: acme.id,
          kind: 'notification',
          to: 'in-transaction@example.test',
          template: numberedNotice,
          data: { n: 100 },
        },
        manager,
      ),
    );
    const [row] = await waitForSent([id]);
    const [message] = await acmeServer.waitForMessages(1);
    expect(message?.messageId).toBe(row?.messageId);
  });

  it('takes over an email whose sender died, once its lease expired, with the same Message-ID', async () => {
    const id = await harness.api.app.get(DataSource).transaction(async (manager) => {
      const written = await mailer.send(
        {
          organizationId: initech.id,
          kind: 'notification',
          to: 'orphan@example.test',
          template: numberedNotice,
          data: { n: 101 },
        },
        manager,
      );
      await manager.getRepository(OutboundEmail).update(
        { id: written },
        {
          status: 'sending',
          leaseOwner: 'crashed-sender',
          leaseExpiresAt: new Date(Date.now() - 1000),
          attempts: 1,
        },
      );
      return written;
    });
    const [row] = await waitForSent([id]);
    expect(row?.attempts).toBe(2);
    const [message] = await harness.platform.waitForMessages(1);
    expect(message?.messageId).toBe(row?.messageId);
  });

  it('keeps emails in the outbox while Redis is unreachable and delivers them once it is back', async () => {
    relay.cut();
    const ids = [await send(acme, 200), await send(initech, 201), await send(acme, 202)];
    // Several sweeps' worth of time: nothing may be attempted without the queue, nothing is lost.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const waiting = await emails().findBy(ids.map((id) => ({ id })));
    expect(waiting.map((row) => [row.status, row.attempts])).toEqual(ids.map(() => ['queued', 0]));
    expect(acmeServer.messages.length + harness.platform.messages.length).toBe(0);

    relay.restore();
    const rows = await waitForSent(ids, 30_000);
    await waitUntil(() => acmeServer.messages.length + harness.platform.messages.length >= 3, {
      description: 'the three emails to arrive',
    });
    expect(rows.every((row) => row.attempts === 1)).toBe(true);
    expect(acmeServer.messages.length + harness.platform.messages.length).toBe(3);
  });
});
