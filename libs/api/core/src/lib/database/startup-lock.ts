import type { DataSource } from 'typeorm';

/**
 * The key of the PostgreSQL advisory lock held while an instance migrates the schema or seeds the
 * first admin. Any constant works as long as every Mailroute instance uses the same one; this is
 * "mailrout" read as a 64-bit integer, so it is unlikely to meet another application's key.
 */
export const STARTUP_LOCK_KEY = '7881696737372370292';

/**
 * Runs `work` while holding the database-wide start-up lock, so instances that start at the same
 * time on one PostgreSQL database migrate and seed one after the other: TypeORM's migration run
 * takes no lock of its own, and two instances would both see a migration pending and both apply it.
 *
 * A session-level `pg_advisory_lock` on one dedicated connection, released (and the connection
 * returned) afterwards. If the process dies while holding it, PostgreSQL drops the session and the
 * lock with it. SQLite needs no lock here: it is a single-host, single-file database.
 */
export async function withStartupLock<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  if (dataSource.options.type !== 'postgres') {
    return work();
  }
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
    try {
      return await work();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}
