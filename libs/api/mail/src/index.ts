export * from './lib/mail.module';
export * from './lib/mail-schema';
export * from './lib/mailer.service';
export * from './lib/routing/smtp-route';
export * from './lib/routing/smtp-route-source';
export * from './lib/routing/mail-route-control';
export {
  RouteHealthService,
  type RouteHealthView,
  type RouteHealthState,
} from './lib/health/route-health.service';
export { OutboxDispatcher } from './lib/dispatch/outbox-dispatcher';
export { EmailDelivery } from './lib/dispatch/email-delivery';
export { TransportResolver, type TransportLease } from './lib/transport/transport-resolver';
export { smtpTransportOptions } from './lib/transport/smtp-transport-options';
export { PlatformSmtpNotConfiguredError } from './lib/transport/platform-route';
export {
  classifyDeliveryFailure,
  DELIVERY_FAILURE_CODES,
  type DeliveryFailure,
  type DeliveryAction,
  type DeliveryFailureCode,
} from './lib/delivery/delivery-failure';
export { recipientOutcomes, type RecipientOutcome } from './lib/delivery/recipient-outcomes';
export {
  defineMailTemplate,
  type MailTemplate,
  type MailTemplateData,
  type MailRenderContext,
} from './lib/templates/mail-template';
export {
  TemplateRenderer,
  MailTemplateRenderError,
  type RenderedEmail,
} from './lib/templates/template-renderer';
export { smtpTestTemplate, type SmtpTestEmailData } from './lib/templates/builtin/smtp-test.template';
export {
  systemAlertTemplate,
  type SystemAlertEmailData,
} from './lib/templates/builtin/system-alert.template';
export { OutboundEmail } from './lib/outbox/outbound-email.entity';
export type { RouteUsed } from './lib/outbox/outbox.repository';
export { QueueDispatcher } from './lib/queue/queue-dispatcher';
export { type MailQueueKind } from './lib/queue/mail-queue-kind';
export { EmailStatuses, type EmailStatusView } from './lib/email-log/email-statuses';
export { ehloNameOf } from './lib/transport/ehlo-name';
