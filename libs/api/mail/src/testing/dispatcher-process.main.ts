/**
 * Entry point of a child process that runs the real API with the mail library and its in-process
 * dispatcher, so a test can SIGKILL it mid-run (see `startDispatcherProcess` in dispatcher-process.ts). Platform-only
 * routes: every email goes to PLATFORM_SMTP_URL.
 *
 * Environment: MAILROUTE_DISPATCHER_ENV, the API's configuration as a JSON object;
 * MAILROUTE_DISPATCHER_MAX_LIFETIME_MS, a bound on how long the process may live.
 * IPC: sends `{ type: 'ready', owner }` once it dispatches (or `{ type: 'failed', error }`);
 * on `{ type: 'stop' }` it shuts down gracefully and exits 0. It exits on its own when its parent
 * goes away (the IPC channel closes), so a crashed test never leaves it running.
 */
import { startTestApi, type TestApi } from '@mailroute/api/core/testing';
import { OutboxDispatcher } from '../lib/dispatch/outbox-dispatcher';
import { mailSchema } from '../lib/mail-schema';
import { MailModule } from '../lib/mail.module';

export type DispatcherProcessMessage = { type: 'ready'; owner: string } | { type: 'failed'; error: string };

const DEFAULT_MAX_LIFETIME_MS = 120_000;

function report(message: DispatcherProcessMessage): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  const maxLifetimeMs = Number(
    process.env['MAILROUTE_DISPATCHER_MAX_LIFETIME_MS'] ?? DEFAULT_MAX_LIFETIME_MS,
  );
  setTimeout(() => process.exit(3), maxLifetimeMs).unref();
  process.on('disconnect', () => process.exit(2));

  const env = JSON.parse(process.env['MAILROUTE_DISPATCHER_ENV'] ?? '{}') as Record<string, string>;
  let api: TestApi;
  try {
    api = await startTestApi({ env, imports: [MailModule.forRoot()], schema: [mailSchema] });
  } catch (error) {
    report({
      type: 'failed',
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
    process.exit(1);
  }
  process.on('message', (message: unknown) => {
    if (typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'stop') {
      void api.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    }
  });
  report({ type: 'ready', owner: api.app.get(OutboxDispatcher).owner });
}

void main();
