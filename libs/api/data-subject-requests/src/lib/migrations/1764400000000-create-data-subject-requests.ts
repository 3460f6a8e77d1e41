import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { ForeignKeys, PortableColumns } from '@mailroute/api/core';

export class CreateDataSubjectRequests1764400000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    const columns = new PortableColumns(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'data_subject_requests',
        columns: [
          columns.id(),
          columns.reference('organization_id'),
          columns.varchar('type', 16),
          columns.varchar('subject_name', 120),
          columns.varchar('subject_email', 320),
          columns.varchar('locale', 5, { nullable: true }),
          columns.timestamp('received_at'),
          columns.varchar('due_on', 10),
          columns.reference('created_by_id', { nullable: true }),
          columns.createdAt(),
        ],
      }),
    );
    await queryRunner.createIndex(
      'data_subject_requests',
      new TableIndex({ columnNames: ['organization_id', 'received_at'] }),
    );
    await queryRunner.createForeignKey('data_subject_requests', ForeignKeys.belongsToOrganization());
    await queryRunner.createTable(
      new Table({
        name: 'data_subject_request_messages',
        columns: [
          columns.id(),
          columns.reference('organization_id'),
          columns.reference('request_id'),
          columns.text('body'),
          columns.reference('author_id', { nullable: true }),
          columns.varchar('author_email', 320),
          columns.reference('email_id'),
          columns.createdAt(),
        ],
      }),
    );
    await queryRunner.createIndex(
      'data_subject_request_messages',
      new TableIndex({ columnNames: ['request_id', 'created_at'] }),
    );
    await queryRunner.createForeignKey(
      'data_subject_request_messages',
      ForeignKeys.references('request_id', 'data_subject_requests', 'CASCADE'),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('data_subject_request_messages');
    await queryRunner.dropTable('data_subject_requests');
  }
}
