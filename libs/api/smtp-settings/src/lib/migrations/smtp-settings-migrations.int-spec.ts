import { describeSchemaMigrations } from '@mailroute/api/core/testing';
import { mailSchema } from '@mailroute/api/mail';
import { smtpSettingsSchema } from '../smtp-settings-schema';

describeSchemaMigrations({
  name: 'SMTP settings',
  dependsOn: [mailSchema],
  schema: smtpSettingsSchema,
  tables: ['smtp_settings', 'smtp_settings_changes'],
  keeps: 'outbound_emails',
  lastMigration: 'CreateSmtpSettings1764200000000',
});
