import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { ForeignKeys, PortableColumns } from '@mailroute/api/core';

export class CreateNotifications1764300000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    const columns = new PortableColumns(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'processing_activities',
        columns: [
          columns.id(),
          columns.reference('organization_id'),
          columns.varchar('name', 200),
          columns.text('description'),
          columns.reference('created_by_id', { nullable: true }),
          columns.createdAt(),
        ],
      }),
    );
    await queryRunner.createIndex(
      'processing_activities',
      new TableIndex({ columnNames: ['organization_id', 'created_at'] }),
    );
    await queryRunner.createForeignKey('processing_activities', ForeignKeys.belongsToOrganization());

    await queryRunner.createTable(
      new Table({
        name: 'processing_activity_comments',
        columns: [
          columns.id(),
          columns.reference('organization_id'),
          columns.reference('activity_id'),
          columns.reference('author_id', { nullable: true }),
          columns.text('body'),
          columns.createdAt(),
        ],
      }),
    );
    await queryRunner.createIndex(
      'processing_activity_comments',
      new TableIndex({ columnNames: ['activity_id', 'created_at'] }),
    );
    await queryRunner.createForeignKey(
      'processing_activity_comments',
      ForeignKeys.references('activity_id', 'processing_activities', 'CASCADE'),
    );

    await queryRunner.createTable(
      new Table({
        name: 'processing_activity_watchers',
        columns: [
          { ...columns.reference('activity_id'), isPrimary: true },
          { ...columns.reference('user_id'), isPrimary: true },
          columns.reference('organization_id'),
        ],
      }),
    );
    await queryRunner.createForeignKey(
      'processing_activity_watchers',
      ForeignKeys.references('activity_id', 'processing_activities', 'CASCADE'),
    );

    await queryRunner.createTable(
      new Table({
        name: 'tasks',
        columns: [
          columns.id(),
          columns.reference('organization_id'),
          columns.varchar('title', 200),
          columns.varchar('status', 16),
          columns.reference('assignee_id'),
          columns.reference('created_by_id'),
          columns.reference('processing_activity_id', { nullable: true }),
          columns.varchar('due_date', 10, { nullable: true }),
          columns.timestamp('completed_at', { nullable: true }),
          columns.createdAt(),
          columns.createdAt('updated_at'),
        ],
      }),
    );
    await queryRunner.createIndex(
      'tasks',
      new TableIndex({ columnNames: ['organization_id', 'created_at'] }),
    );
    await queryRunner.createForeignKey('tasks', ForeignKeys.belongsToOrganization());

    await queryRunner.createTable(
      new Table({
        name: 'notifications',
        columns: [
          columns.id(),
          columns.reference('organization_id'),
          columns.reference('recipient_id'),
          columns.varchar('kind', 32),
          columns.reference('actor_id', { nullable: true }),
          columns.varchar('about_type', 32),
          columns.reference('about_id'),
          columns.varchar('about_name', 200),
          columns.varchar('excerpt', 500, { nullable: true }),
          columns.reference('email_id', { nullable: true }),
          columns.timestamp('read_at', { nullable: true }),
          columns.createdAt(),
        ],
      }),
    );
    await queryRunner.createIndex(
      'notifications',
      new TableIndex({ columnNames: ['recipient_id', 'created_at'] }),
    );
    await queryRunner.createForeignKey('notifications', ForeignKeys.belongsToOrganization());

    await queryRunner.createTable(
      new Table({
        name: 'notification_preferences',
        columns: [
          { ...columns.reference('user_id'), isPrimary: true },
          columns.reference('organization_id'),
          columns.boolean('email_comment_added', { default: true }),
          columns.boolean('email_task_assigned', { default: true }),
          columns.boolean('email_task_completed', { default: true }),
        ],
      }),
    );
    await queryRunner.createForeignKey(
      'notification_preferences',
      ForeignKeys.references('user_id', 'users', 'CASCADE'),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'notification_preferences',
      'notifications',
      'tasks',
      'processing_activity_watchers',
      'processing_activity_comments',
      'processing_activities',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
