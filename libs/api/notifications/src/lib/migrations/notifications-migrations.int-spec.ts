import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import {
  buildDataSourceOptions,
  coreSchema,
  type DatabaseConfig,
  mergeSchemas,
  newId,
} from '@mailroute/api/core';
import { describeSchemaMigrations } from '@mailroute/api/core/testing';
import { mailSchema } from '@mailroute/api/mail';
import { describeWithPostgres, startThrowawayPostgres, type ThrowawayPostgres } from '@mailroute/testing';
import { notificationsSchema } from '../notifications-schema';

describeSchemaMigrations({
  name: 'Notifications',
  dependsOn: [mailSchema],
  schema: notificationsSchema,
  // The last migration adds a column: it creates no table.
  tables: [],
  keeps: 'tasks',
  lastMigration: 'AddTaskDescription1796609581150',
});

/** A task stored before tasks had a description keeps everything, with an empty description. */
function taskDescriptionMigration(database: () => DatabaseConfig): void {
  it('gives the tasks stored before it an empty description, and takes the column away on the way down', async () => {
    const dataSource = new DataSource(
      buildDataSourceOptions(database(), mergeSchemas(coreSchema, mailSchema, notificationsSchema)),
    );
    await dataSource.initialize();
    try {
      await dataSource.runMigrations();
      await dataSource.undoLastMigration();
      const runner = dataSource.createQueryRunner();
      try {
        expect((await runner.getTable('tasks'))?.findColumnByName('description')).toBeUndefined();
      } finally {
        await runner.release();
      }
      const organizationId = newId();
      const taskId = newId();
      const postgres = dataSource.options.type === 'postgres';
      const [p1, p2, p3, p4, p5, p6] = postgres
        ? ['$1', '$2', '$3', '$4', '$5', '$6']
        : ['?', '?', '?', '?', '?', '?'];
      await dataSource.query(`INSERT INTO organizations (id, name) VALUES (${p1}, ${p2})`, [
        organizationId,
        'Before',
      ]);
      await dataSource.query(
        `INSERT INTO tasks (id, organization_id, title, status, assignee_id, created_by_id) VALUES (${p1}, ${p2}, ${p3}, ${p4}, ${p5}, ${p6})`,
        [taskId, organizationId, 'Stored before', 'in_progress', newId(), newId()],
      );

      await dataSource.runMigrations();

      const rows: { title: string; status: string; description: string }[] = await dataSource.query(
        `SELECT title, status, description FROM tasks WHERE id = ${p1}`,
        [taskId],
      );
      expect(rows).toEqual([{ title: 'Stored before', status: 'in_progress', description: '' }]);
    } finally {
      await dataSource.destroy();
    }
  });
}

describe('The task description migration on SQLite', () => {
  taskDescriptionMigration(() => ({
    type: 'sqlite',
    path: join(mkdtempSync(join(tmpdir(), 'mailroute-task-description-')), 'db.sqlite'),
  }));
});

describeWithPostgres('The task description migration on PostgreSQL', () => {
  let postgres: ThrowawayPostgres;
  beforeAll(async () => {
    postgres = await startThrowawayPostgres({ database: 'mailroute_task_description' });
  });
  afterAll(() => postgres?.stop());
  taskDescriptionMigration(() => ({ type: 'postgres', url: postgres.url }));
});
