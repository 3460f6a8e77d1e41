import type { DataSource } from 'typeorm';
import { seedOrganization, signIn, startTestApi, type TestApi } from '@mailroute/api/core/testing';
import {
  describeWithPostgres,
  describeWithRedis,
  type ReceivedMessage,
  startTestSmtpServer,
  startThrowawayPostgres,
  startThrowawayRedis,
  type TestSmtpServer,
  type ThrowawayPostgres,
  type ThrowawayRedis,
  waitUntil,
} from '@mailroute/testing';
import { callApi, type Deployment, inLanes, startDeployment } from './support/deployment';

const ORGANIZATIONS = 20;
const EMAILS = 1000;
/** HTTP calls in flight at once, spread over both APIs. */
const HTTP_LANES = 8;
/** The organization whose SMTP settings change once this many emails were handed out. */
const MOVED = 7;
const CHANGE_AT = EMAILS / 2;
/**
 * At-least-once: an email is sent twice only when its sender's lease (MAIL_SEND_LEASE_SECONDS)
 * expires mid-send and another worker takes it over, with the same Message-ID. No process dies
 * here and the lease is long, so this bounds a freak, it does not expect one.
 */
const MAX_DUPLICATES = 3;

const ADMIN = { email: 'owner@scale.test', password: 'scale-e2e-admin-password' };
const oldUser = (org: number) => ({ username: `org-${org}@old.test`, password: `old-secret-${org}-x7` });
const NEW_USER = { username: 'moved@new.test', password: 'new-secret-moved-q2' };
const invitee = (index: number) => `invitee-${index}@people.test`;

interface Enqueued {
  index: number;
  org: number;
  recipient: string;
  /** Which API accepted it (0 or 1). */
  api: number;
  /** Its request started after the settings change had returned. */
  afterChange: boolean;
}

interface OutboxRow {
  recipients: string;
  status: string;
  message_id: string;
  route_port: number | null;
  attempts: number;
}

/**
 * The deployment the README's "Running at scale" describes, from the built bundle: two API
 * processes without the dispatcher and two `worker` processes on one PostgreSQL and one Redis.
 */
describeWithPostgres('several API and worker processes on PostgreSQL and Redis', () => {
  describeWithRedis('1,000 emails of 20 organizations, one of which changes its SMTP server mid-run', () => {
    let postgres: ThrowawayPostgres;
    let redis: ThrowawayRedis;
    let oldSmtp: TestSmtpServer;
    let newSmtp: TestSmtpServer;
    let deployment: Deployment | undefined;
    let seeding: TestApi | undefined;

    beforeAll(async () => {
      [postgres, redis, oldSmtp, newSmtp] = await Promise.all([
        startThrowawayPostgres({ database: 'mailroute_scale' }),
        startThrowawayRedis(),
        startTestSmtpServer({
          security: 'tls',
          users: Array.from({ length: ORGANIZATIONS }, (_, org) => oldUser(org)),
        }),
        startTestSmtpServer({ security: 'tls', users: [NEW_USER] }),
      ]);
    }, 60_000);

    afterAll(async () => {
      await deployment?.stop();
      await seeding?.close();
      await Promise.all([oldSmtp?.close(), newSmtp?.close(), redis?.stop(), postgres?.stop()]);
    });

    it('delivers every email once, through each organization’s current server, sharing the load', async () => {
      deployment = await startDeployment(
        {
          DATABASE_URL: postgres.url,
          REDIS_URL: redis.url,
          ADMIN_EMAIL: ADMIN.email,
          ADMIN_PASSWORD: ADMIN.password,
          SMTP_ALLOW_PRIVATE_HOSTS: 'true',
          SMTP_ALLOWED_PORTS: '*',
          LOG_LEVEL: 'warn',
        },
        { apis: 2, workers: 2 },
        // Debug shows which organizations' transports each worker opened: the load-sharing signal.
        { LOG_LEVEL: 'debug' },
      );
      const { apis, workers } = deployment;

      // The four processes started at once on the empty database: one migration run, one seed.
      seeding = await startTestApi({ env: { DATABASE_URL: postgres.url } });
      const db = seeding.dataSource;
      expect(await countRows(db, 'organizations')).toBe(1);
      expect(await countRows(db, 'users')).toBe(1);

      // There is no HTTP API to create organizations: seed them in the shared database.
      const organizations = [];
      for (let org = 0; org < ORGANIZATIONS; org += 1) {
        organizations.push(await seedOrganization(seeding.app, `scale-${org}`));
      }
      const tokens = await Promise.all(
        organizations.map((organization, org) => signIn(pick(apis, org % 2).baseUrl, organization.admin)),
      );
      const settingsOf = (
        org: number,
        server: TestSmtpServer,
        user: { username: string; password: string },
      ) => ({
        host: '127.0.0.1',
        port: server.port,
        security: 'tls',
        username: user.username,
        password: user.password,
        senderAddress: `notify@scale-${org}.test`,
        caCertificate: server.ca,
      });
      await inLanes(ORGANIZATIONS, 4, async (org) => {
        const saved = await callApi(
          pick(apis, org % 2),
          pick(tokens, org),
          'PUT',
          '/api/organizations/current/smtp-settings',
          settingsOf(org, oldSmtp, oldUser(org)),
        );
        expect(saved).toMatchObject({ status: 200 });
      });

      // Enqueue through both APIs; once half are handed out, the moved organization's admin
      // points it at the new server through the other API, while the others keep enqueueing. Its
      // later emails wait for that change to return, so some surely come after it.
      const enqueued: Enqueued[] = [];
      const refused: string[] = [];
      let changed = false;
      let change: Promise<void> | undefined;
      const changeSettings = async () => {
        const saved = await callApi(
          pick(apis, (MOVED + 1) % 2),
          pick(tokens, MOVED),
          'PUT',
          '/api/organizations/current/smtp-settings',
          settingsOf(MOVED, newSmtp, NEW_USER),
        );
        expect(saved).toMatchObject({ status: 200 });
        changed = true;
      };
      await inLanes(EMAILS, HTTP_LANES, async (index) => {
        const org = index % ORGANIZATIONS;
        if (index === CHANGE_AT) {
          change = changeSettings();
        }
        if (org === MOVED && index >= CHANGE_AT) {
          await change;
        }
        const api = Math.floor(index / ORGANIZATIONS) % 2;
        const afterChange = changed;
        const answer = await callApi(pick(apis, api), pick(tokens, org), 'POST', '/api/invitations', {
          email: invitee(index),
          role: 'member',
        });
        if (answer.status === 201) {
          enqueued.push({ index, org, recipient: invitee(index), api, afterChange });
        } else {
          refused.push(`${index}: ${answer.status} ${answer.body}`);
        }
      });
      await change;
      expect(refused).toEqual([]);
      expect(enqueued).toHaveLength(EMAILS);

      const rows = await waitUntil(
        async () => {
          const all = (await db.query(
            `SELECT recipients, status, message_id, route_port, attempts FROM outbound_emails WHERE kind = 'user_invitation'`,
          )) as OutboxRow[];
          return all.length === EMAILS && all.every((row) => row.status === 'sent') && all;
        },
        { description: `all ${EMAILS} invitation emails to be sent`, timeoutMs: 90_000, intervalMs: 250 },
      );

      // The settings saves' test emails went straight to the servers: set them apart.
      const isTest = (message: ReceivedMessage) =>
        message.envelope.rcptTo.every((to) => to.startsWith('admin@'));
      expect(oldSmtp.messages.filter(isTest)).toHaveLength(ORGANIZATIONS);
      expect(newSmtp.messages.filter(isTest)).toHaveLength(1);
      const received = [
        ...oldSmtp.messages
          .filter((message) => !isTest(message))
          .map((message) => ({ message, server: 'old' })),
        ...newSmtp.messages
          .filter((message) => !isTest(message))
          .map((message) => ({ message, server: 'new' })),
      ];
      const copiesByRecipient = new Map<string, { message: ReceivedMessage; server: string }[]>();
      for (const copy of received) {
        const recipient = copy.message.envelope.rcptTo.join(',');
        copiesByRecipient.set(recipient, [...(copiesByRecipient.get(recipient) ?? []), copy]);
      }
      const rowByRecipient = new Map(rows.map((row) => [parseRecipients(row.recipients), row]));

      let duplicates = 0;
      const problems: string[] = [];
      for (const email of enqueued) {
        const row = rowByRecipient.get(email.recipient);
        const copies = copiesByRecipient.get(email.recipient) ?? [];
        const servers = new Set(copies.map((copy) => copy.server));
        const expected = email.org !== MOVED ? 'old' : email.afterChange ? 'new' : null;
        if (!row || copies.length === 0) {
          problems.push(`${email.recipient}: not received`);
          continue;
        }
        if (copies.some((copy) => copy.message.messageId !== row.message_id)) {
          problems.push(`${email.recipient}: a copy with another Message-ID than ${row.message_id}`);
        }
        if (copies.length > 1) {
          duplicates += copies.length - 1;
          if (row.attempts < 2) {
            problems.push(`${email.recipient}: received ${copies.length} times but attempted once`);
          }
        }
        if (expected !== null && (servers.size !== 1 || !servers.has(expected))) {
          problems.push(
            `${email.recipient} (organization ${email.org}): through ${[...servers]}, not ${expected}`,
          );
        }
        const rowServer =
          row.route_port === newSmtp.port ? 'new' : row.route_port === oldSmtp.port ? 'old' : '?';
        if (!servers.has(rowServer)) {
          problems.push(`${email.recipient}: the email log says ${rowServer}, the servers ${[...servers]}`);
        }
        const credentials = new Set(copies.map((copy) => copy.message.authenticatedUser));
        const own = copies[0]?.server === 'new' ? NEW_USER.username : oldUser(email.org).username;
        if (credentials.size !== 1 || !credentials.has(own)) {
          problems.push(`${email.recipient}: sent with ${[...credentials]} instead of ${own}`);
        }
      }
      expect(problems).toEqual([]);
      expect(received.length).toBe(EMAILS + duplicates);
      expect(duplicates).toBeLessThanOrEqual(MAX_DUPLICATES);

      const moved = enqueued.filter((email) => email.org === MOVED);
      const movedAfter = moved.filter((email) => email.afterChange).length;
      expect(movedAfter).toBeGreaterThanOrEqual(EMAILS / ORGANIZATIONS / 2);
      // Both APIs took emails, and both workers sent some: each opened organizations' transports
      // (a worker opens one only to send a claimed email, and every attempt here succeeded).
      expect([0, 1].map((api) => enqueued.filter((email) => email.api === api).length)).toEqual([
        EMAILS / 2,
        EMAILS / 2,
      ]);
      const transportsOpened = workers.map((worker) => customTransportsOpened(worker.output()));
      expect(transportsOpened.every((count) => count > 0)).toBe(true);
      console.log(
        `several instances: ${EMAILS} emails delivered, ${duplicates} duplicate(s) (same Message-ID); ` +
          `organization ${MOVED}: ${moved.length - movedAfter} before the change, ${movedAfter} after; ` +
          `organizations' transports opened per worker: ${transportsOpened.join(', ')}`,
      );

      // Every process stops gracefully on SIGTERM (the workers drain and exit 0).
      const exits = await deployment.stop();
      deployment = undefined;
      expect(exits.map((exit) => exit.killed)).toEqual([false, false, false, false]);
      expect(exits.slice(2).map((exit) => exit.code)).toEqual([0, 0]);
    }, 150_000);
  });
});

async function countRows(db: DataSource, table: string): Promise<number> {
  const [row] = (await db.query(`SELECT count(*) AS n FROM ${table}`)) as { n: string }[];
  return Number(row?.n);
}

function pick<T>(items: T[], index: number): T {
  const item = items[index];
  if (item === undefined) {
    throw new Error(`No item ${index} among ${items.length}`);
  }
  return item;
}

/** How many custom (organization) transports a worker's debug log says it created. */
function customTransportsOpened(output: string): number {
  return output
    .split('\n')
    .filter((line) => line.includes('"msg":"SMTP transport created"') && line.includes('"route":"custom"'))
    .length;
}

/** `recipients` is a simple-json column: a JSON array of one address here. */
function parseRecipients(value: string): string {
  return (JSON.parse(value) as string[]).join(',');
}
