import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, coreSchema, type DatabaseConfig, mergeSchemas } from '@mailroute/api/core';
import { mailSchema } from '@mailroute/api/mail';
import { describeWithPostgres, startThrowawayPostgres, type ThrowawayPostgres } from '@mailroute/testing';
import { dataSubjectRequestsSchema } from './data-subject-requests-schema';

function schemaSuite(database: () => DatabaseConfig): void {
  it('migrates up to exactly what the entities declare, and back down', async () => {
    const dataSource = new DataSource(
      buildDataSourceOptions(database(), mergeSchemas(coreSchema, mailSchema, dataSubjectRequestsSchema)),
    );
    await dataSource.initialize();
    try {
      await dataSource.runMigrations();
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((query) => query.query)).toEqual([]);
      await dataSource.undoLastMigration();
      const runner = dataSource.createQueryRunner();
      try {
        expect(await runner.hasTable('data_subject_requests')).toBe(false);
        expect(await runner.hasTable('data_subject_request_messages')).toBe(false);
        expect(await runner.hasTable('outbound_emails')).toBe(true);
      } finally {
        await runner.release();
      }
      expect((await dataSource.runMigrations()).map((migration) => migration.name)).toEqual([
        'CreateDataSubjectRequests1764400000000',
      ]);
    } finally {
      await dataSource.destroy();
    }
  });
}

describe('Data subject requests schema on SQLite', () => {
  schemaSuite(() => ({
    type: 'sqlite',
    path: join(mkdtempSync(join(tmpdir(), 'mailroute-dsr-schema-')), 'db.sqlite'),
  }));
});

describeWithPostgres('Data subject requests schema on PostgreSQL', () => {
  let postgres: ThrowawayPostgres;
  beforeAll(async () => {
    postgres = await startThrowawayPostgres({ database: 'mailroute_dsr_schema' });
  });
  afterAll(() => postgres?.stop());
  schemaSuite(() => ({ type: 'postgres', url: postgres.url }));
});
