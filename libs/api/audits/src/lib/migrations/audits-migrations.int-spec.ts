import { describeSchemaMigrations } from '@mailroute/api/core/testing';
import { mailSchema } from '@mailroute/api/mail';
import { auditsSchema } from '../audits-schema';

describeSchemaMigrations({
  name: 'Audits',
  dependsOn: [mailSchema],
  schema: auditsSchema,
  tables: ['audit_questions', 'audit_answers'],
  keeps: 'audit_respondents',
  lastMigration: 'AddAuditQuestionsAndAnswers1796605761071',
});
