import { describeSchemaMigrations } from '@mailroute/api/core/testing';
import { mailSchema } from '@mailroute/api/mail';
import { invitationsSchema } from './invitations-schema';

describeSchemaMigrations({
  name: 'Invitations',
  dependsOn: [mailSchema],
  schema: invitationsSchema,
  tables: ['invitations'],
  keeps: 'users',
  lastMigration: 'CreateInvitations1764600000000',
});
