import { resolve } from 'node:path';
import { forkTypeScript } from '@mailroute/testing';

const ENTRY = resolve(__dirname, 'logged-api-process.main.ts');

export interface LoggedApi {
  baseUrl: string;
  /** Everything the API process wrote so far (its JSON log lines), stdout and stderr. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * The real API in a child process whose log is captured: pino writes straight to file descriptor
 * 1, so only another process's output can be read whole. Resolves once it listens.
 */
export function startLoggedApi(
  env: Record<string, string> = {},
  startTimeoutMs = 60_000,
): Promise<LoggedApi> {
  const { child, exited, output } = forkTypeScript(ENTRY, {
    env: { MAILROUTE_LOGGED_API_ENV: JSON.stringify(env) },
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
    }
    await exited;
  };
  return new Promise<LoggedApi>((resolveStart, rejectStart) => {
    const timer = setTimeout(() => {
      void stop();
      rejectStart(new Error(`The API process did not start within ${startTimeoutMs} ms:\n${output()}`));
    }, startTimeoutMs);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      rejectStart(new Error(`The API process ended (${signal ?? code}) before it was ready:\n${output()}`));
    });
    child.on('message', (message: unknown) => {
      const ready = message as { type?: unknown; baseUrl?: unknown };
      if (ready.type === 'ready' && typeof ready.baseUrl === 'string') {
        clearTimeout(timer);
        resolveStart({ baseUrl: ready.baseUrl, output, stop });
      }
    });
  });
}
