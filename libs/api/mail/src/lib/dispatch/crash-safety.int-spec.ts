import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, In } from 'typeorm';
import type { OrganizationId } from '@mailroute/api/core';
import {
  describeWithPostgres,
  type ReceivedMessage,
  startTestSmtpServer,
  startThrowawayPostgres,
  type TestSmtpServer,
  type ThrowawayPostgres,
  waitUntil,
} from '@mailroute/testing';
import {
  type DispatcherProcess,
  insertOrganizations,
  type MailTestHarness,
  numberedNotice,
  PLATFORM_SENDER,
  PLATFORM_USER,
  startDispatcherProcess,
  startMailTestHarness,
} from '../../testing';
import { MailerService } from '../mailer.service';
import { OutboundEmail } from '../outbox/outbound-email.entity';

const EMAILS = 300;
const KILL_AFTER = 100;
const CONCURRENCY = 4;
const LEASE_SECONDS = 10;
/** Per accepted message, so the dispatcher is mid-run, with sends in flight, when it is killed. */
const ACCEPT_DELAY_MS = 15;

const recipientOf = (n: number) => `reader${n}@example.test`;

function crashSafetySuite(database: () => Record<string, string>): void {
  let server: TestSmtpServer;
  let harness: MailTestHarness;
  let organizationId: OrganizationId;
  let childEnv: Record<string, string>;
  const children: DispatcherProcess[] = [];
  let crashPending = true;
  let markCrashed = () => undefined as void;
  const crashed = new Promise<void>((resolve) => {
    markCrashed = resolve;
  });

  beforeAll(async () => {
    server = await startTestSmtpServer({
      security: 'tls',
      users: [PLATFORM_USER],
      // Once KILL_AFTER messages are in, the next ones wait for the crash: the killed process
      // then certainly has sends in flight, however fast or slow the machine is.
      onMessage: () =>
        server.messages.length >= KILL_AFTER && crashPending
          ? crashed
          : new Promise((resolve) => setTimeout(resolve, ACCEPT_DELAY_MS)),
    });
    const caFile = join(mkdtempSync(join(tmpdir(), 'mailroute-crash-')), 'ca.pem');
    writeFileSync(caFile, server.ca);
    // This process only enqueues and reads; the dispatchers run in child processes.
    harness = await startMailTestHarness({ env: { ...database(), MAIL_DISPATCHER: 'false' } });
    [organizationId] = (await insertOrganizations(harness.api.app, 1)) as [OrganizationId];
    childEnv = {
      ...database(),
      PLATFORM_SMTP_URL: `smtps://${PLATFORM_USER.username}:${PLATFORM_USER.password}@127.0.0.1:${server.port}`,
      PLATFORM_SMTP_CA_FILE: caFile,
      PLATFORM_SENDER: `Mailroute <${PLATFORM_SENDER}>`,
      MAIL_CONCURRENCY: String(CONCURRENCY),
      MAIL_POOL_CONNECTIONS: String(CONCURRENCY),
      MAIL_POLL_INTERVAL_MS: '50',
      MAIL_SEND_LEASE_SECONDS: String(LEASE_SECONDS),
      MAIL_RETRY_BASE_SECONDS: '1',
      MAIL_RETRY_MAX_DELAY_SECONDS: '2',
    };
  });

  afterAll(async () => {
    await Promise.all(children.map((child) => child.kill()));
    await harness?.close();
    await server?.close();
  });

  const emails = () => harness.api.app.get(DataSource).getRepository(OutboundEmail);
  const startChild = async () => {
    const child = await startDispatcherProcess({ env: childEnv });
    children.push(child);
    return child;
  };

  it('delivers every email at least once after the dispatcher is killed mid-run, duplicates only what was in flight, with the same Message-ID', async () => {
    const mailer = harness.api.app.get(MailerService);
    const ids: string[] = [];
    for (let n = 0; n < EMAILS; n += 1) {
      ids.push(
        await mailer.send({
          organizationId,
          kind: 'notification',
          to: recipientOf(n),
          template: numberedNotice,
          data: { n },
        }),
      );
    }

    const first = await startChild();
    await waitUntil(() => server.messages.length >= KILL_AFTER, {
      description: `${KILL_AFTER} messages to arrive before the crash`,
      timeoutMs: 30_000,
      intervalMs: 10,
    });
    await waitUntil(
      async () => (await emails().countBy({ status: 'sending', leaseOwner: first.owner })) > 0,
      { description: 'the first dispatcher to have sends in flight', timeoutMs: 30_000, intervalMs: 10 },
    );
    await first.kill();
    crashPending = false;
    markCrashed();
    // What the killed process had claimed and never finished: only its lease can free it.
    const stranded = await emails().findBy({ status: 'sending', leaseOwner: first.owner });
    expect(stranded.length).toBeGreaterThan(0);
    expect(stranded.length).toBeLessThanOrEqual(CONCURRENCY);

    const second = await startChild();
    await waitUntil(async () => (await emails().countBy({ id: In(ids), status: 'sent' })) === EMAILS, {
      description: `all ${EMAILS} emails to be sent after the restart (the killed claims need their ${LEASE_SECONDS} s lease to expire)`,
      timeoutMs: LEASE_SECONDS * 1000 + 30_000,
      intervalMs: 100,
    });
    await second.stop();

    const rows = await emails().findBy({ id: In(ids) });
    const arrivals = new Map<string, ReceivedMessage[]>();
    for (const message of server.messages) {
      const recipient = message.envelope.rcptTo.join();
      arrivals.set(recipient, [...(arrivals.get(recipient) ?? []), message]);
    }
    // Every email arrived, and every copy of it carries its one stored Message-ID.
    const copies = rows.map((row) => {
      const received = arrivals.get(row.recipients.join()) ?? [];
      return {
        id: row.id,
        stored: row.messageId,
        count: received.length,
        messageIds: [...new Set(received.map((message) => message.messageId))],
      };
    });
    expect(copies.filter((copy) => copy.count === 0)).toEqual([]);
    expect(copies.filter((copy) => copy.messageIds.join() !== copy.stored)).toEqual([]);
    expect(new Set(server.messages.map((message) => message.messageId)).size).toBe(EMAILS);
    // Only emails in flight at the crash can arrive twice: at most one per worker.
    const duplicated = copies.filter((copy) => copy.count > 1);
    expect(server.messages.length - EMAILS).toBeLessThanOrEqual(CONCURRENCY);
    const strandedIds = new Set(stranded.map((email) => email.id));
    expect(duplicated.filter((copy) => !strandedIds.has(copy.id))).toEqual([]);
  }, 90_000);
}

describe('crash safety of the dispatcher on SQLite (file)', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'mailroute-crash-db-')), 'mailroute.sqlite');
  crashSafetySuite(() => ({ DATABASE_URL: `sqlite:${file}` }));
});

describeWithPostgres('crash safety of the dispatcher on PostgreSQL', () => {
  let postgres: ThrowawayPostgres;
  beforeAll(async () => {
    postgres = await startThrowawayPostgres({ database: 'mailroute_crash' });
  });
  afterAll(() => postgres?.stop());
  crashSafetySuite(() => ({ DATABASE_URL: postgres.url }));
});
