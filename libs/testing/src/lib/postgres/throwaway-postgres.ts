import { execFile } from 'node:child_process';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { locatePostgresBinDir } from '../services/binary-discovery';
import { ServiceUser, unprivilegedUser } from '../services/service-user';
import { startServiceOnFreePort } from '../services/service-on-free-port';
import type { SupervisedProcess } from '../services/supervised-process';

/** Options of {@link startThrowawayPostgres}. */
export interface ThrowawayPostgresOptions {
  /** Database created for the suite. Default `mailroute_test`. */
  database?: string;
  /** Directory holding initdb and postgres. Default: discovered, see `locatePostgresBinDir`. */
  binDir?: string;
  /** Give up starting after this long. Default 30 000 ms. */
  startTimeoutMs?: number;
}

/** A PostgreSQL cluster of its own, on 127.0.0.1, gone after `stop()`. */
export interface ThrowawayPostgres {
  /** `postgres://postgres@127.0.0.1:<port>/<database>`; the superuser needs no password (trust). */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly user: string;
  /** Fast shutdown, then removes the data directory. Idempotent. */
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
const SUPERUSER = 'postgres';

/**
 * initdb's a fresh cluster in a temporary directory and starts PostgreSQL on 127.0.0.1 and a free
 * port, tuned for tests (fsync, synchronous_commit and full_page_writes off: a crash loses data,
 * which a throwaway cluster does not mind). Runs as `postgres` (or `nobody`) when this process is
 * root, since PostgreSQL refuses root. A test process that dies without `stop()` takes the server
 * with it (see `startSupervisedProcess`).
 */
export async function startThrowawayPostgres(
  options: ThrowawayPostgresOptions = {},
): Promise<ThrowawayPostgres> {
  const database = options.database ?? 'mailroute_test';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(database)) {
    throw new Error(`Database name "${database}" must match [a-z_][a-z0-9_]*`);
  }
  const binDir = options.binDir ?? postgresBinDir();
  const user = unprivilegedUser();
  const scratchDir = await mkdtemp(join(tmpdir(), 'mailroute-pg-'));
  try {
    if (user) {
      await chown(scratchDir, user.uid, user.gid);
    }
    const dataDir = join(scratchDir, 'data');
    await initdb(binDir, dataDir, scratchDir, user);
    const { server, port } = await startServer(
      binDir,
      dataDir,
      scratchDir,
      user,
      options.startTimeoutMs ?? 30_000,
    );
    await createDatabase(port, database);

    let stopping: Promise<void> | undefined;
    return {
      url: `postgres://${SUPERUSER}@${HOST}:${port}/${database}`,
      host: HOST,
      port,
      database,
      user: SUPERUSER,
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

function postgresBinDir(): string {
  const location = locatePostgresBinDir(process.env);
  if (!location.found) {
    throw new Error(
      `PostgreSQL is not installed: initdb and postgres not found (searched ${location.searched.join(', ')}). ` +
        'Install it with: apt-get install -y postgresql, or set PG_BIN_DIR. Suites should use describeWithPostgres().',
    );
  }
  return location.path;
}

function initdb(binDir: string, dataDir: string, cwd: string, user: ServiceUser | undefined): Promise<void> {
  const args = ['-D', dataDir, '-U', SUPERUSER, '--auth=trust', '--no-sync', '--encoding=UTF8', '--locale=C'];
  return new Promise((resolve, reject) => {
    execFile(
      join(binDir, 'initdb'),
      args,
      {
        cwd,
        uid: user?.uid,
        gid: user?.gid,
        env: { PATH: process.env['PATH'], LANG: 'C', LC_ALL: 'C', TZ: 'UTC' },
        timeout: 60_000,
      },
      (error, stdout, stderr) =>
        error ? reject(new Error(`initdb failed: ${error.message}\n${stderr || stdout}`)) : resolve(),
    );
  });
}

function startServer(
  binDir: string,
  dataDir: string,
  scratchDir: string,
  user: ServiceUser | undefined,
  timeoutMs: number,
): Promise<{ server: SupervisedProcess; port: number }> {
  return startServiceOnFreePort({
    name: 'PostgreSQL',
    command: join(binDir, 'postgres'),
    args: (port) => [
      ...['-D', dataDir, '-p', String(port)],
      ...['-c', `listen_addresses=${HOST}`],
      // The unix socket stays inside the scratch directory, not in /var/run/postgresql.
      ...['-c', `unix_socket_directories=${scratchDir}`],
      ...['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    ],
    host: HOST,
    scratchDir,
    stopSignal: 'INT',
    user,
    ready: selectOne,
    readiness: 'accept connections',
    portTaken: /could not bind|address already in use/i,
    timeoutMs,
    intervalMs: 50,
  });
}

async function selectOne(port: number): Promise<void> {
  const client = new Client({
    host: HOST,
    port,
    user: SUPERUSER,
    database: 'postgres',
    connectionTimeoutMillis: 1000,
  });
  try {
    await client.connect();
    await client.query('select 1');
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function createDatabase(port: number, database: string): Promise<void> {
  const client = new Client({ host: HOST, port, user: SUPERUSER, database: 'postgres' });
  await client.connect();
  try {
    await client.query(`create database "${database}"`);
  } finally {
    await client.end();
  }
}
