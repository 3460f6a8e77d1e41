import type { EmailLogItem } from '@mailroute/shared/contracts';
import type { OutboundEmail } from '../outbox/outbound-email.entity';

export function toEmailLogItem(email: OutboundEmail): EmailLogItem {
  return {
    id: email.id,
    createdAt: email.createdAt.toISOString(),
    kind: email.kind,
    to: email.recipients,
    subject: email.subject,
    status: email.status,
    attempts: email.attempts,
    nextAttemptAt:
      email.status === 'queued' || email.status === 'retrying' ? email.nextAttemptAt.toISOString() : null,
    route:
      email.routeType && email.routeHost && email.routePort !== null
        ? {
            type: email.routeType,
            host: email.routeHost,
            port: email.routePort,
            sender: email.routeSender ?? '',
          }
        : null,
    serverResponse: email.serverResponse,
    messageId: email.messageId,
    lastError:
      email.lastErrorCode && email.lastErrorAt
        ? {
            code: email.lastErrorCode,
            smtpCode: email.lastErrorSmtpCode,
            message: email.lastErrorMessage ?? '',
            at: email.lastErrorAt.toISOString(),
          }
        : null,
    recipients: email.recipientStatuses ?? [],
    sentAt: email.sentAt ? email.sentAt.toISOString() : null,
  };
}
