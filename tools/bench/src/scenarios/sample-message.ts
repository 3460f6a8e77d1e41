import type { SendMailOptions } from 'nodemailer';
import type { OutboundEmail } from '@mailroute/api/mail';

/**
 * The baselines send exactly what Mailroute sends for the bench's notification: the same
 * rendered subject, text, HTML and headers, to a different recipient each time.
 */
export function baselineMessage(email: OutboundEmail, index: number): SendMailOptions {
  return {
    from: { name: 'Bench', address: 'notifications@baseline.bench.test' },
    to: `reader-${index}@recipients.bench.test`,
    subject: email.subject,
    text: email.textBody,
    html: email.htmlBody ?? undefined,
    headers: email.headers,
    messageId: `<baseline-${index}-${Date.now()}@baseline.bench.test>`,
  };
}
