import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, IsNull } from 'typeorm';
import type { OrganizationId } from '@mailroute/api/core';
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

  list(organizationId: OrganizationId, recipientId: string, options: { unreadOnly: boolean; limit: number }) {
    return this.notifications().find({
      where: { organizationId, recipientId, ...(options.unreadOnly ? { readAt: IsNull() } : {}) },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: options.limit,
    });
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
