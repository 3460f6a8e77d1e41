import { Injectable } from '@nestjs/common';
import { type Locale, webPagePath } from '@mailroute/shared/contracts';
import { AppConfig, type OrganizationId, UsersRepository } from '@mailroute/api/core';
import { MailerService } from '../mailer.service';
import { type SmtpRoute } from '../routing/smtp-route';
import { systemAlertTemplate } from '../templates/builtin/system-alert.template';
import { RouteHealthService } from './route-health.service';

/**
 * The admins' alerts about their organization's failing SMTP server. Delivery reports each
 * failure here; this is the only part of the send path that writes a new email (through the front
 * door, `MailerService`), so an attempt never calls back into it.
 */
@Injectable()
export class RouteAlerts {
  constructor(
    private readonly health: RouteHealthService,
    private readonly users: UsersRepository,
    private readonly mailer: MailerService,
    private readonly config: AppConfig,
  ) {}

  /**
   * One system alert per admin, sent through the platform SMTP (their own server is failing), when
   * this instance wins the alert of the period (see {@link RouteHealthService.claimAlert}). The
   * platform's own failures are the operator's, not the organization's admins': they claim nothing.
   */
  async alertAdminsIfDue(
    organizationId: OrganizationId,
    route: SmtpRoute,
    /** The failure's text as the email log shows it (never a password). */
    lastError: string,
    at: Date,
    threshold: { minimumFailures?: number } = {},
  ): Promise<void> {
    if (route.type !== 'custom' || !(await this.health.claimAlert(organizationId, at, threshold))) {
      return;
    }
    const health = await this.health.view(organizationId);
    const admins = (await this.users.listByOrganization(organizationId)).filter(
      (user) => user.role === 'admin',
    );
    for (const admin of admins) {
      await this.mailer.send({
        organizationId,
        kind: 'system_alert',
        to: admin.email,
        locale: admin.locale,
        template: systemAlertTemplate,
        data: {
          host: route.host,
          port: route.port,
          failures: health.consecutiveFailures,
          lastError,
          since: formatForReader(health.lastSuccessAt ?? at, admin.locale),
          settingsUrl: `${this.config.publicUrl}${webPagePath('smtpSettings', {})}`,
        },
      });
    }
  }
}

/** Alerts are read by people: a date in their language, in UTC (the alert's time zone is stated). */
function formatForReader(date: Date, locale: Locale | null): string {
  const tag = locale === 'fr' ? 'fr-FR' : 'en-GB';
  return `${new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(date)} UTC`;
}
