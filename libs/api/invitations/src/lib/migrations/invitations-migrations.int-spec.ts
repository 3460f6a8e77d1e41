import { describeSchemaMigrations } from '@mailroute/api/core/testing';
import { mailSchema } from '@mailroute/api/mail';
import { invitationsSchema } from '../invitations-schema';

describeSchemaMigrations({
  name: 'Invitations',
  dependsOn: [mailSchema],
  schema: invitationsSchema,
  // The last migration adds a column: undoing it keeps the table.
  tables: [],
  keeps: 'invitations',
  lastMigration: 'LinkInvitationEmails1796620000000',
});
