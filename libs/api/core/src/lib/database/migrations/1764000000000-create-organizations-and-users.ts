import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { ForeignKeys, PortableColumns } from '../portable-columns';

export class CreateOrganizationsAndUsers1764000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    const columns = new PortableColumns(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'organizations',
        columns: [
          columns.id(),
          columns.varchar('name', 120),
          columns.varchar('default_locale', 5, { default: 'en' }),
          columns.createdAt(),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'users',
        columns: [
          columns.id(),
          columns.reference('organization_id'),
          columns.varchar('email', 320),
          columns.varchar('name', 120),
          columns.varchar('password_hash', 255),
          columns.varchar('role', 16),
          columns.varchar('locale', 5, { nullable: true }),
          columns.createdAt(),
        ],
      }),
    );
    await queryRunner.createIndex('users', new TableIndex({ columnNames: ['organization_id'] }));
    await queryRunner.createIndex('users', new TableIndex({ columnNames: ['email'], isUnique: true }));
    await queryRunner.createForeignKey('users', ForeignKeys.belongsToOrganization());
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('users');
    await queryRunner.dropTable('organizations');
  }
}
