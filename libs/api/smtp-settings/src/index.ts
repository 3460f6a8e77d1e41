export * from './lib/smtp-settings.module';
export * from './lib/smtp-settings-schema';
export { SmtpSettingsService } from './lib/smtp-settings.service';
export { SecretsRotation, type RotationReport } from './lib/secrets/secrets-rotation';
