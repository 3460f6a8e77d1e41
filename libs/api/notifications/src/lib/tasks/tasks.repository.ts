import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { OrganizationId, PageWindow } from '@mailroute/api/core';
import type { TaskStatus } from '@mailroute/shared/contracts';
import { Task } from './task.entity';

/** Which of the organization's tasks a list shows: all, or those matching every filter given. */
export interface TaskFilter {
  assigneeId?: string;
  status?: TaskStatus;
}

/** Tasks; every query names its organization. */
@Injectable()
export class TasksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  save(task: Task, manager: EntityManager): Promise<Task> {
    return manager.getRepository(Task).save(task);
  }

  find(organizationId: OrganizationId, id: string, manager?: EntityManager): Promise<Task | null> {
    return (manager ?? this.dataSource.manager).getRepository(Task).findOneBy({ organizationId, id });
  }

  /** One page of the organization's tasks (filtered), newest first, and how many match in all. */
  async page(
    organizationId: OrganizationId,
    filter: TaskFilter,
    window: PageWindow,
  ): Promise<{ items: Task[]; total: number }> {
    const [items, total] = await this.dataSource.manager.getRepository(Task).findAndCount({
      where: {
        organizationId,
        ...(filter.assigneeId ? { assigneeId: filter.assigneeId } : {}),
        ...(filter.status ? { status: filter.status } : {}),
      },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: window.offset,
      take: window.pageSize,
    });
    return { items, total };
  }
}
