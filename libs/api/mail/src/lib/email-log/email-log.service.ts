import { Injectable } from '@nestjs/common';
import type { EmailLogItem, EmailLogPage } from '@mailroute/shared/contracts';
import { type OrganizationId, pageWindow, toPage } from '@mailroute/api/core';
import { DispatchSignal } from '../dispatch/dispatch-signal';
import { EmailNotFoundError, EmailNotRetryableError } from '../outbox/mail-errors';
import { OutboxRepository } from '../outbox/outbox.repository';
import type { ListEmailsQuery } from './dto/list-emails.query';
import { toEmailLogItem } from './email-log-item';

@Injectable()
export class EmailLogService {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly signal: DispatchSignal,
  ) {}

  async list(organizationId: OrganizationId, query: ListEmailsQuery): Promise<EmailLogPage> {
    const window = pageWindow(query);
    const { items, total } = await this.outbox.list(organizationId, {
      status: query.status,
      kind: query.kind,
      page: window.page,
      pageSize: window.pageSize,
    });
    return toPage(items.map(toEmailLogItem), total, window);
  }

  async get(organizationId: OrganizationId, id: string): Promise<EmailLogItem> {
    const email = await this.outbox.findById(organizationId, id);
    if (!email) {
      throw new EmailNotFoundError();
    }
    return toEmailLogItem(email);
  }

  /** Sends a failed (dead-letter) or held email again, now, keeping its Message-ID. */
  async retry(organizationId: OrganizationId, id: string): Promise<EmailLogItem> {
    if (!(await this.outbox.requeue(organizationId, id, new Date()))) {
      // Not requeued: say why, from the row as it is now.
      const email = await this.outbox.findById(organizationId, id);
      throw email ? new EmailNotRetryableError(email.status) : new EmailNotFoundError();
    }
    this.signal.notify();
    return this.get(organizationId, id);
  }
}
