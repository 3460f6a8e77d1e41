import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { ForeignKeys, PortableColumns } from '@mailroute/api/core';

/** Audits' questions and respondents' answers; a respondent records when they answered. */
export class AddAuditQuestionsAndAnswers1796605761071 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    const columns = new PortableColumns(queryRunner);
    await queryRunner.addColumn(
      'audit_respondents',
      new TableColumn(columns.timestamp('answered_at', { nullable: true })),
    );

    await queryRunner.createTable(
      new Table({
        name: 'audit_questions',
        columns: [
          columns.id(),
          columns.reference('organization_id'),
          columns.reference('audit_id'),
          columns.varchar('text', 500),
          columns.varchar('kind', 16),
          columns.boolean('required'),
          columns.integer('position'),
        ],
      }),
    );
    await queryRunner.createIndex(
      'audit_questions',
      new TableIndex({ columnNames: ['audit_id', 'position'], isUnique: true }),
    );
    await queryRunner.createForeignKey('audit_questions', ForeignKeys.belongsToOrganization());
    await queryRunner.createForeignKey(
      'audit_questions',
      ForeignKeys.references('audit_id', 'audits', 'CASCADE'),
    );

    await queryRunner.createTable(
      new Table({
        name: 'audit_answers',
        columns: [
          columns.id(),
          columns.reference('organization_id'),
          columns.reference('audit_id'),
          columns.reference('respondent_id'),
          columns.reference('question_id'),
          columns.text('value'),
        ],
      }),
    );
    await queryRunner.createIndex(
      'audit_answers',
      new TableIndex({ columnNames: ['respondent_id', 'question_id'], isUnique: true }),
    );
    await queryRunner.createIndex('audit_answers', new TableIndex({ columnNames: ['audit_id'] }));
    await queryRunner.createForeignKey('audit_answers', ForeignKeys.belongsToOrganization());
    await queryRunner.createForeignKey(
      'audit_answers',
      ForeignKeys.references('audit_id', 'audits', 'CASCADE'),
    );
    await queryRunner.createForeignKey(
      'audit_answers',
      ForeignKeys.references('respondent_id', 'audit_respondents', 'CASCADE'),
    );
    await queryRunner.createForeignKey(
      'audit_answers',
      ForeignKeys.references('question_id', 'audit_questions', 'NO ACTION'),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('audit_answers');
    await queryRunner.dropTable('audit_questions');
    await queryRunner.dropColumn('audit_respondents', 'answered_at');
  }
}
