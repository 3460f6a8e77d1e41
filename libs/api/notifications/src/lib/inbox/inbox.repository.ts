import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, IsNull } from 'typeorm';
import type { OrganizationId, PageWindow } from '@mailroute/api/core';
import { Notification } from './notification.entity';

/** Users' in-app notifications; every query names the organization and the recipient. */
@Injectable()
export class InboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private notifications(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(Notification);
  }

  insert(notification: Notification, manager: EntityManager): Promise<Notification> {
    return this.notifications(manager).save(notification);
  }

  /** One page of the recipient's notifications, newest first, and how many match in all. */
  async page(
    organizationId: OrganizationId,
    recipientId: string,
    filter: { unreadOnly: boolean },
    window: PageWindow,
  ): Promise<{ items: Notification[]; total: number }> {
    const [items, total] = await this.notifications().findAndCount({
      where: { organizationId, recipientId, ...(filter.unreadOnly ? { readAt: IsNull() } : {}) },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: window.offset,
      take: window.pageSize,
    });
    return { items, total };
  }

  unreadCount(organizationId: OrganizationId, recipientId: string): Promise<number> {
    return this.notifications().countBy({ organizationId, recipientId, readAt: IsNull() });
  }

  find(organizationId: OrganizationId, recipientId: string, id: string): Promise<Notification | null> {
    return this.notifications().findOneBy({ organizationId, recipientId, id });
  }

  async markRead(
    organizationId: OrganizationId,
    recipientId: string,
    which: { id: string } | 'all',
    at: Date,
  ): Promise<void> {
    await this.notifications().update(
      { organizationId, recipientId, readAt: IsNull(), ...(which === 'all' ? {} : { id: which.id }) },
      { readAt: at },
    );
  }
}
