import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, In } from 'typeorm';
import type { DeliveryView } from '@mailroute/shared/contracts';
import type { OrganizationId } from '@mailroute/api/core';
import { OutboundEmail } from '../outbox/outbound-email.entity';

type DeliveryColumns = Pick<
  OutboundEmail,
  'id' | 'status' | 'sentAt' | 'lastErrorMessage' | 'routeType' | 'routeHost' | 'routePort'
>;

/** Where each email of a batch stands, by email id. */
export interface EmailDeliveries {
  /** An id that is not among the organization's emails (purged, another's) answers `unknown`. */
  get(emailId: string): DeliveryView;
}

/**
 * The delivery status of emails a domain module queued (it kept the ids `MailerService.send`
 * returned), so it never reads the outbox itself. Read-only; one query for any number of emails.
 */
@Injectable()
export class EmailStatuses {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Where each of `ids` stands; never another organization's email's status. */
  async of(organizationId: OrganizationId, ids: readonly (string | null)[]): Promise<EmailDeliveries> {
    const unique = [...new Set(ids.filter((id): id is string => id !== null))];
    const rows =
      unique.length === 0
        ? []
        : await this.dataSource.getRepository(OutboundEmail).find({
            select: {
              id: true,
              status: true,
              sentAt: true,
              lastErrorMessage: true,
              routeType: true,
              routeHost: true,
              routePort: true,
            },
            where: { organizationId, id: In(unique) },
          });
    const found = new Map(rows.map((row) => [row.id, toDeliveryView(row)]));
    return { get: (emailId) => found.get(emailId) ?? unknownDelivery(emailId) };
  }
}

function toDeliveryView(email: DeliveryColumns): DeliveryView {
  return {
    emailId: email.id,
    status: email.status,
    route:
      email.routeType === null
        ? null
        : email.routeType === 'custom' && email.routeHost !== null && email.routePort !== null
          ? { type: 'custom', host: email.routeHost, port: email.routePort }
          : { type: email.routeType },
    // A failure before a successful attempt is history; the email log keeps its details.
    lastError: email.status === 'sent' ? null : email.lastErrorMessage,
    sentAt: email.sentAt ? email.sentAt.toISOString() : null,
  };
}

function unknownDelivery(emailId: string): DeliveryView {
  return { emailId, status: 'unknown', route: null, lastError: null, sentAt: null };
}
