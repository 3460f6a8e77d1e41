import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import {
  seedOrganization,
  type SeededOrganization,
  startTestApi,
  type TestApi,
} from '@mailroute/api/core/testing';
import {
  describeWithPostgres,
  describeWithRedis,
  forkTypeScript,
  type ReceivedMessage,
  startTestSmtpServer,
  startThrowawayPostgres,
  startThrowawayRedis,
  type TestSmtpServer,
  type ThrowawayPostgres,
  type ThrowawayRedis,
  type TypeScriptProcess,
  waitUntil,
} from '@mailroute/testing';
import { customRouteTo, numberedNotice } from '../../../testing';
import { mailSchema } from '../../mail-schema';
import { MailModule } from '../../mail.module';
import { MailerService } from '../../mailer.service';
import { OutboundEmail } from '../../outbox/outbound-email.entity';
import type { QueueWorkerProcessMessage, QueueWorkerProcessSpec } from './testing/queue-worker-process';

const WORKER_SCRIPT = join(__dirname, 'testing', 'queue-worker-process.ts');
const EMAILS = 500;
const WORKERS = ['worker-1', 'worker-2'] as const;
const PLATFORM_SENDER = 'notifications@platform.test';

/** Each worker process authenticates as its own user on every server: the servers see who sent what. */
const credentialsOf = (worker: string) => ({ username: worker, password: `${worker}-smtp-password` });

interface WorkerProcess extends TypeScriptProcess {
  name: string;
  /** Its lease owner id, once ready. */
  owner: string;
}

describeWithRedis('the Redis queue shared by several worker processes', () => {
  describeWithPostgres('on PostgreSQL', () => {
    let postgres: ThrowawayPostgres;
    let redis: ThrowawayRedis;
    let acmeServer: TestSmtpServer;
    let globexServer: TestSmtpServer;
    let platformServer: TestSmtpServer;
    let api: TestApi;
    let organizations: [SeededOrganization, SeededOrganization, SeededOrganization];
    /** The organization that email number n belongs to: round-robin over the three. */
    const organizationOf = (n: number) => organizations[(n % 3) as 0 | 1 | 2];
    const workers: WorkerProcess[] = [];
    const workerNamed = (name: string): WorkerProcess => {
      const worker = workers.find((candidate) => candidate.name === name);
      if (!worker) {
        throw new Error(`No worker process named ${name}`);
      }
      return worker;
    };
    /** How long the servers take to accept each message (so that a worker can die mid-delivery). */
    let acceptDelayMs = 0;

    beforeAll(async () => {
      const users = WORKERS.map(credentialsOf);
      const onMessage = () =>
        acceptDelayMs > 0 ? new Promise<void>((resolve) => setTimeout(resolve, acceptDelayMs)) : undefined;
      [postgres, redis, acmeServer, globexServer, platformServer] = await Promise.all([
        startThrowawayPostgres({ database: 'mailroute_queue' }),
        startThrowawayRedis(),
        startTestSmtpServer({ security: 'tls', users, onMessage }),
        startTestSmtpServer({ security: 'starttls', users, onMessage }),
        startTestSmtpServer({ security: 'tls', users, onMessage }),
      ]);
      const caFile = join(mkdtempSync(join(tmpdir(), 'mailroute-queue-')), 'platform-ca.pem');
      writeFileSync(caFile, platformServer.ca);
      const environment = (worker: string): Record<string, string> => {
        const { username, password } = credentialsOf(worker);
        return {
          NODE_ENV: 'test',
          DATA_DIR: mkdtempSync(join(tmpdir(), `mailroute-${worker}-`)),
          SECRETS_KEY: randomBytes(32).toString('base64'),
          LOG_LEVEL: 'silent',
          SERVE_WEB: 'false',
          DATABASE_URL: postgres.url,
          REDIS_URL: redis.url,
          PLATFORM_SMTP_URL: `smtps://${username}:${password}@127.0.0.1:${platformServer.port}`,
          PLATFORM_SMTP_CA_FILE: caFile,
          PLATFORM_SENDER: `Mailroute <${PLATFORM_SENDER}>`,
          MAIL_CONCURRENCY: '8',
          MAIL_POLL_INTERVAL_MS: '200',
          MAIL_SEND_LEASE_SECONDS: '10',
          SMTP_CONNECTION_TIMEOUT_MS: '5000',
          SMTP_GREETING_TIMEOUT_MS: '5000',
          SMTP_SOCKET_TIMEOUT_MS: '10000',
        };
      };

      // This process writes the emails (and migrates the database first); it sends none itself.
      api = await startTestApi({
        env: { ...environment('writer'), MAIL_DISPATCHER: 'false' },
        imports: [MailModule.forRoot({ queue: 'redis' })],
        schema: [mailSchema],
      });
      organizations = [
        await seedOrganization(api.app, 'acme', { name: 'Acme' }),
        await seedOrganization(api.app, 'globex', { name: 'Globex' }),
        await seedOrganization(api.app, 'initech', { name: 'Initech' }),
      ];
      const [acme, globex] = organizations;
      for (const worker of WORKERS) {
        const credentials = credentialsOf(worker);
        workers.push(
          startWorkerProcess(worker, {
            env: environment(worker),
            routes: [
              customRouteTo(acmeServer, {
                organizationId: acme.id,
                ...credentials,
                sender: 'notify@acme.test',
              }),
              customRouteTo(globexServer, {
                organizationId: globex.id,
                ...credentials,
                sender: 'bot@globex.test',
              }),
            ],
          }),
        );
      }
      await Promise.all(workers.map((worker) => readyOf(worker)));
    }, 180_000);

    afterAll(async () => {
      await Promise.all(workers.map((worker) => stopWorkerProcess(worker)));
      await api?.close();
      await Promise.all([acmeServer?.close(), globexServer?.close(), platformServer?.close()]);
      await Promise.all([redis?.stop(), postgres?.stop()]);
    }, 60_000);

    const emails = () => api.app.get(DataSource).getRepository(OutboundEmail);
    const servers = () => [acmeServer, globexServer, platformServer];
    async function sendEmails(from: number, count: number): Promise<string[]> {
      const mailer = api.app.get(MailerService);
      const ids: string[] = [];
      for (let n = from; n < from + count; n++) {
        ids.push(
          await mailer.send({
            organizationId: organizationOf(n).id,
            kind: 'notification',
            to: `user${n}@example.test`,
            template: numberedNotice,
            data: { n },
          }),
        );
      }
      return ids;
    }
    async function waitForAllSent(timeoutMs: number): Promise<OutboundEmail[]> {
      await waitUntil(async () => (await emails().countBy({ status: 'sent' })) === (await emails().count()), {
        description: 'every email recorded as sent',
        timeoutMs,
        intervalMs: 250,
      }).catch((error: unknown) => {
        throw new Error(
          `${String(error)}\n${workers.map((w) => `--- ${w.name}\n${w.output().slice(-3000)}`).join('\n')}`,
        );
      });
      return emails().find();
    }

    it('delivers every email, each through its organization’s server, sharing the work between the processes', async () => {
      await sendEmails(0, EMAILS);
      const rows = await waitForAllSent(120_000);
      const received = await Promise.all([
        acmeServer.waitForMessages(Math.ceil(EMAILS / 3), { timeoutMs: 10_000 }),
        globexServer.waitForMessages(Math.floor((EMAILS + 1) / 3), { timeoutMs: 10_000 }),
        platformServer.waitForMessages(Math.floor(EMAILS / 3), { timeoutMs: 10_000 }),
      ]);
      const [atAcme, atGlobex, atPlatform] = received;
      const all = received.flat();

      // Each organization's emails went through its own server.
      const remainders = (messages: ReceivedMessage[]) =>
        new Set(messages.map((m) => Number(/#(\d+)/.exec(m.subject ?? '')?.[1]) % 3));
      expect(remainders(atAcme)).toEqual(new Set([0]));
      expect(remainders(atGlobex)).toEqual(new Set([1]));
      expect(remainders(atPlatform)).toEqual(new Set([2]));

      // No email lost: every row's Message-ID arrived, and nothing else did.
      const rowMessageIds = new Set(rows.map((row) => row.messageId));
      const receivedMessageIds = new Set(all.map((m) => m.messageId));
      expect(receivedMessageIds).toEqual(rowMessageIds);
      // A duplicate (a lease taken over) is rare and recognisable: one Message-ID per recipient.
      const messageIdsByRecipient = new Map<string, Set<string | undefined>>();
      for (const message of all) {
        const recipient = message.envelope.rcptTo.join(',');
        messageIdsByRecipient.set(
          recipient,
          (messageIdsByRecipient.get(recipient) ?? new Set()).add(message.messageId),
        );
      }
      expect([...messageIdsByRecipient.values()].every((messageIds) => messageIds.size === 1)).toBe(true);
      expect(all.length - rowMessageIds.size).toBeLessThanOrEqual(5);

      // Both processes did work.
      const byWorker = WORKERS.map((worker) => all.filter((m) => m.authenticatedUser === worker).length);
      expect(byWorker.reduce((sum, count) => sum + count, 0)).toBe(all.length);
      for (const count of byWorker) {
        expect(count).toBeGreaterThan(0);
      }
    }, 150_000);

    it('loses no email when a worker process dies mid-delivery: the other takes its emails over once their lease expires', async () => {
      servers().forEach((server) => server.clear());
      acceptDelayMs = 100;
      const victim = workerNamed('worker-2');
      const ids = await sendEmails(1000, 150);
      await waitUntil(
        async () => (await emails().countBy({ status: 'sending', leaseOwner: victim.owner })) > 0,
        {
          description: `${victim.name} to be sending`,
          timeoutMs: 30_000,
          intervalMs: 10,
        },
      );
      victim.child.kill('SIGKILL');
      await victim.exited;
      const killedAt = Date.now();
      const orphans = await emails().findBy({ status: 'sending', leaseOwner: victim.owner });
      expect(orphans.length).toBeGreaterThan(0);
      acceptDelayMs = 0;

      // Taken over once the 10 s lease expired, long before BullMQ would have given back the dead
      // worker's jobs (its stalled-job check): the next attempt is a new job. Measured when the
      // last orphan leaves the dead worker, not when all 1000 emails are sent: how fast the
      // survivor sends them depends on the machine's load, not on the takeover.
      const takenOverAt = await waitUntil(
        async () =>
          (await emails().countBy({ status: 'sending', leaseOwner: victim.owner })) === 0 && Date.now(),
        { description: `the emails of ${victim.name} to be taken over`, timeoutMs: 60_000, intervalMs: 50 },
      );
      expect(takenOverAt - killedAt).toBeLessThan(25_000);
      const sent = await waitForAllSent(60_000);
      const rows = sent.filter((row) => ids.includes(row.id));
      expect(rows.map((row) => row.id).sort()).toEqual([...ids].sort());
      const orphanIds = new Set(orphans.map((orphan) => orphan.id));
      for (const row of rows.filter((row) => orphanIds.has(row.id))) {
        expect(row.attempts).toBe(2);
      }

      const all = servers().flatMap((server) => server.messages);
      expect(new Set(all.map((m) => m.messageId))).toEqual(new Set(rows.map((row) => row.messageId)));
      // An email arrives twice only if the dead worker had sent it without recording it: same
      // Message-ID, and it is one of the emails it held.
      const byMessageId = new Map<string | undefined, number>();
      all.forEach((m) => byMessageId.set(m.messageId, (byMessageId.get(m.messageId) ?? 0) + 1));
      const duplicated = rows.filter((row) => (byMessageId.get(row.messageId) ?? 0) > 1);
      expect(duplicated.every((row) => orphanIds.has(row.id))).toBe(true);
      expect([...byMessageId.values()].every((count) => count <= 2)).toBe(true);
    }, 120_000);

    it('stops a worker process gracefully on SIGTERM', async () => {
      const survivor = workerNamed('worker-1');
      survivor.child.kill('SIGTERM');
      const { code, signal } = await survivor.exited;
      // The process's last output explains a failed stop.
      const output = code === 0 ? '' : survivor.output().slice(-3000);
      expect({ code, signal, output }).toEqual({ code: 0, signal: null, output: '' });
    }, 30_000);
  });
});

function startWorkerProcess(name: string, spec: QueueWorkerProcessSpec): WorkerProcess {
  return { name, owner: '', ...forkTypeScript(WORKER_SCRIPT, { args: [JSON.stringify(spec)] }) };
}

function readyOf(worker: WorkerProcess): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${worker.name} did not start:\n${worker.output()}`)),
      120_000,
    );
    worker.child.on('message', (message: QueueWorkerProcessMessage) => {
      clearTimeout(timer);
      if (message.type === 'ready') {
        worker.owner = message.owner;
        resolve();
      } else {
        reject(new Error(`${worker.name} failed: ${message.error}\n${worker.output()}`));
      }
    });
    void worker.exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`${worker.name} exited:\n${worker.output()}`));
    });
  });
}

/** SIGTERM (a graceful stop), then SIGKILL if it takes too long. */
async function stopWorkerProcess(worker: WorkerProcess): Promise<void> {
  if (worker.child.exitCode !== null || worker.child.signalCode !== null) {
    return;
  }
  worker.child.kill('SIGTERM');
  const timer = setTimeout(() => worker.child.kill('SIGKILL'), 20_000);
  await worker.exited;
  clearTimeout(timer);
}
