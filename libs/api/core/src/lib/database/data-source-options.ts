import BetterSqlite3 from 'better-sqlite3';
import * as pg from 'pg';
import type { DataSourceOptions, MigrationInterface } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config';
import { usePostgresUtcDates } from './postgres-utc-dates';
import { preparePrivateSqliteFile } from './sqlite-file';

export type EntityClass = new () => object;
export type MigrationClass = new () => MigrationInterface;

/** The entity and migration classes a library contributes to the one schema. */
export interface SchemaParts {
  entities: EntityClass[];
  migrations: MigrationClass[];
}

/**
 * TypeORM options for the configured database. The schema only ever changes through migrations
 * (run at start-up); `synchronize` stays off.
 */
export function buildDataSourceOptions(database: DatabaseConfig, schema: SchemaParts): DataSourceOptions {
  const common = {
    entities: schema.entities,
    migrations: schema.migrations,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
  } as const;

  if (database.type === 'postgres') {
    usePostgresUtcDates();
    return {
      ...common,
      type: 'postgres',
      // Drivers are passed, not left to TypeORM's dynamic require, so bundles and the deployable
      // package.json know about them.
      driver: pg,
      url: database.url,
      // `timestamp` columns hold UTC: the session time zone makes now() and comparisons agree.
      extra: { options: '-c TimeZone=UTC', max: 10, connectionTimeoutMillis: 10_000 },
    };
  }

  if (database.path !== ':memory:') {
    preparePrivateSqliteFile(database.path);
  }
  return {
    ...common,
    type: 'better-sqlite3',
    driver: BetterSqlite3,
    database: database.path,
    enableWAL: database.path !== ':memory:',
    prepareDatabase: (db: { pragma(source: string): unknown }) => {
      // Two processes (API and a worker) may share the file: wait for locks rather than fail.
      db.pragma('busy_timeout = 5000');
      db.pragma('foreign_keys = ON');
    },
  };
}
