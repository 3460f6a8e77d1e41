import type { INestApplicationContext } from '@nestjs/common';
import type { OrganizationId } from '@mailroute/api/core';
import { MailerService } from '@mailroute/api/mail';
import { benchNotificationData, benchNotificationTemplate } from './bench-template';

/**
 * Stores `count` notification emails through `MailerService.send`, one after the other, spread
 * round-robin over `organizations`: what the domain modules do, one request at a time.
 */
export async function sendNotifications(
  app: INestApplicationContext,
  organizations: readonly OrganizationId[],
  count: number,
): Promise<void> {
  const mailer = app.get(MailerService);
  for (let index = 0; index < count; index += 1) {
    await mailer.send({
      organizationId: organizations[index % organizations.length],
      kind: 'notification',
      to: `reader-${index}@recipients.bench.test`,
      template: benchNotificationTemplate,
      data: benchNotificationData(index),
    });
  }
}
