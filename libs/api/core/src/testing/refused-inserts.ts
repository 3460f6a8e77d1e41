import type { DataSource } from 'typeorm';

/** The database error every refused insert fails with; the API must never show it. */
export const REFUSED_INSERT_MESSAGE = 'insert refused by the test';

/**
 * Runs `run` while every insert into `table` fails, as a real database error would (e.g. to
 * prove a change and its email commit together or not at all). The refusal is a trigger in the
 * dialect of the database under test: SQLite (the tests' default) or PostgreSQL.
 */
export async function refuseInserts(
  dataSource: DataSource,
  table: string,
  run: () => Promise<void>,
): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) {
    throw new Error(`refuseInserts takes a plain table name, not "${table}"`);
  }
  const refusal = refusalIn(dataSource.options.type, table);
  for (const statement of refusal.create) {
    await dataSource.query(statement);
  }
  try {
    await run();
  } finally {
    for (const statement of refusal.drop) {
      await dataSource.query(statement);
    }
  }
}

function refusalIn(type: DataSource['options']['type'], table: string): { create: string[]; drop: string[] } {
  const trigger = `refuse_inserts_into_${table}`;
  if (type === 'better-sqlite3') {
    return {
      create: [
        `CREATE TRIGGER ${trigger} BEFORE INSERT ON ${table} BEGIN SELECT RAISE(ABORT, '${REFUSED_INSERT_MESSAGE}'); END`,
      ],
      drop: [`DROP TRIGGER ${trigger}`],
    };
  }
  if (type === 'postgres') {
    // A PostgreSQL trigger calls a function; both go when `run` ends.
    return {
      create: [
        `CREATE FUNCTION ${trigger}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '${REFUSED_INSERT_MESSAGE}'; END $$`,
        `CREATE TRIGGER ${trigger} BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION ${trigger}()`,
      ],
      drop: [`DROP TRIGGER ${trigger} ON ${table}`, `DROP FUNCTION ${trigger}()`],
    };
  }
  throw new Error(`refuseInserts knows SQLite and PostgreSQL, not ${type}`);
}
