import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { ForeignKeys, PortableColumns } from '@mailroute/api/core';

export class CreateOutboundEmails1764100000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    const columns = new PortableColumns(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'outbound_emails',
        columns: [
          columns.id(),
          columns.reference('organization_id'),
          columns.varchar('kind', 32),
          columns.varchar('status', 16),
          columns.text('recipients'),
          columns.varchar('subject', 255),
          columns.text('text_body'),
          columns.text('html_body'),
          columns.varchar('reply_to', 320, { nullable: true }),
          columns.text('headers'),
          columns.varchar('message_id', 255),
          columns.varchar('locale', 5),
          columns.integer('attempts', { default: 0 }),
          columns.timestamp('next_attempt_at'),
          columns.varchar('lease_owner', 64, { nullable: true }),
          columns.timestamp('lease_expires_at', { nullable: true }),
          columns.varchar('route_type', 16, { nullable: true }),
          columns.varchar('route_host', 255, { nullable: true }),
          columns.integer('route_port', { nullable: true }),
          columns.varchar('route_sender', 320, { nullable: true }),
          columns.text('server_response', { nullable: true }),
          columns.text('recipient_statuses', { nullable: true }),
          columns.varchar('last_error_code', 64, { nullable: true }),
          columns.integer('last_error_smtp_code', { nullable: true }),
          columns.text('last_error_message', { nullable: true }),
          columns.timestamp('last_error_at', { nullable: true }),
          columns.timestamp('sent_at', { nullable: true }),
          columns.createdAt(),
          columns.createdAt('updated_at'),
        ],
      }),
    );
    await queryRunner.createIndex(
      'outbound_emails',
      new TableIndex({ columnNames: ['status', 'next_attempt_at'] }),
    );
    await queryRunner.createIndex(
      'outbound_emails',
      new TableIndex({ columnNames: ['organization_id', 'created_at'] }),
    );
    await queryRunner.createForeignKey('outbound_emails', ForeignKeys.belongsToOrganization());
    await queryRunner.createTable(
      new Table({
        name: 'mail_route_health',
        columns: [
          { ...columns.reference('organization_id'), isPrimary: true },
          columns.integer('consecutive_failures', { default: 0 }),
          columns.varchar('held_reason', 64, { nullable: true }),
          columns.varchar('last_failure_code', 64, { nullable: true }),
          columns.text('last_failure_message', { nullable: true }),
          columns.timestamp('last_failure_at', { nullable: true }),
          columns.timestamp('last_success_at', { nullable: true }),
          columns.timestamp('last_alert_at', { nullable: true }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('mail_route_health');
    await queryRunner.dropTable('outbound_emails');
  }
}
