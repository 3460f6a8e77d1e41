import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@mailroute/api/core';
import { MailRouteControl, RouteHealthService, SmtpRouteUnavailableError } from '@mailroute/api/mail';
import { SecretBox, SecretUnreadableError } from '../secrets/secret-box';
import { SmtpSettingsRepository } from '../settings/smtp-settings.repository';
import { SmtpSettingsRouteSource } from './smtp-settings-route-source';

/**
 * Why a route is held, where the cause is in the stored settings or this instance's configuration,
 * so a restart may have fixed it: checked again at start. (`auth_failed` is the server's answer:
 * only new settings or an admin's retry tell whether it still holds.)
 */
const RECHECKED_REASONS: ReadonlySet<string> = new Set(['undecryptable', 'address_refused']);

/**
 * At start: says whether the configured SECRETS_KEY (and SECRETS_KEY_PREVIOUS) open every stored
 * SMTP password, and releases the organizations whose emails were held for a reason that no
 * longer holds — typically a wrong SECRETS_KEY, corrected and restarted: without this their
 * emails stayed held until an admin saved the settings again.
 */
@Injectable()
export class HeldRoutesRecheck implements OnApplicationBootstrap {
  private readonly logger = new Logger('HeldRoutesRecheck');

  constructor(
    private readonly settings: SmtpSettingsRepository,
    private readonly secrets: SecretBox,
    private readonly routeSource: SmtpSettingsRouteSource,
    private readonly health: RouteHealthService,
    private readonly routes: MailRouteControl,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.checkSecretsKey();
      await this.releaseResolvedHolds();
    } catch (error) {
      // A check, not a precondition: the API still starts, and the holds stay as they were.
      this.logger.error({ err: error }, 'Could not re-check the held SMTP routes at start');
    }
  }

  private async checkSecretsKey(): Promise<void> {
    const unreadable: string[] = [];
    const sealed = await this.settings.sealedPasswords();
    for (const row of sealed) {
      try {
        this.secrets.open(row.passwordSealed, row.organizationId);
      } catch (error) {
        if (!(error instanceof SecretUnreadableError)) {
          throw error;
        }
        unreadable.push(row.organizationId);
      }
    }
    if (unreadable.length === 0) {
      return;
    }
    this.logger.error(
      { organizationIds: unreadable, keyId: this.config.secretsKey.id },
      `SECRETS_KEY (key ${this.config.secretsKey.id}) opens none of the stored SMTP passwords of ` +
        `${unreadable.length} of ${sealed.length} organization(s): their emails are held until ` +
        'SECRETS_KEY (or SECRETS_KEY_PREVIOUS) is the key they were saved under and the API is ' +
        'restarted, or their admins enter the password again.',
    );
  }

  private async releaseResolvedHolds(): Promise<void> {
    for (const { organizationId, reason } of await this.health.heldOrganizations()) {
      if (!RECHECKED_REASONS.has(reason)) {
        continue;
      }
      try {
        await this.routeSource.customRouteFor(organizationId);
      } catch (error) {
        if (error instanceof SmtpRouteUnavailableError && RECHECKED_REASONS.has(error.reason)) {
          continue; // still so: the hold stays
        }
        // Anything else (DNS down, the database busy) is temporary: the emails retry on schedule.
      }
      await this.routes.releaseHeld(organizationId);
      this.logger.log({ organizationId, reason }, 'Held emails released: the reason they were held is gone');
    }
  }
}
