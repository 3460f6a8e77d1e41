import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { ForeignKeys, PortableColumns } from '@mailroute/api/core';

export class CreateInvitations1764600000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    const columns = new PortableColumns(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'invitations',
        columns: [
          columns.id(),
          columns.reference('organization_id'),
          columns.varchar('email', 320),
          columns.varchar('role', 16),
          columns.varchar('locale', 5, { nullable: true }),
          columns.varchar('token_hash', 64),
          columns.timestamp('expires_at'),
          columns.reference('invited_by_id', { nullable: true }),
          columns.timestamp('created_at'),
          columns.timestamp('sent_at'),
          columns.timestamp('accepted_at', { nullable: true }),
          columns.reference('accepted_user_id', { nullable: true }),
          columns.timestamp('revoked_at', { nullable: true }),
        ],
      }),
    );
    await queryRunner.createIndex(
      'invitations',
      new TableIndex({ columnNames: ['organization_id', 'email'] }),
    );
    await queryRunner.createIndex(
      'invitations',
      new TableIndex({ columnNames: ['token_hash'], isUnique: true }),
    );
    await queryRunner.createForeignKey('invitations', ForeignKeys.belongsToOrganization());
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('invitations');
  }
}
