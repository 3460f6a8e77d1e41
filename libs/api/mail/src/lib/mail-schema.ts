import type { SchemaParts } from '@mailroute/api/core';
import { CreateOutboundEmails1764100000000 } from './migrations/1764100000000-create-outbound-emails';
import { MailRouteHealth } from './health/mail-route-health.entity';
import { OutboundEmail } from './outbox/outbound-email.entity';

export const mailSchema = {
  entities: [OutboundEmail, MailRouteHealth],
  migrations: [CreateOutboundEmails1764100000000],
} satisfies SchemaParts;
