/**
 * Entry point of a child process running the real API (core modules, a throwaway SQLite file) with
 * its request log on stdout, so a test can read what an operator's log would hold (see
 * `startLoggedApi`). Environment: MAILROUTE_LOGGED_API_ENV, the API's configuration as a JSON
 * object. IPC: sends `{ type: 'ready', baseUrl }` once it listens. It exits when its parent goes
 * away (the IPC channel closes) or after two minutes.
 */
import { startTestApi } from './test-api';

async function main(): Promise<void> {
  setTimeout(() => process.exit(3), 120_000).unref();
  process.on('disconnect', () => process.exit(2));
  const env = JSON.parse(process.env['MAILROUTE_LOGGED_API_ENV'] ?? '{}') as Record<string, string>;
  const api = await startTestApi({ env: { LOG_LEVEL: 'info', ...env } });
  process.send?.({ type: 'ready', baseUrl: api.baseUrl });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
