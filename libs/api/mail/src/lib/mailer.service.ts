import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EmailKind, Locale } from '@mailroute/shared/contracts';
import {
  AppConfig,
  newId,
  NotFoundError,
  type OrganizationId,
  OrganizationsRepository,
} from '@mailroute/api/core';
import { DispatchSignal } from './dispatch/dispatch-signal';
import { InvalidRecipientError } from './outbox/mail-errors';
import { isSingleAddress } from './outbox/mailbox-address';
import { OutboundEmail } from './outbox/outbound-email.entity';
import { OutboxRepository, type RouteUsed } from './outbox/outbox.repository';
import type { MailTemplate } from './templates/mail-template';
import { TemplateRenderer } from './templates/template-renderer';

/** Kinds a person did not write: marked `Auto-Submitted: auto-generated` (RFC 3834). */
const AUTOMATIC_KINDS: ReadonlySet<EmailKind> = new Set([
  'notification',
  'audit_invitation',
  'user_invitation',
  'smtp_test',
  'system_alert',
]);

export interface SendEmailRequest<TData> {
  organizationId: OrganizationId;
  kind: EmailKind;
  /** One address or several; each must be a single plain address. */
  to: string | string[];
  template: MailTemplate<TData>;
  data: TData;
  /** The recipient's language when known; else the organization's default, else English. */
  locale?: Locale | null;
  /** Overrides the reply address of the organization's route for this email. */
  replyTo?: string | null;
}

/**
 * The one way modules send email. It renders the email and stores it in the outbox — in the
 * caller's transaction when given its EntityManager, so the change and its email commit together
 * or not at all — and returns the email's id. It never talks SMTP: the dispatcher does.
 */
@Injectable()
export class MailerService {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly renderer: TemplateRenderer,
    private readonly config: AppConfig,
    private readonly signal: DispatchSignal,
  ) {}

  async send<TData>(request: SendEmailRequest<TData>, manager?: EntityManager): Promise<string> {
    const email = await this.compose(request);
    await this.outbox.insert(email, manager);
    if (!manager) {
      // Without a caller's transaction the row is already committed: wake the dispatcher now.
      // In a caller's transaction it is picked up by the next poll, after the commit.
      this.signal.notify();
    }
    return email.id;
  }

  /**
   * Renders an email into an outbox row without storing it. For the one email sent while the
   * caller waits (the SMTP settings test), which is then logged with {@link recordSentDirectly}.
   */
  async compose<TData>(request: SendEmailRequest<TData>): Promise<OutboundEmail> {
    const recipients = (Array.isArray(request.to) ? request.to : [request.to]).map((address) =>
      address.trim(),
    );
    if (recipients.length === 0) {
      throw new InvalidRecipientError('to', 'must name at least one recipient');
    }
    recipients.forEach((address, index) => {
      if (!isSingleAddress(address)) {
        throw new InvalidRecipientError(
          recipients.length === 1 ? 'to' : `to[${index}]`,
          'must be a single email address',
        );
      }
    });
    if (request.replyTo && !isSingleAddress(request.replyTo)) {
      throw new InvalidRecipientError('replyTo', 'must be a single email address');
    }

    const organization = await this.organizations.findById(request.organizationId);
    if (!organization) {
      throw new NotFoundError('The organization');
    }
    const locale = request.locale ?? organization.defaultLocale ?? 'en';
    const rendered = this.renderer.render(request.template, request.data, {
      locale,
      organizationName: organization.name,
      publicUrl: this.config.publicUrl,
    });

    const id = newId();
    const now = new Date();
    return Object.assign(new OutboundEmail(), {
      id,
      organizationId: request.organizationId,
      kind: request.kind,
      status: 'queued',
      recipients,
      subject: rendered.subject,
      textBody: rendered.text,
      htmlBody: rendered.html,
      replyTo: request.replyTo ?? null,
      headers: AUTOMATIC_KINDS.has(request.kind) ? { 'Auto-Submitted': 'auto-generated' } : {},
      messageId: `<${id}@${new URL(this.config.publicUrl).hostname}>`,
      locale,
      attempts: 0,
      nextAttemptAt: now,
      createdAt: now,
      updatedAt: now,
    } satisfies Partial<OutboundEmail>);
  }

  /**
   * Logs a composed email that was delivered outside the outbox (the SMTP settings test), so it
   * appears in the organization's email log with the route and the server's reply like any other.
   */
  async recordSentDirectly(
    email: OutboundEmail,
    outcome: { route: RouteUsed; serverResponse: string; at: Date },
    manager?: EntityManager,
  ): Promise<void> {
    const recipients = email.recipients.map((address) => ({
      address,
      accepted: true,
      response: outcome.serverResponse,
    }));
    await this.outbox.insertSent(email, { ...outcome, recipients }, manager);
  }
}
