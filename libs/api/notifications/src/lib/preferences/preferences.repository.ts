import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In } from 'typeorm';
import type { OrganizationId } from '@mailroute/api/core';
import { NotificationPreferences } from './notification-preferences.entity';

@Injectable()
export class PreferencesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private preferences(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(NotificationPreferences);
  }

  /** Stored preferences of the given users (users without a row email everything). */
  async ofUsers(
    organizationId: OrganizationId,
    userIds: string[],
    manager?: EntityManager,
  ): Promise<Map<string, NotificationPreferences>> {
    if (userIds.length === 0) {
      return new Map();
    }
    const rows = await this.preferences(manager).findBy({ organizationId, userId: In(userIds) });
    return new Map(rows.map((row) => [row.userId, row]));
  }

  async find(organizationId: OrganizationId, userId: string): Promise<NotificationPreferences | null> {
    return this.preferences().findOneBy({ organizationId, userId });
  }

  save(preferences: NotificationPreferences): Promise<NotificationPreferences> {
    return this.preferences().save(preferences);
  }
}
