import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { locateRedisServer } from '../services/binary-discovery';
import { startServiceOnFreePort } from '../services/service-on-free-port';
import type { SupervisedProcess } from '../services/supervised-process';

/** Options of {@link startThrowawayRedis}. */
export interface ThrowawayRedisOptions {
  /** Path of redis-server. Default: PATH, then /usr/bin and /usr/local/bin. */
  binary?: string;
  /** Give up starting after this long. Default 15 000 ms. */
  startTimeoutMs?: number;
}

/** A Redis server of its own, on 127.0.0.1, without persistence, gone after `stop()`. */
export interface ThrowawayRedis {
  /** `redis://127.0.0.1:<port>` */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** Stops the server and removes its directory. Idempotent. */
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';

/** Starts redis-server on 127.0.0.1 and a free port, nothing saved to disk. */
export async function startThrowawayRedis(options: ThrowawayRedisOptions = {}): Promise<ThrowawayRedis> {
  const binary = options.binary ?? redisServerPath();
  const scratchDir = await mkdtemp(join(tmpdir(), 'mailroute-redis-'));
  try {
    const { server, port } = await startServer(binary, scratchDir, options.startTimeoutMs ?? 15_000);
    let stopping: Promise<void> | undefined;
    return {
      url: `redis://${HOST}:${port}`,
      host: HOST,
      port,
      stop: () => {
        stopping ??= server.stop().then(() => rm(scratchDir, { recursive: true, force: true }));
        return stopping;
      },
    };
  } catch (error) {
    await rm(scratchDir, { recursive: true, force: true });
    throw error;
  }
}

function redisServerPath(): string {
  const location = locateRedisServer(process.env);
  if (!location.found) {
    throw new Error(
      `Redis is not installed: redis-server not found (searched ${location.searched.join(', ')}). ` +
        'Install it with: apt-get install -y redis-server. Suites should use describeWithRedis().',
    );
  }
  return location.path;
}

function startServer(
  binary: string,
  scratchDir: string,
  timeoutMs: number,
): Promise<{ server: SupervisedProcess; port: number }> {
  return startServiceOnFreePort({
    name: 'Redis',
    command: binary,
    args: (port) => [
      ...['--port', String(port), '--bind', HOST],
      ...['--save', '', '--appendonly', 'no'],
      ...['--dir', scratchDir, '--daemonize', 'no'],
    ],
    host: HOST,
    scratchDir,
    stopSignal: 'TERM',
    ready: ping,
    readiness: 'answer PING',
    portTaken: /address already in use|could not create server tcp listening socket/i,
    timeoutMs,
    intervalMs: 25,
  });
}

/** Sends PING in the Redis protocol and expects +PONG. */
function ping(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: HOST, port });
    let reply = '';
    socket.setTimeout(1000, () => socket.destroy(new Error('no reply to PING')));
    socket.once('error', reject);
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString('latin1');
      if (reply.includes('\r\n')) {
        socket.destroy();
        if (reply.startsWith('+PONG')) {
          resolve();
        } else {
          reject(new Error(`unexpected reply to PING: ${reply.trim()}`));
        }
      }
    });
  });
}
