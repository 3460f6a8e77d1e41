import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, coreSchema, type DatabaseConfig, mergeSchemas } from '@mailroute/api/core';
import { describeWithPostgres, startThrowawayPostgres, type ThrowawayPostgres } from '@mailroute/testing';
import { mailSchema } from '@mailroute/api/mail';
import { auditsSchema } from './audits-schema';

function schemaSuite(database: () => DatabaseConfig): void {
  it('migrates up to exactly what the entities declare, and back down', async () => {
    const dataSource = new DataSource(
      buildDataSourceOptions(database(), mergeSchemas(coreSchema, mailSchema, auditsSchema)),
    );
    await dataSource.initialize();
    try {
      await dataSource.runMigrations();
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((query) => query.query)).toEqual([]);
      await dataSource.undoLastMigration();
      const runner = dataSource.createQueryRunner();
      try {
        expect(await runner.hasTable('audits')).toBe(false);
        expect(await runner.hasTable('audit_respondents')).toBe(false);
        expect(await runner.hasTable('users')).toBe(true);
      } finally {
        await runner.release();
      }
      expect((await dataSource.runMigrations()).map((migration) => migration.name)).toEqual([
        'CreateAudits1764500000000',
      ]);
    } finally {
      await dataSource.destroy();
    }
  });
}

describe('Audits schema on SQLite', () => {
  schemaSuite(() => ({
    type: 'sqlite',
    path: join(mkdtempSync(join(tmpdir(), 'mailroute-audits-schema-')), 'db.sqlite'),
  }));
});

describeWithPostgres('Audits schema on PostgreSQL', () => {
  let postgres: ThrowawayPostgres;
  beforeAll(async () => {
    postgres = await startThrowawayPostgres({ database: 'mailroute_audits_schema' });
  });
  afterAll(() => postgres?.stop());
  schemaSuite(() => ({ type: 'postgres', url: postgres.url }));
});
