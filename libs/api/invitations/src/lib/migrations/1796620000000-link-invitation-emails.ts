import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';
import { PortableColumns } from '@mailroute/api/core';

/**
 * The id of the invitation's latest email (outbox row), so its admins see where it stands.
 * Invitations sent before this migration have none: their email cannot be told apart from
 * another invitation's to the same address, so no link is guessed.
 */
export class LinkInvitationEmails1796620000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    const columns = new PortableColumns(queryRunner);
    await queryRunner.addColumn(
      'invitations',
      new TableColumn(columns.reference('email_id', { nullable: true })),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('invitations', 'email_id');
  }
}
