import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { ForeignKeys, PortableColumns } from '@mailroute/api/core';

export class CreateSmtpSettings1764200000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    const columns = new PortableColumns(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'smtp_settings',
        columns: [
          { ...columns.reference('organization_id'), isPrimary: true },
          columns.varchar('host', 253),
          columns.integer('port'),
          columns.varchar('security', 16),
          columns.varchar('username', 320),
          columns.text('password_sealed'),
          columns.varchar('sender_address', 320),
          columns.varchar('sender_name', 128, { nullable: true }),
          columns.varchar('reply_to', 320, { nullable: true }),
          columns.text('ca_certificate', { nullable: true }),
          columns.varchar('failure_policy', 16),
          columns.varchar('version', 36),
          columns.timestamp('activated_at'),
          columns.timestamp('updated_at'),
          columns.reference('updated_by_id', { nullable: true }),
          columns.varchar('updated_by_email', 320, { nullable: true }),
        ],
      }),
    );
    await queryRunner.createForeignKey('smtp_settings', ForeignKeys.belongsToOrganization());
    await queryRunner.createTable(
      new Table({
        name: 'smtp_settings_changes',
        columns: [
          columns.id(),
          columns.reference('organization_id'),
          columns.varchar('action', 16),
          columns.text('changes'),
          columns.reference('changed_by_id', { nullable: true }),
          columns.varchar('changed_by_email', 320, { nullable: true }),
          columns.timestamp('changed_at'),
        ],
      }),
    );
    await queryRunner.createIndex(
      'smtp_settings_changes',
      new TableIndex({ columnNames: ['organization_id', 'changed_at'] }),
    );
    await queryRunner.createForeignKey('smtp_settings_changes', ForeignKeys.belongsToOrganization());
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('smtp_settings_changes');
    await queryRunner.dropTable('smtp_settings');
  }
}
