import type { SendMailOptions } from 'nodemailer';
import type { OutboundEmail } from '../outbox/outbound-email.entity';
import type { SmtpRoute } from '../routing/smtp-route';

/**
 * The message handed to nodemailer for one attempt. Everything comes from the stored row and
 * the route — the same Message-ID on every attempt — and the envelope sender is the route's
 * validated sender address.
 */
export function outboundMessage(email: OutboundEmail, route: SmtpRoute): SendMailOptions {
  const replyTo = email.replyTo ?? (route.type === 'custom' ? route.replyTo : null);
  return {
    from: route.sender.name
      ? { name: route.sender.name, address: route.sender.address }
      : route.sender.address,
    to: email.recipients,
    ...(replyTo ? { replyTo } : {}),
    subject: email.subject,
    text: email.textBody,
    html: email.htmlBody,
    messageId: email.messageId,
    headers: email.headers,
    envelope: { from: route.sender.address, to: email.recipients },
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}
