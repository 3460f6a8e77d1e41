import { describeSchemaMigrations } from '@mailroute/api/core/testing';
import { mailSchema } from '@mailroute/api/mail';
import { dataSubjectRequestsSchema } from '../data-subject-requests-schema';

describeSchemaMigrations({
  name: 'Data subject requests',
  dependsOn: [mailSchema],
  schema: dataSubjectRequestsSchema,
  tables: ['data_subject_requests', 'data_subject_request_messages'],
  keeps: 'outbound_emails',
  lastMigration: 'CreateDataSubjectRequests1764400000000',
});
