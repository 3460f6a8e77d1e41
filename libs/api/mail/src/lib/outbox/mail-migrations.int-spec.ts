import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, coreSchema, type DatabaseConfig, mergeSchemas } from '@mailroute/api/core';
import { describeWithPostgres, startThrowawayPostgres, type ThrowawayPostgres } from '@mailroute/testing';
import { mailSchema } from '../mail-schema';

function schemaSuite(database: () => DatabaseConfig): void {
  it('migrates up to exactly what the entities declare, and back down', async () => {
    const dataSource = new DataSource(
      buildDataSourceOptions(database(), mergeSchemas(coreSchema, mailSchema)),
    );
    await dataSource.initialize();
    try {
      await dataSource.runMigrations();
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((query) => query.query)).toEqual([]);
      await dataSource.undoLastMigration();
      const runner = dataSource.createQueryRunner();
      try {
        expect(await runner.hasTable('outbound_emails')).toBe(false);
        expect(await runner.hasTable('mail_route_health')).toBe(false);
        expect(await runner.hasTable('organizations')).toBe(true);
      } finally {
        await runner.release();
      }
      expect((await dataSource.runMigrations()).map((migration) => migration.name)).toEqual([
        'CreateOutboundEmails1764100000000',
      ]);
    } finally {
      await dataSource.destroy();
    }
  });
}

describe('mail schema on SQLite', () => {
  schemaSuite(() => ({
    type: 'sqlite',
    path: join(mkdtempSync(join(tmpdir(), 'mailroute-mail-schema-')), 'db.sqlite'),
  }));
});

describeWithPostgres('mail schema on PostgreSQL', () => {
  let postgres: ThrowawayPostgres;
  beforeAll(async () => {
    postgres = await startThrowawayPostgres({ database: 'mailroute_mail_schema' });
  });
  afterAll(() => postgres?.stop());
  schemaSuite(() => ({ type: 'postgres', url: postgres.url }));
});
