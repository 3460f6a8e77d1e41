import { describeSchemaMigrations } from '@mailroute/api/core/testing';
import { mailSchema } from '@mailroute/api/mail';
import { auditsSchema } from './audits-schema';

describeSchemaMigrations({
  name: 'Audits',
  dependsOn: [mailSchema],
  schema: auditsSchema,
  tables: ['audits', 'audit_respondents'],
  keeps: 'users',
  lastMigration: 'CreateAudits1764500000000',
});
