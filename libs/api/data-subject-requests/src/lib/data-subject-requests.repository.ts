import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In } from 'typeorm';
import type { OrganizationId } from '@mailroute/api/core';
import { OutboundEmail } from '@mailroute/api/mail';
import { DataSubjectRequestMessage } from './messages/data-subject-request-message.entity';
import { DataSubjectRequest } from './requests/data-subject-request.entity';

export type EmailDelivery = Pick<
  OutboundEmail,
  'id' | 'status' | 'sentAt' | 'lastErrorMessage' | 'lastErrorCode'
>;

/** The requests, their threads, and (read-only) their emails' delivery; every query names its organization. */
@Injectable()
export class DataSubjectRequestsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private requests(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(DataSubjectRequest);
  }

  private messages(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(DataSubjectRequestMessage);
  }

  async insert(request: DataSubjectRequest, manager?: EntityManager): Promise<DataSubjectRequest> {
    return this.requests(manager).save(request);
  }

  find(
    organizationId: OrganizationId,
    id: string,
    manager?: EntityManager,
  ): Promise<DataSubjectRequest | null> {
    return this.requests(manager).findOneBy({ organizationId, id });
  }

  list(organizationId: OrganizationId): Promise<DataSubjectRequest[]> {
    return this.requests().find({ where: { organizationId }, order: { receivedAt: 'DESC', id: 'ASC' } });
  }

  async insertMessage(
    message: DataSubjectRequestMessage,
    manager: EntityManager,
  ): Promise<DataSubjectRequestMessage> {
    return this.messages(manager).save(message);
  }

  thread(organizationId: OrganizationId, requestId: string): Promise<DataSubjectRequestMessage[]> {
    return this.messages().find({
      where: { organizationId, requestId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** The delivery state of the organization's emails among `ids` (the outbox is mail's; this only reads it). */
  async deliveries(organizationId: OrganizationId, ids: string[]): Promise<Map<string, EmailDelivery>> {
    if (ids.length === 0) {
      return new Map();
    }
    const rows = await this.dataSource.manager.getRepository(OutboundEmail).find({
      select: { id: true, status: true, sentAt: true, lastErrorMessage: true, lastErrorCode: true },
      where: { organizationId, id: In(ids) },
    });
    return new Map(rows.map((row) => [row.id, row]));
  }
}
