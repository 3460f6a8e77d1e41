import { describeSchemaMigrations } from '@mailroute/api/core/testing';
import { mailSchema } from '../mail-schema';

describeSchemaMigrations({
  name: 'Mail',
  schema: mailSchema,
  tables: ['outbound_emails', 'mail_route_health'],
  keeps: 'organizations',
  lastMigration: 'CreateOutboundEmails1764100000000',
});
