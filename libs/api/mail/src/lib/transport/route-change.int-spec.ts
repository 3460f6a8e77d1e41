import { DataSource, In } from 'typeorm';
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
import { MailRouteControl } from '../routing/mail-route-control';

const OLD_USER = { username: 'old-relay', password: 'old-relay-password' };
const NEW_USER = { username: 'new-relay', password: 'new-relay-password' };
const EMAILS = 60;
const CHANGE_AT = 30;
/** Emails enqueued but not yet received, kept in the pipeline so sends are in flight at the change. */
const BACKLOG = 8;

describe('an organization’s SMTP settings change while it is sending', () => {
  let harness: MailTestHarness;
  let mailer: MailerService;
  let organizations: OrganizationId[];
  const servers: TestSmtpServer[] = [];

  beforeAll(async () => {
    harness = await startMailTestHarness({
      env: {
        MAIL_CONCURRENCY: '4',
        MAIL_POOL_CONNECTIONS: '2',
        // Far longer than the test: only closing the replaced transport can end its connections.
        MAIL_POOL_IDLE_MS: '60000',
        MAIL_POLL_INTERVAL_MS: '50',
      },
    });
    mailer = harness.api.app.get(MailerService);
    organizations = await insertOrganizations(harness.api.app, 2);
  });

  afterAll(async () => {
    await harness?.close();
    await Promise.all(servers.map((server) => server.close()));
  });

  const emails = () => harness.api.app.get(DataSource).getRepository(OutboundEmail);

  it.each([
    { how: 'the settings version changes (as another instance sees it)', notify: false, organization: 0 },
    { how: 'MailRouteControl.routeChanged is called', notify: true, organization: 1 },
  ])(
    'sends every later email through the new server when $how, loses none, and closes the old server’s connections',
    async ({ notify, organization }) => {
      const organizationId = organizations[organization];
      // The old server takes a moment per message, so some are in flight when the settings change.
      const oldServer = await startTestSmtpServer({
        security: 'tls',
        users: [OLD_USER],
        onMessage: () => new Promise((resolve) => setTimeout(resolve, 20)),
      });
      const newServer = await startTestSmtpServer({ security: 'starttls', users: [NEW_USER] });
      servers.push(oldServer, newServer);
      harness.routes.set(
        customRouteTo(oldServer, { organizationId, ...OLD_USER, sender: 'notify@old-relay.test' }),
      );
      const received = () => [...oldServer.messages, ...newServer.messages];

      const ids: string[] = [];
      for (let n = 0; n < EMAILS; n += 1) {
        if (n === CHANGE_AT) {
          harness.routes.set(
            customRouteTo(newServer, { organizationId, ...NEW_USER, sender: 'notify@new-relay.test' }),
          );
          if (notify) {
            await harness.api.app.get(MailRouteControl).routeChanged(organizationId);
          }
        }
        ids.push(
          await mailer.send({
            organizationId,
            kind: 'notification',
            to: `reader${n}@example.test`,
            template: numberedNotice,
            data: { n },
          }),
        );
        await waitUntil(() => received().length >= n + 1 - BACKLOG, {
          description: `email ${n - BACKLOG} to arrive`,
          timeoutMs: 10_000,
        });
      }
      await waitUntil(async () => (await emails().countBy({ id: In(ids), status: 'sent' })) === EMAILS, {
        description: `all ${EMAILS} emails to be recorded as sent`,
        timeoutMs: 15_000,
      });

      const byId = new Map((await emails().findBy({ id: In(ids) })).map((row) => [row.id, row]));
      const rows = ids.map((id) => byId.get(id));
      const messageIds = rows.map((row) => row?.messageId);
      // None lost, none twice: each email arrived exactly once, at one server or the other.
      expect(
        received()
          .map((message) => message.messageId)
          .sort(),
      ).toEqual([...messageIds].sort());
      // Every email enqueued after the change went through the new server, with its sender and credentials.
      const later = new Set(messageIds.slice(CHANGE_AT));
      const atNew = newServer.messages.filter((message) => later.has(message.messageId ?? ''));
      expect(atNew).toHaveLength(EMAILS - CHANGE_AT);
      expect(
        new Set(atNew.map((message) => `${message.from?.address} ${message.authenticatedUser}`)),
      ).toEqual(new Set(['notify@new-relay.test new-relay']));
      expect(rows.slice(CHANGE_AT).map((row) => row?.routePort)).toEqual(
        Array(EMAILS - CHANGE_AT).fill(newServer.port),
      );
      // The old transport was closed once its last send finished.
      await waitUntil(() => oldServer.activeConnections() === 0, {
        description: `the old server's connections to close (${oldServer.activeConnections()} open)`,
        timeoutMs: 3000,
      });
    },
  );
});
