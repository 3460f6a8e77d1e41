import { DataSource } from 'typeorm';
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
import { TransportResolver } from './transport-resolver';

const ORGANIZATIONS = 1000;
const SERVERS = 4;
const CACHE_SIZE = 50;
const CONCURRENCY = 8;
/**
 * Long enough that, without the bound, the transports built during the idle period alone (one
 * per organization, ~30 per second here) would far exceed it.
 */
const IDLE_MS = 5000;

/** Organization `index` sends through server `index % SERVERS`, as its own user and sender. */
const credentialsOf = (index: number) => ({ username: `mailer-${index}`, password: `password-${index}` });
const senderOf = (index: number) => `notify@org-${index}.test`;
const recipientOf = (index: number) => `reader@org-${index}.example.test`;

describe('the transport cache with many organizations on their own servers', () => {
  let harness: MailTestHarness;
  let servers: TestSmtpServer[];
  let organizations: OrganizationId[];

  beforeAll(async () => {
    const indexes = Array.from({ length: ORGANIZATIONS }, (_, index) => index);
    servers = await Promise.all(
      Array.from({ length: SERVERS }, (_, server) =>
        startTestSmtpServer({
          security: 'tls',
          users: indexes.filter((index) => index % SERVERS === server).map(credentialsOf),
        }),
      ),
    );
    harness = await startMailTestHarness({
      env: {
        MAIL_TRANSPORT_CACHE_SIZE: String(CACHE_SIZE),
        MAIL_CONCURRENCY: String(CONCURRENCY),
        MAIL_POOL_IDLE_MS: String(IDLE_MS),
        MAIL_POLL_INTERVAL_MS: '50',
        // The harness's short SMTP timeouts suit the fault tests. Here a thousand TLS sessions on a
        // busy machine can outlast them after the server accepted a message: the retry is the
        // documented at-least-once duplicate, which this test (about the cache bound) must not see.
        SMTP_CONNECTION_TIMEOUT_MS: '10000',
        SMTP_GREETING_TIMEOUT_MS: '10000',
        SMTP_SOCKET_TIMEOUT_MS: '30000',
      },
    });
    organizations = await insertOrganizations(harness.api.app, ORGANIZATIONS);
    organizations.forEach((organizationId, index) =>
      harness.routes.set(
        customRouteTo(servers[index % SERVERS], {
          organizationId,
          ...credentialsOf(index),
          sender: senderOf(index),
        }),
      ),
    );
  }, 30_000);

  afterAll(async () => {
    await harness?.close();
    await Promise.all((servers ?? []).map((server) => server.close()));
  });

  it('sends each organization’s email through its own route, keeps the transports within the bound, and leaves no socket open once idle', async () => {
    const resolver = harness.api.app.get(TransportResolver);
    const mailer = harness.api.app.get(MailerService);
    let mostLive = 0;
    const sampler = setInterval(() => (mostLive = Math.max(mostLive, resolver.liveTransports())), 2);
    try {
      for (const [index, organizationId] of organizations.entries()) {
        await mailer.send({
          organizationId,
          kind: 'notification',
          to: recipientOf(index),
          template: numberedNotice,
          data: { n: index },
        });
      }
      await waitUntil(
        () => servers.reduce((sum, server) => sum + server.messages.length, 0) >= ORGANIZATIONS,
        {
          description: `${ORGANIZATIONS} emails to arrive`,
          // Generous: each organization opens its own TLS connection, slow on a busy 2-core CI machine.
          timeoutMs: 150_000,
          intervalMs: 50,
        },
      );
    } finally {
      clearInterval(sampler);
    }

    // Each organization's email came once, through its own server, sender and credentials.
    const arrivals = servers.flatMap((server, serverIndex) =>
      server.messages.map(
        (message) =>
          `${serverIndex} ${message.to.join()} ${message.from?.address} ${message.authenticatedUser}`,
      ),
    );
    expect(arrivals.sort()).toEqual(
      organizations
        .map(
          (_, index) =>
            `${index % SERVERS} ${recipientOf(index)} ${senderOf(index)} ${credentialsOf(index).username}`,
        )
        .sort(),
    );
    // At most CACHE_SIZE cached transports, plus the evicted ones still finishing a send (one per worker at most).
    expect(mostLive).toBeLessThanOrEqual(CACHE_SIZE + CONCURRENCY);
    expect(mostLive).toBeGreaterThanOrEqual(CACHE_SIZE);
    await waitUntil(
      async () =>
        (await harness.api.app.get(DataSource).getRepository(OutboundEmail).countBy({ status: 'sent' })) ===
        ORGANIZATIONS,
      {
        description: 'every email to be recorded as sent',
      },
    );

    // Once idle, every transport is closed and every server sees its connections end.
    await waitUntil(
      () => resolver.liveTransports() === 0 && servers.every((server) => server.activeConnections() === 0),
      {
        description: 'every transport and connection to close after the idle period',
        timeoutMs: IDLE_MS + 5000,
      },
    );
  }, 200_000);
});
