import type { INestApplicationContext } from '@nestjs/common';
import { waitUntil } from '@mailroute/testing';
import { type ThroughputRun, timed, within } from '../measurement';
import { emailsByStatus, seedCustomSmtpOrganizations, startBenchApp } from '../mailroute/bench-app';
import type { Deployment } from '../mailroute/deployment';
import { sendNotifications } from '../mailroute/send-emails';
import type { Sink } from '../sink/sink';

/**
 * 3 and 4. mailroute: `count` emails through `MailerService.send` (durable outbox) spread over
 * `organizations` organizations with custom SMTP on the sink, delivered by the dispatcher; timed
 * from the first enqueue to the last message accepted by the sink. A fresh database per run.
 */
export async function measureMailroute(
  deployment: Deployment,
  sink: Sink,
  organizations: number,
  count: number,
): Promise<ThroughputRun> {
  const app = await startBenchApp(await deployment.freshEnvironment());
  try {
    const tenants = await seedCustomSmtpOrganizations(app, sink, organizations);
    const { done } = await sink.expect(count);
    const run = await timed(count, async () => {
      await sendNotifications(app, tenants, count);
      return within(done, Math.max(60_000, count * 30), () => describeProgress(app, sink));
    });
    // The sink has answered the last message; its row is marked sent a moment later.
    await waitUntil(async () => (await emailsByStatus(app))['sent'] === count, {
      description: 'every email marked sent',
      timeoutMs: 30_000,
    });
    return run;
  } finally {
    await app.close();
  }
}

async function describeProgress(app: INestApplicationContext, sink: Sink): Promise<string> {
  return `emails by status ${JSON.stringify(await emailsByStatus(app))}; the sink counted ${(await sink.connections()).accepted}`;
}
