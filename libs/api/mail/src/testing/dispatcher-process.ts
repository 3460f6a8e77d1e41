import { resolve } from 'node:path';
import { forkTypeScript } from '@mailroute/testing';
import type { DispatcherProcessMessage } from './dispatcher-process.main';

const ENTRY = resolve(__dirname, 'dispatcher-process.main.ts');

export interface DispatcherProcess {
  readonly pid: number;
  /** The lease owner its dispatcher writes on the emails it claims. */
  readonly owner: string;
  /** Resolves with the exit code (or the signal) once the process is gone. */
  readonly exited: Promise<number | NodeJS.Signals>;
  /** A crash: SIGKILL, no shutdown hook runs. Resolves once the process is gone. */
  kill(): Promise<number | NodeJS.Signals>;
  /** A graceful shutdown (the app's close()), bounded: killed after `timeoutMs`. */
  stop(timeoutMs?: number): Promise<number | NodeJS.Signals>;
  /** What it wrote on stdout and stderr, for failure messages. */
  output(): string;
}

/**
 * Starts the real API with its in-process dispatcher in a child process (platform-only routes),
 * configured by `env` like `startTestApi`. Resolves once it dispatches. The child also exits by
 * itself when this process goes away (its IPC channel closes) and after `maxLifetimeMs`.
 */
export function startDispatcherProcess(options: {
  env: Record<string, string>;
  startTimeoutMs?: number;
  maxLifetimeMs?: number;
}): Promise<DispatcherProcess> {
  const startTimeoutMs = options.startTimeoutMs ?? 30_000;
  const {
    child,
    exited: ended,
    output,
  } = forkTypeScript(ENTRY, {
    env: {
      MAILROUTE_DISPATCHER_ENV: JSON.stringify(options.env),
      MAILROUTE_DISPATCHER_MAX_LIFETIME_MS: String(options.maxLifetimeMs ?? 120_000),
    },
  });
  const exited = ended.then(({ code, signal }) => signal ?? code ?? -1);

  const kill = (): Promise<number | NodeJS.Signals> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
    }
    return exited;
  };

  return new Promise<DispatcherProcess>((resolveStart, rejectStart) => {
    const timer = setTimeout(() => {
      void kill();
      rejectStart(
        new Error(`The dispatcher process did not start within ${startTimeoutMs} ms:\n${output()}`),
      );
    }, startTimeoutMs);
    void exited.then((status) => {
      clearTimeout(timer);
      rejectStart(new Error(`The dispatcher process exited (${status}) before it was ready:\n${output()}`));
    });
    child.on('message', (message: DispatcherProcessMessage) => {
      if (message.type === 'failed') {
        clearTimeout(timer);
        rejectStart(new Error(`The dispatcher process failed to start: ${message.error}\n${output()}`));
        return;
      }
      clearTimeout(timer);
      resolveStart({
        pid: child.pid ?? -1,
        owner: message.owner,
        exited,
        kill,
        stop: (timeoutMs = 15_000) => {
          if (child.connected) {
            child.send({ type: 'stop' });
          }
          const timer = setTimeout(() => void kill(), timeoutMs);
          return exited.finally(() => clearTimeout(timer));
        },
        output,
      });
    });
  });
}
