/*
 * A Mailroute process for the many-organizations scenario, so that its peak RSS is its own.
 * `seed`: stores the organizations, their custom SMTP settings and one email each (no sending).
 * `deliver`: starts with the dispatcher on over that database, samples the live transports while
 * it sends, and once told `finish` (the sink has everything) waits for the idle close and reports.
 */
import { DataSource } from 'typeorm';
import { waitUntil } from '@mailroute/testing';
import { MailerService } from '@mailroute/api/mail';
import { TransportResolver } from '@mailroute/api/mail/testing';
import { AppConfig } from '@mailroute/api/core';
import { emailsByStatus, seedCustomSmtpOrganizations, startBenchApp } from '../mailroute/bench-app';
import { benchNotificationData, benchNotificationTemplate } from '../mailroute/bench-template';
import type {
  ManyOrganizationsMessage,
  ManyOrganizationsPhase,
  ManyOrganizationsSpec,
} from './many-organizations-protocol';

async function seed(spec: ManyOrganizationsSpec): Promise<void> {
  const app = await startBenchApp({ ...spec.env, MAIL_DISPATCHER: 'false' });
  try {
    const organizations = await seedCustomSmtpOrganizations(app, spec.sink, spec.organizations);
    const mailer = app.get(MailerService);
    const batch = 500;
    for (let start = 0; start < organizations.length; start += batch) {
      await app.get(DataSource).transaction(async (manager) => {
        for (const [offset, organizationId] of organizations.slice(start, start + batch).entries()) {
          await mailer.send(
            {
              organizationId,
              kind: 'notification',
              to: `reader-${start + offset}@recipients.bench.test`,
              template: benchNotificationTemplate,
              data: benchNotificationData(start + offset),
            },
            manager,
          );
        }
      });
    }
  } finally {
    await app.close();
  }
  tell({ type: 'seeded' });
}

async function deliver(spec: ManyOrganizationsSpec): Promise<void> {
  const finish = new Promise<void>((resolve) => process.once('message', () => resolve()));
  const app = await startBenchApp(spec.env);
  const resolver = app.get(TransportResolver);
  let peakLiveTransports = 0;
  const sampler = setInterval(() => {
    peakLiveTransports = Math.max(peakLiveTransports, resolver.liveTransports());
  }, 10);
  tell({ type: 'delivering' });
  await finish;
  try {
    await waitUntil(async () => (await emailsByStatus(app))['sent'] === spec.organizations, {
      description: 'every email marked sent',
      timeoutMs: 30_000,
    });
    // Nothing is sent any more: every transport must close on its own after MAIL_POOL_IDLE_MS.
    const idleMs = app.get(AppConfig).mail.poolIdleMs;
    await waitUntil(() => resolver.liveTransports() === 0, {
      description: 'every transport closed once idle',
      timeoutMs: idleMs + 30_000,
    });
    clearInterval(sampler);
    tell({
      type: 'report',
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
      peakLiveTransports,
      liveTransportsWhenIdle: resolver.liveTransports(),
      transportCacheSize: app.get(AppConfig).mail.transportCacheSize,
      statuses: await emailsByStatus(app),
    });
  } finally {
    clearInterval(sampler);
    await app.close();
  }
}

function tell(message: ManyOrganizationsMessage): void {
  process.send?.(message);
}

const phases: Record<ManyOrganizationsPhase, (spec: ManyOrganizationsSpec) => Promise<void>> = {
  seed,
  deliver,
};
const spec = JSON.parse(process.env['MAILROUTE_BENCH_SPEC'] ?? '{}') as ManyOrganizationsSpec;
phases[process.argv[2] as ManyOrganizationsPhase](spec).then(
  () => process.disconnect(),
  (error: unknown) => {
    tell({ type: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exit(1);
  },
);
