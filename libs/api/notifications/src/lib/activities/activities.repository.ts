import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { OrganizationId, PageWindow } from '@mailroute/api/core';
import { ActivityComment } from './activity-comment.entity';
import { ActivityWatcher } from './activity-watcher.entity';
import { ProcessingActivity } from './processing-activity.entity';

/** Processing activities, their comments and watchers; every query names its organization. */
@Injectable()
export class ActivitiesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  insert(activity: ProcessingActivity, manager: EntityManager): Promise<ProcessingActivity> {
    return manager.getRepository(ProcessingActivity).save(activity);
  }

  find(
    organizationId: OrganizationId,
    id: string,
    manager?: EntityManager,
  ): Promise<ProcessingActivity | null> {
    return this.manager(manager).getRepository(ProcessingActivity).findOneBy({ organizationId, id });
  }

  /** One page of the organization's activities, newest first, and how many it has in all. */
  async page(
    organizationId: OrganizationId,
    window: PageWindow,
  ): Promise<{ items: ProcessingActivity[]; total: number }> {
    const [items, total] = await this.manager()
      .getRepository(ProcessingActivity)
      .findAndCount({
        where: { organizationId },
        order: { createdAt: 'DESC', id: 'ASC' },
        skip: window.offset,
        take: window.pageSize,
      });
    return { items, total };
  }

  insertComment(comment: ActivityComment, manager: EntityManager): Promise<ActivityComment> {
    return manager.getRepository(ActivityComment).save(comment);
  }

  comments(organizationId: OrganizationId, activityId: string): Promise<ActivityComment[]> {
    return this.manager()
      .getRepository(ActivityComment)
      .find({ where: { organizationId, activityId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Makes the user follow the activity; following twice is following once. */
  async watch(
    organizationId: OrganizationId,
    activityId: string,
    userId: string,
    manager: EntityManager,
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(ActivityWatcher)
      .values({ organizationId, activityId, userId })
      .orIgnore()
      .execute();
  }

  /** The user stops following the activity; stopping twice is stopping once. */
  async unwatch(
    organizationId: OrganizationId,
    activityId: string,
    userId: string,
    manager: EntityManager,
  ): Promise<void> {
    await manager.getRepository(ActivityWatcher).delete({ organizationId, activityId, userId });
  }

  async watcherIds(
    organizationId: OrganizationId,
    activityId: string,
    manager?: EntityManager,
  ): Promise<string[]> {
    const rows = await this.manager(manager)
      .getRepository(ActivityWatcher)
      .find({ select: { userId: true }, where: { organizationId, activityId } });
    return rows.map((row) => row.userId);
  }
}
