import BetterSqlite3 from 'better-sqlite3';
import { seedOrganization } from '@mailroute/api/core/testing';
import {
  describeWithRedis,
  startTestSmtpServer,
  startThrowawayRedis,
  type TestSmtpServer,
  type ThrowawayRedis,
  waitUntil,
} from '@mailroute/testing';
import { customRouteTo, type MailTestHarness, numberedNotice, startMailTestHarness } from '../../../testing';
import { MailerService } from '../../mailer.service';
import { startTcpRelay, type TcpRelay } from './testing/tcp-relay';

const ACME_USER = { username: 'acme', password: 'acme-smtp-password' };

describeWithRedis('shutting down the Redis queue dispatch', () => {
  let redis: ThrowawayRedis;
  let relay: TcpRelay;
  let acmeServer: TestSmtpServer;
  let harness: MailTestHarness | undefined;
  /** The acme server holds each message before its final reply until the test lets it go. */
  let holdMessages: { arrived: boolean; release: () => void; released: Promise<void> };

  beforeAll(async () => {
    redis = await startThrowawayRedis();
    relay = await startTcpRelay(redis.port);
    acmeServer = await startTestSmtpServer({
      security: 'tls',
      users: [ACME_USER],
      onMessage: async () => {
        holdMessages.arrived = true;
        await holdMessages.released;
      },
    });
  });

  beforeEach(async () => {
    let release = () => undefined as void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    holdMessages = { arrived: false, release, released };
    relay.restore();
    harness = await startMailTestHarness({ env: { REDIS_URL: `redis://127.0.0.1:${relay.port}` } });
  });

  afterEach(async () => {
    holdMessages.release();
    await harness?.close();
    harness = undefined;
  });

  afterAll(async () => {
    await acmeServer?.close();
    await relay?.close();
    await redis?.stop();
  });

  async function sendHeldEmail(api: MailTestHarness): Promise<{ id: string; databasePath: string }> {
    const acme = await seedOrganization(api.api.app, 'acme', { name: 'Acme' });
    api.routes.set(
      customRouteTo(acmeServer, { organizationId: acme.id, ...ACME_USER, sender: 'notify@acme.test' }),
    );
    const id = await api.api.app.get(MailerService).send({
      organizationId: acme.id,
      kind: 'notification',
      to: 'in-flight@example.test',
      template: numberedNotice,
      data: { n: 1 },
    });
    await waitUntil(() => holdMessages.arrived, {
      description: 'the email to reach the server',
      timeoutMs: 15_000,
    });
    const database = api.api.config.database;
    if (database.type !== 'sqlite') {
      throw new Error('This suite reads the SQLite file after the app is closed');
    }
    return { id, databasePath: database.path };
  }

  function statusOf(databasePath: string, id: string): unknown {
    const db = new BetterSqlite3(databasePath, { readonly: true });
    try {
      return (db.prepare('SELECT status FROM outbound_emails WHERE id = ?').get(id) as { status: string })
        .status;
    } finally {
      db.close();
    }
  }

  function runningHarness(): MailTestHarness {
    if (!harness) {
      throw new Error('The harness did not start');
    }
    return harness;
  }

  it('records the email in flight as sent before the process stops', async () => {
    const running = runningHarness();
    const { id, databasePath } = await sendHeldEmail(running);
    let closed = false;
    const closing = running.close().then(() => {
      closed = true;
    });
    harness = undefined;
    // Shutdown waits for the delivery: it cannot be over while the server holds the message.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(closed).toBe(false);
    holdMessages.release();
    await closing;
    expect(statusOf(databasePath, id)).toBe('sent');
    expect(acmeServer.messages.map((m) => m.to)).toContainEqual(['in-flight@example.test']);
  });

  it('still stops promptly, recording the email in flight, while Redis is unreachable', async () => {
    const running = runningHarness();
    const { id, databasePath } = await sendHeldEmail(running);
    relay.cut();
    const closingAt = Date.now();
    const closing = running.close();
    harness = undefined;
    holdMessages.release();
    await closing;
    expect(Date.now() - closingAt).toBeLessThan(15_000);
    expect(statusOf(databasePath, id)).toBe('sent');
  });
});
