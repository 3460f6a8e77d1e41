import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { OrganizationId } from '@mailroute/api/core';
import { Task } from './task.entity';

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

  list(organizationId: OrganizationId, filter: { assigneeId?: string } = {}): Promise<Task[]> {
    return this.dataSource.manager.getRepository(Task).find({
      where: { organizationId, ...(filter.assigneeId ? { assigneeId: filter.assigneeId } : {}) },
      order: { createdAt: 'DESC', id: 'ASC' },
    });
  }
}
