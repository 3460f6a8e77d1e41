import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { ForeignKeys, PortableColumns } from '@mailroute/api/core';

export class CreateAudits1764500000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    const columns = new PortableColumns(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'audits',
        columns: [
          columns.id(),
          columns.reference('organization_id'),
          columns.varchar('title', 200),
          columns.varchar('due_date', 10, { nullable: true }),
          columns.reference('created_by_id', { nullable: true }),
          columns.timestamp('created_at'),
        ],
      }),
    );
    await queryRunner.createIndex(
      'audits',
      new TableIndex({ columnNames: ['organization_id', 'created_at'] }),
    );
    await queryRunner.createForeignKey('audits', ForeignKeys.belongsToOrganization());

    await queryRunner.createTable(
      new Table({
        name: 'audit_respondents',
        columns: [
          columns.id(),
          columns.reference('organization_id'),
          columns.reference('audit_id'),
          columns.varchar('email', 320),
          columns.varchar('name', 120, { nullable: true }),
          columns.varchar('locale', 5, { nullable: true }),
          columns.varchar('token_hash', 64),
          columns.timestamp('token_expires_at'),
          columns.timestamp('invited_at'),
          columns.timestamp('last_reminded_at', { nullable: true }),
          columns.integer('reminder_count', { default: 0 }),
        ],
      }),
    );
    await queryRunner.createIndex(
      'audit_respondents',
      new TableIndex({ columnNames: ['audit_id', 'email'], isUnique: true }),
    );
    await queryRunner.createIndex(
      'audit_respondents',
      new TableIndex({ columnNames: ['token_hash'], isUnique: true }),
    );
    await queryRunner.createForeignKey('audit_respondents', ForeignKeys.belongsToOrganization());
    await queryRunner.createForeignKey(
      'audit_respondents',
      ForeignKeys.references('audit_id', 'audits', 'CASCADE'),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('audit_respondents');
    await queryRunner.dropTable('audits');
  }
}
