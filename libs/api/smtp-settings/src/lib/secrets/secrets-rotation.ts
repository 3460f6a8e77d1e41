import { Injectable, Logger } from '@nestjs/common';
import { trustedOrganizationId } from '@mailroute/api/core';
import { SmtpSettingsRepository } from '../settings/smtp-settings.repository';
import { SecretBox, SecretUnreadableError } from './secret-box';

export interface RotationReport {
  resealed: number;
  alreadyCurrent: number;
  /** Organizations whose password no configured key opens: their admins must enter it again. */
  unreadable: string[];
}

/**
 * Re-seals every stored SMTP password under the current SECRETS_KEY, after a rotation: start
 * with the new key in SECRETS_KEY and the old one in SECRETS_KEY_PREVIOUS, run this, then drop
 * SECRETS_KEY_PREVIOUS. Safe to run again, and while the API runs.
 */
@Injectable()
export class SecretsRotation {
  private readonly logger = new Logger('SecretsRotation');

  constructor(
    private readonly settings: SmtpSettingsRepository,
    private readonly secrets: SecretBox,
  ) {}

  async resealAll(): Promise<RotationReport> {
    const report: RotationReport = { resealed: 0, alreadyCurrent: 0, unreadable: [] };
    for (const row of await this.settings.sealedPasswords()) {
      if (!this.secrets.needsResealing(row.passwordSealed)) {
        report.alreadyCurrent += 1;
        continue;
      }
      try {
        const password = this.secrets.open(row.passwordSealed, row.organizationId);
        const resealed = this.secrets.seal(password, row.organizationId);
        const organizationId = trustedOrganizationId(row.organizationId);
        if (await this.settings.reseal(organizationId, row.passwordSealed, resealed)) {
          report.resealed += 1;
        } else {
          report.alreadyCurrent += 1; // saved again meanwhile, under the current key
        }
      } catch (error) {
        if (!(error instanceof SecretUnreadableError)) {
          throw error;
        }
        this.logger.error({ organizationId: row.organizationId, reason: error.reason }, 'Cannot re-seal');
        report.unreadable.push(row.organizationId);
      }
    }
    return report;
  }
}
