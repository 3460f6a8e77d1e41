import { chown, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findFreePort } from '../net/free-port';
import { waitUntil } from '../polling/wait-until';
import { ServiceUser } from './service-user';
import { startSupervisedProcess, SupervisedProcess } from './supervised-process';

/** Options of {@link startServiceOnFreePort}. */
export interface ServiceOnFreePortOptions {
  /** The service's name in messages and log file names, e.g. `PostgreSQL`. */
  name: string;
  command: string;
  /** The program's arguments for listening on `host:port`. */
  args(port: number): string[];
  host: string;
  scratchDir: string;
  stopSignal: 'INT' | 'TERM';
  user?: ServiceUser;
  /** Resolves once the service answers on `port`, rejects while it does not. */
  ready(port: number): Promise<void>;
  /** What `ready` waits for, e.g. `accept connections`. */
  readiness: string;
  /** What the service logs when another process took the port before it could bind it. */
  portTaken: RegExp;
  timeoutMs: number;
  intervalMs: number;
}

const BIND_ATTEMPTS = 3;

/**
 * Starts a server program on a free port of `host` and waits until it answers. The free port may
 * be taken before the program binds it: then it tries another one, up to three times.
 */
export async function startServiceOnFreePort(
  options: ServiceOnFreePortOptions,
): Promise<{ server: SupervisedProcess; port: number }> {
  for (let attempt = 1; ; attempt++) {
    const port = await findFreePort(options.host);
    const logFile = join(options.scratchDir, `${options.name.toLowerCase()}-${attempt}.log`);
    await writeFile(logFile, '');
    if (options.user) {
      await chown(logFile, options.user.uid, options.user.gid);
    }
    const server = startSupervisedProcess({
      command: options.command,
      args: options.args(port),
      scratchDir: options.scratchDir,
      logFile,
      stopSignal: options.stopSignal,
      user: options.user,
    });
    const outcome = await waitUntil(
      () => (server.hasExited() ? 'exited' : options.ready(port).then(() => 'ready' as const)),
      {
        description: `${options.name} on ${options.host}:${port} to ${options.readiness}`,
        timeoutMs: options.timeoutMs,
        intervalMs: options.intervalMs,
      },
    ).catch((error: unknown) => (error instanceof Error ? error.message : String(error)));
    if (outcome === 'ready') {
      return { server, port };
    }
    await server.stop();
    const log = server.logTail();
    if (!options.portTaken.test(log) || attempt >= BIND_ATTEMPTS) {
      throw new Error(
        `${options.name} did not start (${outcome === 'exited' ? await server.exited : outcome}):\n${log}`,
      );
    }
  }
}
