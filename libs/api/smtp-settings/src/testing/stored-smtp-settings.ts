import type { INestApplicationContext } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { newId, type OrganizationId } from '@mailroute/api/core';
import { SecretBox } from '../lib/secrets/secret-box';
import { SmtpSettings } from '../lib/settings/smtp-settings.entity';

/** What `storeSmtpSettings` writes; the rest takes the API's defaults. */
export interface StoredSmtpSettingsInput {
  host: string;
  port: number;
  security: SmtpSettings['security'];
  username: string;
  password: string;
  senderAddress: string;
  caCertificate?: string | null;
  failurePolicy?: SmtpSettings['failurePolicy'];
}

/**
 * Activates custom SMTP settings for an organization the way a successful save stores them
 * (password sealed by the real SecretBox, a new version), without the connection test. For
 * fixtures with many organizations (the bench seeds 10,000): the save path itself is covered by
 * the API's tests. Pass a manager to store many in one transaction.
 */
export async function storeSmtpSettings(
  app: INestApplicationContext,
  organizationId: OrganizationId,
  input: StoredSmtpSettingsInput,
  manager?: EntityManager,
): Promise<void> {
  const now = new Date();
  const settings = Object.assign(new SmtpSettings(), {
    organizationId,
    host: input.host,
    port: input.port,
    security: input.security,
    username: input.username,
    passwordSealed: app.get(SecretBox).seal(input.password, organizationId),
    senderAddress: input.senderAddress,
    senderName: null,
    replyTo: null,
    caCertificate: input.caCertificate ?? null,
    failurePolicy: input.failurePolicy ?? 'hold',
    version: newId(),
    activatedAt: now,
    updatedAt: now,
    updatedById: null,
    updatedByEmail: null,
  } satisfies SmtpSettings);
  // Whatever was stored before is replaced: a fixture, not a save (which compares and sets).
  await (manager ?? app.get(DataSource).manager).getRepository(SmtpSettings).save(settings);
}
