import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, coreSchema, type DatabaseConfig, mergeSchemas } from '@mailroute/api/core';
import { describeWithPostgres, startThrowawayPostgres, type ThrowawayPostgres } from '@mailroute/testing';
import { mailSchema } from '@mailroute/api/mail';
import { smtpSettingsSchema } from '../smtp-settings-schema';

function schemaSuite(database: () => DatabaseConfig): void {
  it('migrates up to exactly what the entities declare, and back down', async () => {
    const dataSource = new DataSource(
      buildDataSourceOptions(database(), mergeSchemas(coreSchema, mailSchema, smtpSettingsSchema)),
    );
    await dataSource.initialize();
    try {
      await dataSource.runMigrations();
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((query) => query.query)).toEqual([]);
      await dataSource.undoLastMigration();
      const runner = dataSource.createQueryRunner();
      try {
        expect(await runner.hasTable('smtp_settings')).toBe(false);
        expect(await runner.hasTable('smtp_settings_changes')).toBe(false);
        expect(await runner.hasTable('outbound_emails')).toBe(true);
      } finally {
        await runner.release();
      }
      expect((await dataSource.runMigrations()).map((migration) => migration.name)).toEqual([
        'CreateSmtpSettings1764200000000',
      ]);
    } finally {
      await dataSource.destroy();
    }
  });
}

describe('SMTP settings schema on SQLite', () => {
  schemaSuite(() => ({
    type: 'sqlite',
    path: join(mkdtempSync(join(tmpdir(), 'mailroute-smtp-settings-schema-')), 'db.sqlite'),
  }));
});

describeWithPostgres('SMTP settings schema on PostgreSQL', () => {
  let postgres: ThrowawayPostgres;
  beforeAll(async () => {
    postgres = await startThrowawayPostgres({ database: 'mailroute_smtp_settings_schema' });
  });
  afterAll(() => postgres?.stop());
  schemaSuite(() => ({ type: 'postgres', url: postgres.url }));
});
