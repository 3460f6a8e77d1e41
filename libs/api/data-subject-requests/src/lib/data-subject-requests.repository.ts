import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { OrganizationId, PageWindow } from '@mailroute/api/core';
import { DataSubjectRequestMessage } from './messages/data-subject-request-message.entity';
import { DataSubjectRequest } from './requests/data-subject-request.entity';

/** The requests and their threads; every query names its organization. */
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

  /** One page of the organization's requests, most recently received first, and how many it has in all. */
  async page(
    organizationId: OrganizationId,
    window: PageWindow,
  ): Promise<{ items: DataSubjectRequest[]; total: number }> {
    const [items, total] = await this.requests().findAndCount({
      where: { organizationId },
      order: { receivedAt: 'DESC', id: 'ASC' },
      skip: window.offset,
      take: window.pageSize,
    });
    return { items, total };
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
}
