import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, coreSchema, type DatabaseConfig, mergeSchemas } from '@mailroute/api/core';
import { mailSchema } from '@mailroute/api/mail';
import { describeWithPostgres, startThrowawayPostgres, type ThrowawayPostgres } from '@mailroute/testing';
import { notificationsSchema } from './notifications-schema';

const TABLES = [
  'processing_activities',
  'processing_activity_comments',
  'processing_activity_watchers',
  'tasks',
  'notifications',
  'notification_preferences',
];

function schemaSuite(database: () => DatabaseConfig): void {
  it('migrates up to exactly what the entities declare, and back down', async () => {
    const dataSource = new DataSource(
      buildDataSourceOptions(database(), mergeSchemas(coreSchema, mailSchema, notificationsSchema)),
    );
    await dataSource.initialize();
    try {
      await dataSource.runMigrations();
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((query) => query.query)).toEqual([]);
      await dataSource.undoLastMigration();
      const runner = dataSource.createQueryRunner();
      try {
        for (const table of TABLES) {
          expect(await runner.hasTable(table)).toBe(false);
        }
        expect(await runner.hasTable('outbound_emails')).toBe(true);
      } finally {
        await runner.release();
      }
      expect((await dataSource.runMigrations()).map((migration) => migration.name)).toEqual([
        'CreateNotifications1764300000000',
      ]);
    } finally {
      await dataSource.destroy();
    }
  });
}

describe('Notifications schema on SQLite', () => {
  schemaSuite(() => ({
    type: 'sqlite',
    path: join(mkdtempSync(join(tmpdir(), 'mailroute-notifications-schema-')), 'db.sqlite'),
  }));
});

describeWithPostgres('Notifications schema on PostgreSQL', () => {
  let postgres: ThrowawayPostgres;
  beforeAll(async () => {
    postgres = await startThrowawayPostgres({ database: 'mailroute_notifications_schema' });
  });
  afterAll(() => postgres?.stop());
  schemaSuite(() => ({ type: 'postgres', url: postgres.url }));
});
