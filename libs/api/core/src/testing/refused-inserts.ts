import type { DataSource } from 'typeorm';

/** The database error every refused insert fails with; the API must never show it. */
export const REFUSED_INSERT_MESSAGE = 'insert refused by the test';

/**
 * Runs `run` while every insert into `table` fails, as a real database error would (e.g. to
 * prove a change and its email commit together or not at all). SQLite only, the tests' default
 * database: the refusal is a trigger in its dialect.
 */
export async function refuseInserts(
  dataSource: DataSource,
  table: string,
  run: () => Promise<void>,
): Promise<void> {
  if (dataSource.options.type !== 'better-sqlite3') {
    throw new Error(`refuseInserts needs the SQLite test database, not ${dataSource.options.type}`);
  }
  const trigger = `refuse_inserts_into_${table}`;
  await dataSource.query(
    `CREATE TRIGGER ${trigger} BEFORE INSERT ON ${table} BEGIN SELECT RAISE(ABORT, '${REFUSED_INSERT_MESSAGE}'); END`,
  );
  try {
    await run();
  } finally {
    await dataSource.query(`DROP TRIGGER ${trigger}`);
  }
}
