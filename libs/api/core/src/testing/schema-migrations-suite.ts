import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { describeWithPostgres, startThrowawayPostgres, type ThrowawayPostgres } from '@mailroute/testing';
import type { DatabaseConfig } from '../lib/config/app-config';
import { buildDataSourceOptions, type SchemaParts } from '../lib/database/data-source-options';
import { coreSchema, mergeSchemas } from '../lib/database/core-schema';

export interface SchemaMigrationsSuiteOptions {
  /** Shown in the suite names, e.g. `Audits`. */
  name: string;
  /** The schemas the library's own depends on (beyond core's), e.g. `[mailSchema]`. */
  dependsOn?: SchemaParts[];
  /** The library's own schema: its last migration is the one undone and redone. */
  schema: SchemaParts;
  /** Tables the library's last migration creates: gone once it is undone. */
  tables: string[];
  /** A table of what it depends on: still there once it is undone. */
  keeps: string;
  /** The name TypeORM gives the library's last migration, e.g. `CreateAudits1764500000000`. */
  lastMigration: string;
}

/**
 * Every library's migrations, on SQLite and on PostgreSQL: they produce exactly what the
 * entities declare (no pending schema change), and their last one goes down and up again.
 */
export function describeSchemaMigrations(options: SchemaMigrationsSuiteOptions): void {
  const suite = (database: () => DatabaseConfig) => {
    it('migrates up to exactly what the entities declare, and back down', async () => {
      const schema = mergeSchemas(coreSchema, ...(options.dependsOn ?? []), options.schema);
      const dataSource = new DataSource(buildDataSourceOptions(database(), schema));
      await dataSource.initialize();
      try {
        await dataSource.runMigrations();
        const pending = await dataSource.driver.createSchemaBuilder().log();
        expect(pending.upQueries.map((query) => query.query)).toEqual([]);
        await dataSource.undoLastMigration();
        const runner = dataSource.createQueryRunner();
        try {
          for (const table of options.tables) {
            expect([table, await runner.hasTable(table)]).toEqual([table, false]);
          }
          expect(await runner.hasTable(options.keeps)).toBe(true);
        } finally {
          await runner.release();
        }
        expect((await dataSource.runMigrations()).map((migration) => migration.name)).toEqual([
          options.lastMigration,
        ]);
      } finally {
        await dataSource.destroy();
      }
    });
  };
  const slug = options.name.toLowerCase().replace(/[^a-z0-9]+/g, '_');

  describe(`${options.name} schema on SQLite`, () => {
    suite(() => ({
      type: 'sqlite',
      path: join(mkdtempSync(join(tmpdir(), `mailroute-${slug}-schema-`)), 'db.sqlite'),
    }));
  });

  describeWithPostgres(`${options.name} schema on PostgreSQL`, () => {
    let postgres: ThrowawayPostgres;
    beforeAll(async () => {
      postgres = await startThrowawayPostgres({ database: `mailroute_${slug}_schema` });
    });
    afterAll(() => postgres?.stop());
    suite(() => ({ type: 'postgres', url: postgres.url }));
  });
}
