import { waitUntil } from '@mailroute/testing';
import { forkBenchProcess, nextMessage } from '../child-process';
import { within } from '../measurement';
import type { Deployment } from '../mailroute/deployment';
import type { Sink } from '../sink/sink';
import {
  isManyOrganizationsMessage,
  type ManyOrganizationsPhase,
  type ManyOrganizationsReport,
  type ManyOrganizationsSpec,
} from './many-organizations-protocol';

export interface ManyOrganizationsRun extends ManyOrganizationsReport {
  organizations: number;
  /** SMTP connections the sink still has open once the delivering process is idle. */
  openSocketsWhenIdle: number;
  /** From the delivering process's start (boot included) to the last email accepted. */
  deliverySeconds: number;
}

/** Idle transports close after this in the scenario (the default, 30 s, would only slow the bench). */
const POOL_IDLE_MS = 1000;

/**
 * 5. many organizations: `organizations` organizations with custom SMTP, one email each, seeded
 * by one process and delivered by another (a fresh one, so its peak RSS is the delivery's own).
 */
export async function measureManyOrganizations(
  deployment: Deployment,
  sink: Sink,
  organizations: number,
): Promise<ManyOrganizationsRun> {
  const spec: ManyOrganizationsSpec = {
    env: await deployment.freshEnvironment({ MAIL_POOL_IDLE_MS: String(POOL_IDLE_MS) }),
    sink: { host: sink.host, port: sink.port, ca: sink.ca },
    organizations,
  };
  const seeder = forkPhase('seed', spec);
  await Promise.race([nextMessage(seeder, isManyOrganizationsMessage('seeded')), failureOf(seeder, 'seed')]);
  await seeder.exited;

  const { done } = await sink.expect(organizations);
  const start = performance.now();
  const deliverer = forkPhase('deliver', spec);
  try {
    const end = await within(
      Promise.race([done, failureOf(deliverer, 'deliver')]),
      Math.max(120_000, organizations * 100),
      async () => `the sink counted ${(await sink.connections()).accepted}`,
    );
    const report = nextMessage(deliverer, isManyOrganizationsMessage('report'));
    deliverer.child.send({ type: 'finish' });
    const result = await within(
      Promise.race([report, failureOf(deliverer, 'deliver')]),
      120_000,
      async () => 'the delivering process did not report',
    );
    return {
      ...result,
      organizations,
      openSocketsWhenIdle: await openSocketsOnceSettled(sink),
      deliverySeconds: (end - start) / 1000,
    };
  } finally {
    await deliverer.exited;
  }
}

function forkPhase(phase: ManyOrganizationsPhase, spec: ManyOrganizationsSpec) {
  return forkBenchProcess('scenarios/many-organizations.main.ts', [phase], {
    MAILROUTE_BENCH_SPEC: JSON.stringify(spec),
  });
}

/** Rejects if the process reports a failure (its exit alone is caught by the awaited message). */
function failureOf(process: ReturnType<typeof forkPhase>, phase: ManyOrganizationsPhase): Promise<never> {
  return new Promise<never>((_, reject) => {
    process.child.on('message', (message) => {
      if (isManyOrganizationsMessage('failed')(message)) {
        reject(new Error(`The ${phase} process failed: ${message.error}`));
      }
    });
  });
}

/** The client closed its side; the sink notices within a moment. Wait up to 5 s, then count. */
async function openSocketsOnceSettled(sink: Sink): Promise<number> {
  await waitUntil(async () => (await sink.connections()).active === 0, {
    description: 'the sink to see every connection closed',
    timeoutMs: 5000,
    intervalMs: 50,
  }).catch(() => undefined);
  return (await sink.connections()).active;
}
