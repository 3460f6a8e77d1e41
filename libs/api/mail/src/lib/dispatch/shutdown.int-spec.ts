import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { OrganizationId } from '@mailroute/api/core';
import { startTestSmtpServer, type TestSmtpServer, waitUntil } from '@mailroute/testing';
import {
  customRouteTo,
  insertOrganizations,
  type MailTestHarness,
  numberedNotice,
  startMailTestHarness,
} from '../../testing';
import { MailerService } from '../mailer.service';
import { OutboundEmail } from '../outbox/outbound-email.entity';
import { OutboxDispatcher } from './outbox-dispatcher';

const SERVER_USER = { username: 'mailer', password: 'mailer-password' };
const CONCURRENCY = 4;
/** Fewer connections than workers: at the shutdown, some sends are on the wire, others queued in the pool. */
const POOL_CONNECTIONS = 2;
const EMAILS = 20;

interface OutboxRow {
  id: string;
  status: string;
  lease_owner: string | null;
  message_id: string;
  last_error_code: string | null;
}

/** A promise the test settles when it chooses: holds the server's replies without sleeping. */
function gate(): { opened: Promise<void>; open(): void } {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

function rejectAfter(timeoutMs: number, what: string): Promise<never> {
  return new Promise((_, reject) =>
    setTimeout(
      () => reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`)),
      timeoutMs,
    ).unref(),
  );
}

const statusOf = (row: OutboxRow) => `${row.status} ${row.last_error_code ?? ''}`.trim();

describe('closing the app while emails are in flight', () => {
  const databaseFile = join(mkdtempSync(join(tmpdir(), 'mailroute-shutdown-')), 'mailroute.sqlite');
  const held = gate();
  let inFlight = 0;
  let server: TestSmtpServer;
  let harness: MailTestHarness;
  let organizationId: OrganizationId;
  let closed = false;

  beforeAll(async () => {
    server = await startTestSmtpServer({
      security: 'tls',
      users: [SERVER_USER],
      onMessage: async () => {
        inFlight += 1;
        await held.opened;
      },
    });
    harness = await startMailTestHarness({
      env: {
        DATABASE_URL: `sqlite:${databaseFile}`,
        MAIL_CONCURRENCY: String(CONCURRENCY),
        MAIL_POOL_CONNECTIONS: String(POOL_CONNECTIONS),
        MAIL_POLL_INTERVAL_MS: '50',
        // Far longer than the test: only the shutdown can close the connections.
        MAIL_POOL_IDLE_MS: '60000',
        SMTP_SOCKET_TIMEOUT_MS: '5000',
      },
    });
    [organizationId] = (await insertOrganizations(harness.api.app, 1)) as [OrganizationId];
    harness.routes.set(
      customRouteTo(server, { organizationId, ...SERVER_USER, sender: 'notify@shutdown.test' }),
    );
  });

  afterAll(async () => {
    held.open();
    if (!closed) {
      await harness?.api.close();
    }
    await harness?.platform.close();
    await server?.close();
  });

  it('lets the sends in flight finish and record their outcome, leaves the rest due again without holding anything, and closes every connection', async () => {
    const mailer = harness.api.app.get(MailerService);
    const owner = harness.api.app.get(OutboxDispatcher).owner;
    const countSending = () =>
      harness.api.dataSource.getRepository(OutboundEmail).countBy({ status: 'sending' });
    for (let n = 0; n < EMAILS; n += 1) {
      await mailer.send({
        organizationId,
        kind: 'notification',
        to: `reader${n}@example.test`,
        template: numberedNotice,
        data: { n },
      });
    }
    await waitUntil(() => inFlight === POOL_CONNECTIONS, {
      description: `${POOL_CONNECTIONS} messages to be held by the server`,
    });
    await waitUntil(async () => (await countSending()) === CONCURRENCY, {
      description: `${CONCURRENCY} emails to be claimed`,
    });

    const closing = harness.api.close().then(() => (closed = true));
    // The server answers while the app shuts down: the held sends complete during the shutdown.
    held.open();
    await Promise.race([closing, rejectAfter(15_000, 'app.close() to finish')]);

    const database = new BetterSqlite3(databaseFile, { readonly: true });
    const rows = database
      .prepare('SELECT id, status, lease_owner, message_id, last_error_code FROM outbound_emails')
      .all() as OutboxRow[];
    const holds = database
      .prepare('SELECT organization_id, held_reason FROM mail_route_health WHERE held_reason IS NOT NULL')
      .all();
    database.close();

    // The sends in flight at the shutdown were delivered and recorded as sent.
    const delivered = new Set(server.messages.map((message) => message.messageId));
    expect(delivered.size).toBeGreaterThanOrEqual(CONCURRENCY);
    expect(rows.filter((row) => delivered.has(row.message_id)).map((row) => row.status)).toEqual(
      Array(delivered.size).fill('sent'),
    );
    // No claim of this process is left behind: the others are due again for the next start (or
    // another instance), and nothing about the shutdown holds the organization's queue.
    expect(rows.filter((row) => row.status === 'sending' && row.lease_owner === owner)).toEqual([]);
    const undelivered = rows.filter((row) => !delivered.has(row.message_id));
    expect(
      undelivered.filter((row) => row.status !== 'queued' && row.status !== 'retrying').map(statusOf),
    ).toEqual([]);
    expect(holds).toEqual([]);
    await waitUntil(() => server.activeConnections() === 0, {
      description: `every SMTP connection to close (${server.activeConnections()} open)`,
      timeoutMs: 3000,
    });
  });
});
