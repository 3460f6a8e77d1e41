import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, In } from 'typeorm';
import type { EmailStatus } from '@mailroute/shared/contracts';
import type { OrganizationId } from '@mailroute/api/core';
import { OutboundEmail } from '../outbox/outbound-email.entity';

/** Where one email stands, as a domain module shows it beside its own record. */
export interface EmailStatusView {
  status: EmailStatus;
  sentAt: Date | null;
  lastErrorMessage: string | null;
}

/**
 * The delivery status of emails a domain module queued (it kept the ids `MailerService.send`
 * returned), so it never reads the outbox itself. Read-only; one query for any number of emails.
 */
@Injectable()
export class EmailStatuses {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The organization's emails among `ids`, by id; an id that is not there (purged, another's) is absent. */
  async of(organizationId: OrganizationId, ids: readonly string[]): Promise<Map<string, EmailStatusView>> {
    if (ids.length === 0) {
      return new Map();
    }
    const rows = await this.dataSource.getRepository(OutboundEmail).find({
      select: { id: true, status: true, sentAt: true, lastErrorMessage: true },
      where: { organizationId, id: In([...ids]) },
    });
    return new Map(
      rows.map((row) => [
        row.id,
        { status: row.status, sentAt: row.sentAt, lastErrorMessage: row.lastErrorMessage },
      ]),
    );
  }
}
