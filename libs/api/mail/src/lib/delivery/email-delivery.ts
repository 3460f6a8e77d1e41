import { Injectable, Logger } from '@nestjs/common';
import type { SentMessageInfo } from 'nodemailer';
import { AppConfig, trustedOrganizationId } from '@mailroute/api/core';
import { classifyDeliveryFailure, type DeliveryFailure } from './delivery-failure';
import { safeFailureText } from './failure-text';
import { nextAttemptAt } from './retry-schedule';
import { deliveryReportOf, type RecipientOutcome, recipientOutcomes } from './recipient-outcomes';
import { RouteAlerts } from '../health/route-alerts';
import { RouteHealthService } from '../health/route-health.service';
import { OutboundEmail } from '../outbox/outbound-email.entity';
import { type AttemptError, OutboxRepository, type RouteUsed } from '../outbox/outbox.repository';
import { type SmtpRoute } from '../routing/smtp-route';
import { SmtpRouteUnavailableError } from '../routing/smtp-route-source';
import {
  type TransportLease,
  TransportResolver,
  TransportResolverClosedError,
} from '../transport/transport-resolver';
import { outboundMessage } from './outbound-message';

/**
 * One attempt at one claimed email: pick its organization's route, send, and record the outcome
 * on the row (sent, retry later, failed for good, or held), and report it to the route's health,
 * which alerts the admins when due. The in-process dispatcher and the queue worker both call this.
 */
@Injectable()
export class EmailDelivery {
  private readonly logger = new Logger('EmailDelivery');

  constructor(
    private readonly resolver: TransportResolver,
    private readonly outbox: OutboxRepository,
    private readonly health: RouteHealthService,
    private readonly config: AppConfig,
    private readonly alerts: RouteAlerts,
  ) {}

  /**
   * Never rejects: a crash (the database unreachable while recording the outcome, say) is logged,
   * and the row keeps its lease, so the email is retried once the lease expires: nothing is lost.
   */
  async deliver(email: OutboundEmail, owner: string): Promise<void> {
    try {
      await this.attemptWithRoute(email, owner);
    } catch (error) {
      this.logger.error(
        { organizationId: email.organizationId, emailId: email.id, err: error },
        'Delivery crashed',
      );
    }
  }

  private async attemptWithRoute(email: OutboundEmail, owner: string): Promise<void> {
    const organizationId = trustedOrganizationId(email.organizationId);
    const platformOnly = email.kind === 'system_alert';
    let lease: TransportLease;
    let fallback = false;
    try {
      lease = await this.resolver.acquire(organizationId, { platformOnly });
    } catch (error) {
      if (error instanceof TransportResolverClosedError) {
        // This process is shutting down: give the email back, due now, for another sender.
        await this.outbox.markRetry(email, owner, SHUTTING_DOWN, new Date(), null, new Date());
        return;
      }
      if (!(error instanceof SmtpRouteUnavailableError && error.failurePolicy === 'fallback')) {
        await this.routeUnavailable(email, owner, error);
        return;
      }
      const platform = await this.platformForFallback(email, owner);
      if (platform === 'given_back') {
        return;
      }
      if (platform instanceof Error) {
        // Nothing to fall back to: the email stands as if the policy were `hold` (held, or retried
        // for a temporary cause), and its error says both why.
        await this.routeUnavailable(email, owner, error, platform);
        return;
      }
      lease = platform;
      fallback = true;
    }

    try {
      await this.attempt(email, owner, lease, fallback);
    } finally {
      lease.release();
    }
  }

  /** `fallback`: this attempt goes through the platform because the custom route failed. */
  private async attempt(
    email: OutboundEmail,
    owner: string,
    lease: TransportLease,
    fallback = false,
  ): Promise<void> {
    const organizationId = trustedOrganizationId(email.organizationId);
    let info: SentMessageInfo;
    try {
      info = (await lease.transporter.sendMail(outboundMessage(email, lease.route))) as SentMessageInfo;
    } catch (error) {
      const secrets = lease.route.password ? [lease.route.password] : [];
      const failure = classifyDeliveryFailure(error, { secrets });
      const recipients = recipientOutcomes(deliveryReportOf(error), secrets);
      if (
        lease.route.type === 'custom' &&
        lease.route.failurePolicy === 'fallback' &&
        failure.action !== 'fail'
      ) {
        const platform = await this.platformForFallback(email, owner);
        if (platform === 'given_back') {
          return;
        }
        if (platform instanceof Error) {
          // As if the policy were `hold`: the custom route's failure decides (retry, or hold).
          await this.recordFailure(
            email,
            owner,
            lease.route,
            { ...failure, message: withoutFallback(failure.message, platform) },
            recipients,
          );
          return;
        }
        this.logger.warn(
          { organizationId, emailId: email.id, code: failure.code },
          'Custom SMTP failed; falling back to the platform SMTP',
        );
        try {
          const at = new Date();
          await this.health.recordFailure(organizationId, failure, at);
          await this.alerts.alertAdminsIfDue(organizationId, lease.route, failure.message, at);
          await this.attempt(email, owner, platform, true);
        } finally {
          platform.release();
        }
        return;
      }
      await this.recordFailure(email, owner, lease.route, failure, recipients);
      return;
    }
    // Outside the try: once the server accepted the email, a failure to record it is not an SMTP
    // failure (it must not be sent again through the fallback); deliver() logs it as a crash.
    await this.recordSent(email, owner, lease.route, info, fallback);
  }

  /**
   * The platform's transport for a fallback attempt, or the reason there is none (this deployment
   * has no platform SMTP). `given_back`: this process is shutting down and the email is due again
   * for another sender. The caller must record an outcome for any other answer: an error thrown
   * here would leave the row claimed, and every later claim would fail the same way, forever.
   */
  private async platformForFallback(
    email: OutboundEmail,
    owner: string,
  ): Promise<TransportLease | Error | 'given_back'> {
    try {
      return await this.resolver.acquire(trustedOrganizationId(email.organizationId), { platformOnly: true });
    } catch (error) {
      if (error instanceof TransportResolverClosedError) {
        await this.outbox.markRetry(email, owner, SHUTTING_DOWN, new Date(), null, new Date());
        return 'given_back';
      }
      this.logger.error(
        { organizationId: email.organizationId, emailId: email.id, err: error },
        'The platform SMTP cannot carry the fallback',
      );
      return error instanceof Error ? error : new Error(String(error));
    }
  }

  private async recordSent(
    email: OutboundEmail,
    owner: string,
    route: SmtpRoute,
    info: SentMessageInfo,
    fallback: boolean,
  ): Promise<void> {
    const at = new Date();
    const recorded = await this.outbox.markSent(email, owner, {
      route: routeUsed(route),
      serverResponse: String(info.response ?? ''),
      recipients: recipientOutcomes(info),
      at,
    });
    if (!recorded) {
      this.logger.warn(
        { organizationId: email.organizationId, emailId: email.id },
        'Sent, but the claim had been taken over',
      );
    }
    // A success through the fallback or an alert through the platform says nothing of the
    // organization's own server: it stays degraded until it delivers again.
    if (!fallback && email.kind !== 'system_alert') {
      await this.health.recordSuccess(trustedOrganizationId(email.organizationId), at);
    }
  }

  private async recordFailure(
    email: OutboundEmail,
    owner: string,
    route: SmtpRoute,
    failure: DeliveryFailure,
    /** The recipients the server answered at RCPT TO; none when the attempt did not get that far. */
    recipients: RecipientOutcome[],
  ): Promise<void> {
    const organizationId = trustedOrganizationId(email.organizationId);
    const at = new Date();
    const used = routeUsed(route);
    const error = { code: failure.code, smtpCode: failure.smtpCode, message: failure.message, recipients };
    this.logger.warn(
      {
        organizationId,
        emailId: email.id,
        attempts: email.attempts,
        action: failure.action,
        code: failure.code,
        smtpCode: failure.smtpCode,
      },
      'Delivery attempt failed',
    );
    switch (failure.action) {
      case 'fail':
        await this.outbox.markFailed(email, owner, error, used, at);
        return;
      case 'hold':
        // The route first: once an email shows as held, its organization's queue is held too,
        // so no email sent after that moment is tried on the refused route.
        await this.health.hold(organizationId, failure.code, error, at);
        await this.outbox.markHeld(email, owner, error, used, at);
        // Credentials refused: tell the admins at once (still at most once per period).
        await this.alerts.alertAdminsIfDue(organizationId, route, failure.message, at, {
          minimumFailures: 1,
        });
        return;
      case 'retry': {
        await this.retryLater(email, owner, error, used, at);
        if (email.kind !== 'system_alert') {
          await this.health.recordFailure(organizationId, error, at);
          await this.alerts.alertAdminsIfDue(organizationId, route, failure.message, at);
        }
        return;
      }
    }
  }

  /**
   * The organization's custom route cannot be built. A DNS failure or an unreadable database is
   * temporary: the email is retried on the usual schedule. Settings that cannot be decrypted or a
   * host that now points to a forbidden address need someone to act: the organization's emails
   * are held (never sent through the platform behind its back) until the settings change.
   */
  private async routeUnavailable(
    email: OutboundEmail,
    owner: string,
    cause: unknown,
    /** Why the `fallback` policy could not send through the platform instead. */
    noFallback?: Error,
  ): Promise<void> {
    const organizationId = trustedOrganizationId(email.organizationId);
    const at = new Date();
    const reason = cause instanceof SmtpRouteUnavailableError ? cause.reason : 'unreadable';
    const message =
      cause instanceof Error ? cause.message : 'The organization’s SMTP settings cannot be used.';
    const error = {
      code: 'route_unavailable',
      smtpCode: null,
      message: noFallback === undefined ? message : withoutFallback(message, noFallback),
    };
    if (reason === 'unresolvable' || reason === 'unreadable') {
      this.logger.warn(
        { organizationId, emailId: email.id, reason },
        'SMTP route unavailable for now: retrying later',
      );
      await this.retryLater(email, owner, error, null, at);
      await this.health.recordFailure(organizationId, error, at);
      return;
    }
    this.logger.error(
      { organizationId, emailId: email.id, reason },
      'SMTP settings unusable: holding the organization’s emails',
    );
    await this.health.hold(organizationId, reason, error, at);
    await this.outbox.markHeld(email, owner, error, null, at);
  }

  /** The next attempt on the retry schedule, or a dead letter once the schedule is over. */
  private async retryLater(
    email: OutboundEmail,
    owner: string,
    error: AttemptError,
    used: RouteUsed | null,
    at: Date,
  ): Promise<void> {
    const next = nextAttemptAt({
      attempts: email.attempts,
      createdAt: email.createdAt,
      now: at,
      retry: this.config.mail.retry,
    });
    if (next === null) {
      await this.outbox.markFailed(
        email,
        owner,
        { ...error, message: `Gave up after ${email.attempts} attempts: ${error.message}` },
        used,
        at,
      );
    } else {
      await this.outbox.markRetry(email, owner, error, next, used, at);
    }
  }
}

const SHUTTING_DOWN = {
  code: 'aborted',
  smtpCode: null,
  message: 'The sending process shut down before this attempt.',
};

/** A failure's text, completed with why the platform could not carry the email instead. */
function withoutFallback(message: string, platformError: Error): string {
  return safeFailureText(
    `${message} — the fallback to the platform SMTP is not possible: ${platformError.message}`,
  );
}

function routeUsed(route: SmtpRoute): RouteUsed {
  return { type: route.type, host: route.host, port: route.port, sender: route.sender.address };
}
