import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { Socket } from 'node:net';
import { ServiceUser } from './service-user';

/** Options of {@link startSupervisedProcess}. */
export interface SupervisedProcessOptions {
  command: string;
  args: string[];
  /** Working directory, and the directory removed if the test process dies without `stop()`. */
  scratchDir: string;
  /** Receives the program's stdout and stderr. */
  logFile: string;
  /** Signal that makes the program shut down quickly and cleanly (PostgreSQL: INT, "fast shutdown"). */
  stopSignal: 'INT' | 'TERM';
  /** Run as this account instead of the current one. */
  user?: ServiceUser;
}

/** A server program started by a test, tied to the life of the test process. */
export interface SupervisedProcess {
  /** Resolves, never rejects, once the program ended, with how (`exit code 1`, `signal SIGKILL`). */
  readonly exited: Promise<string>;
  hasExited(): boolean;
  /** The end of the program's output, for error messages. */
  logTail(): string;
  /** Asks the program to stop, kills it after `timeoutMs`, resolves once it is gone. */
  stop(timeoutMs?: number): Promise<void>;
}

/*
 * The program runs under a small sh watchdog whose stdin is a pipe from this process. `stop()`
 * writes "stop": the watchdog signals the program. If this process dies instead (a crashed or
 * killed test run, even SIGKILL), the kernel closes the pipe and the watchdog, reading end of
 * file, signals the program, waits for it and removes its scratch directory. So no server
 * outlives the test run, without exit handlers that a SIGKILL would skip.
 * The program itself gets /dev/null as stdin (sh does that for background jobs).
 */
const WATCHDOG = `
signal=$1; scratch=$2; shift 2
exec 3<&0
"$@" 3<&- &
service=$!
(
  if read -r request <&3 && [ "$request" = stop ]; then
    kill -s "$signal" "$service" 2>/dev/null
  else
    kill -s "$signal" "$service" 2>/dev/null
    while kill -0 "$service" 2>/dev/null; do sleep 0.2; done
    rm -rf "$scratch"
  fi
) &
exec 3<&-
wait "$service"
`;

/** Starts `command` under the watchdog described above. */
export function startSupervisedProcess(options: SupervisedProcessOptions): SupervisedProcess {
  const log = openSync(options.logFile, 'a');
  const child = spawn(
    '/bin/sh',
    ['-c', WATCHDOG, 'watchdog', options.stopSignal, options.scratchDir, options.command, ...options.args],
    {
      cwd: options.scratchDir,
      // Only what the server needs: PG* or REDIS* variables of the test environment must not leak in.
      env: {
        PATH: process.env['PATH'] ?? '/usr/bin:/bin',
        HOME: options.scratchDir,
        LANG: 'C',
        LC_ALL: 'C',
        TZ: 'UTC',
      },
      uid: options.user?.uid,
      gid: options.user?.gid,
      // Its own process group, so a stuck server and its children can be killed together.
      detached: true,
      stdio: ['pipe', log, log],
    },
  );
  closeSync(log);

  let ended = false;
  const exited = new Promise<string>((resolve) => {
    child.once('error', (error) => {
      ended = true;
      resolve(`failed to start: ${error.message}`);
    });
    child.once('exit', (code, signal) => {
      ended = true;
      // Lets the watchdog's reader finish without touching the scratch directory.
      child.stdin?.end('stop\n');
      resolve(code === null ? `signal ${signal ?? 'unknown'}` : `exit code ${code}`);
    });
  });
  child.stdin?.on('error', () => undefined);
  // A forgotten stop() must not keep the test process alive; the watchdog cleans up after it.
  child.unref();
  if (child.stdin instanceof Socket) {
    child.stdin.unref();
  }

  return {
    exited,
    hasExited: () => ended,
    logTail: () => readTail(options.logFile, 3000),
    stop: async (timeoutMs = 10_000) => {
      if (ended) {
        return;
      }
      // Keeps the event loop alive until the program is really gone.
      child.ref();
      child.stdin?.write('stop\n');
      if (!(await settlesWithin(exited, timeoutMs)) && child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
        await exited;
      }
    },
  };
}

async function settlesWithin(promise: Promise<unknown>, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function readTail(file: string, characters: number): string {
  try {
    return readFileSync(file, 'utf8').slice(-characters).trim();
  } catch {
    return '';
  }
}
