import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';
import { PortableColumns } from '@mailroute/api/core';

/** A task's description: plain text, empty for the tasks created before it existed. */
export class AddTaskDescription1796609581150 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    const columns = new PortableColumns(queryRunner);
    await queryRunner.addColumn('tasks', new TableColumn({ ...columns.text('description'), default: "''" }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('tasks', 'description');
  }
}
