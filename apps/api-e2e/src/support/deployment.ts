import { randomBytes } from 'node:crypto';
import { type BuiltApiExit, type BuiltApiProcess, startBuiltApi } from '@mailroute/testing';

/** What the worker command prints once it sends (see apps/api/src/main.ts). */
export const WORKER_READY = 'Mailroute worker is sending';

/** A deployment of the built bundle: API-only processes and worker processes on one database and Redis. */
export interface Deployment {
  apis: BuiltApiProcess[];
  workers: BuiltApiProcess[];
  /** Stops every process (SIGTERM, SIGKILL after 10 s) and tells how each ended: APIs, then workers. */
  stop(): Promise<BuiltApiExit[]>;
}

/**
 * Starts `apis` × `serve` with MAIL_DISPATCHER=false and `workers` × `worker`, all at the same
 * time (so they race to migrate and seed), sharing the environment and one SECRETS_KEY (the
 * workers open the passwords the APIs sealed). If any fails to start, the others are stopped.
 */
export async function startDeployment(
  env: Record<string, string>,
  counts: { apis: number; workers: number },
  workerEnv: Record<string, string> = {},
): Promise<Deployment> {
  const shared = { SECRETS_KEY: randomBytes(32).toString('base64'), ...env };
  const starts = await Promise.allSettled([
    ...Array.from({ length: counts.apis }, () =>
      startBuiltApi({ env: { ...shared, MAIL_DISPATCHER: 'false' } }),
    ),
    ...Array.from({ length: counts.workers }, () =>
      startBuiltApi({
        args: ['worker'],
        env: { ...shared, ...workerEnv },
        waitFor: { output: WORKER_READY },
      }),
    ),
  ]);
  const started = starts.flatMap((start) => (start.status === 'fulfilled' ? [start.value] : []));
  const stop = () =>
    Promise.all(
      started.map(async (each) => {
        await each.stop();
        return each.ended;
      }),
    );
  const failed = starts.find((start) => start.status === 'rejected');
  if (failed) {
    await stop();
    throw failed.reason;
  }
  return { apis: started.slice(0, counts.apis), workers: started.slice(counts.apis), stop };
}

/**
 * Runs `work(0)` … `work(count - 1)` with at most `lanes` running at once, in index order, and
 * resolves once all are done (rejects with the first failure, after the lanes stop).
 */
export async function inLanes(count: number, lanes: number, work: (index: number) => Promise<void>) {
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const index = next;
      next += 1;
      await work(index);
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
}

/** An authenticated JSON call to one of the APIs. */
export async function callApi(
  api: BuiltApiProcess,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: string }> {
  const response = await fetch(`${api.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.text() };
}
