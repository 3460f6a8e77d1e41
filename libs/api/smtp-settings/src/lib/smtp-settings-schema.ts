import type { SchemaParts } from '@mailroute/api/core';
import { CreateSmtpSettings1764200000000 } from './migrations/1764200000000-create-smtp-settings';
import { SmtpSettingsChange } from './settings/smtp-settings-change.entity';
import { SmtpSettings } from './settings/smtp-settings.entity';

export const smtpSettingsSchema = {
  entities: [SmtpSettings, SmtpSettingsChange],
  migrations: [CreateSmtpSettings1764200000000],
} satisfies SchemaParts;
