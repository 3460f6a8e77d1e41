import { Injectable, Logger } from '@nestjs/common';
import { AppConfig, type OrganizationId } from '@mailroute/api/core';
import { type CustomSmtpRoute, type SmtpRouteSource, SmtpRouteUnavailableError } from '@mailroute/api/mail';
import { AddressPolicy, AddressPolicyError } from '../address-policy/address-policy';
import { SecretBox, SecretUnreadableError } from '../secrets/secret-box';
import type { SmtpSettings } from '../settings/smtp-settings.entity';
import { SmtpSettingsRepository } from '../settings/smtp-settings.repository';

/**
 * Mail's view of the stored settings (the SmtpRouteSource port): the active route with its
 * password opened in memory and its host resolved and checked by the address policy again,
 * now, since DNS may have changed since the settings were saved.
 */
@Injectable()
export class SmtpSettingsRouteSource implements SmtpRouteSource {
  private readonly logger = new Logger('SmtpSettingsRouteSource');

  constructor(
    private readonly settings: SmtpSettingsRepository,
    private readonly secrets: SecretBox,
    private readonly policy: AddressPolicy,
    private readonly config: AppConfig,
  ) {}

  async customRouteFor(organizationId: OrganizationId): Promise<CustomSmtpRoute | null> {
    let stored: SmtpSettings | null;
    try {
      stored = await this.settings.find(organizationId);
    } catch (error) {
      this.logger.error({ organizationId, err: error }, 'Could not read the SMTP settings');
      throw new SmtpRouteUnavailableError('unreadable', 'The SMTP settings could not be read.');
    }
    if (!stored) {
      return null;
    }
    const password = this.openPassword(stored);
    try {
      const destination = await this.policy.check(
        stored.host,
        stored.port,
        this.config.mail.smtpTimeouts.connectionMs,
      );
      return {
        type: 'custom',
        organizationId,
        version: stored.version,
        host: stored.host,
        connectAddress: destination.connectAddress,
        port: stored.port,
        security: stored.security,
        username: stored.username,
        password,
        caCertificate: stored.caCertificate,
        sender: { address: stored.senderAddress, ...(stored.senderName ? { name: stored.senderName } : {}) },
        replyTo: stored.replyTo,
        failurePolicy: stored.failurePolicy,
      };
    } catch (error) {
      if (error instanceof AddressPolicyError) {
        throw new SmtpRouteUnavailableError(
          error.reason === 'unresolvable' ? 'unresolvable' : 'address_refused',
          error.message,
          stored.failurePolicy,
        );
      }
      throw error;
    }
  }

  currentVersion(organizationId: OrganizationId): Promise<string | null> {
    return this.settings.versionOf(organizationId);
  }

  private openPassword(stored: SmtpSettings): string {
    try {
      return this.secrets.open(stored.passwordSealed, stored.organizationId);
    } catch (error) {
      if (error instanceof SecretUnreadableError) {
        this.logger.error(
          { organizationId: stored.organizationId, reason: error.reason },
          'The stored SMTP password cannot be decrypted: is SECRETS_KEY (or SECRETS_KEY_PREVIOUS) right?',
        );
        throw new SmtpRouteUnavailableError(
          'undecryptable',
          'The stored SMTP password cannot be decrypted with the configured keys.',
          stored.failurePolicy,
        );
      }
      throw error;
    }
  }
}
