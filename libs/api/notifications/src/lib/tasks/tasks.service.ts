import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Page, TaskView } from '@mailroute/shared/contracts';
import {
  newId,
  NotFoundError,
  type OrganizationId,
  type PageQuery,
  pageWindow,
  type Principal,
  RequestValidationError,
  toPage,
  type User,
  UsersRepository,
} from '@mailroute/api/core';
import { ActivitiesRepository } from '../activities/activities.repository';
import type { CreateTaskDto } from '../dto/create-task.dto';
import type { UpdateTaskDto } from '../dto/update-task.dto';
import { type NotificationEvent, Notifier } from '../inbox/notifier';
import { personView } from '../person-view';
import { TaskChangeForbiddenError } from '../notifications-errors';
import { Task } from './task.entity';
import { type TaskFilter, TasksRepository } from './tasks.repository';

/**
 * Tasks of the organization. Assigning (or re-assigning) notifies the assignee; completing
 * notifies the creator. The change, the notification and its email commit together.
 */
@Injectable()
export class TasksService {
  private readonly logger = new Logger('TasksService');

  constructor(
    private readonly tasks: TasksRepository,
    private readonly activities: ActivitiesRepository,
    private readonly users: UsersRepository,
    private readonly notifier: Notifier,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async create(principal: Principal, input: CreateTaskDto): Promise<TaskView> {
    const organizationId = principal.organizationId;
    const dueDate = validDueDate(input.dueDate ?? null);
    const task = await this.dataSource.transaction(async (manager) => {
      const people = await this.users.findByIds(
        organizationId,
        [principal.userId, input.assigneeId],
        manager,
      );
      const assignee = assigneeIn(people, input.assigneeId);
      if (
        input.processingActivityId !== undefined &&
        !(await this.activities.find(organizationId, input.processingActivityId, manager))
      ) {
        throw new RequestValidationError([
          {
            field: 'processingActivityId',
            reason: 'must be the id of a processing activity of your organization',
          },
        ]);
      }
      const task = await this.tasks.save(
        Object.assign(new Task(), {
          id: newId(),
          organizationId,
          title: input.title.trim(),
          description: input.description ?? '',
          status: 'open',
          assigneeId: assignee.id,
          createdById: principal.userId,
          processingActivityId: input.processingActivityId ?? null,
          dueDate,
          completedAt: null,
          createdAt: new Date(),
        } satisfies Partial<Task>),
        manager,
      );
      await this.tell(
        { kind: 'task_assigned', task, recipientIds: [assignee.id] },
        principal,
        people,
        manager,
      );
      return task;
    });
    this.logger.log({ msg: 'Task created', organizationId, taskId: task.id, assigneeId: task.assigneeId });
    return this.view(organizationId, task);
  }

  async list(organizationId: OrganizationId, filter: TaskFilter, query: PageQuery): Promise<Page<TaskView>> {
    const window = pageWindow(query);
    const { items, total } = await this.tasks.page(organizationId, filter, window);
    const people = await this.users.findByIds(
      organizationId,
      items.flatMap((task) => [task.assigneeId, task.createdById]),
    );
    return toPage(
      items.map((task) => taskView(task, people)),
      total,
      window,
    );
  }

  async get(organizationId: OrganizationId, id: string): Promise<TaskView> {
    const task = await this.tasks.find(organizationId, id);
    if (!task) {
      throw new NotFoundError('The task');
    }
    return this.view(organizationId, task);
  }

  async update(principal: Principal, id: string, input: UpdateTaskDto): Promise<TaskView> {
    const organizationId = principal.organizationId;
    const dueDate = input.dueDate === undefined ? undefined : validDueDate(input.dueDate);
    const task = await this.dataSource.transaction(async (manager) => {
      const task = await this.tasks.find(organizationId, id, manager);
      if (!task) {
        throw new NotFoundError('The task');
      }
      if (
        principal.role !== 'admin' &&
        principal.userId !== task.assigneeId &&
        principal.userId !== task.createdById
      ) {
        throw new TaskChangeForbiddenError();
      }
      const people = await this.users.findByIds(
        organizationId,
        [principal.userId, task.createdById, ...(input.assigneeId ? [input.assigneeId] : [])],
        manager,
      );
      const reassigned = input.assigneeId !== undefined && input.assigneeId !== task.assigneeId;
      if (reassigned) {
        task.assigneeId = assigneeIn(people, input.assigneeId as string).id;
      }
      const completed = input.status === 'done' && task.status !== 'done';
      if (input.status !== undefined) {
        task.status = input.status;
        task.completedAt = input.status === 'done' ? (task.completedAt ?? new Date()) : null;
      }
      if (input.title !== undefined) {
        task.title = input.title.trim();
      }
      if (input.description !== undefined) {
        task.description = input.description;
      }
      if (dueDate !== undefined) {
        task.dueDate = dueDate;
      }
      const saved = await this.tasks.save(task, manager);
      if (reassigned) {
        await this.tell(
          { kind: 'task_assigned', task: saved, recipientIds: [saved.assigneeId] },
          principal,
          people,
          manager,
        );
      }
      if (completed) {
        await this.tell(
          { kind: 'task_completed', task: saved, recipientIds: [saved.createdById] },
          principal,
          people,
          manager,
        );
      }
      return saved;
    });
    return this.view(organizationId, task);
  }

  private async tell(
    event: Pick<
      NotificationEvent & { kind: 'task_assigned' | 'task_completed' },
      'kind' | 'task' | 'recipientIds'
    >,
    principal: Principal,
    people: Map<string, User>,
    manager: EntityManager,
  ): Promise<void> {
    const actor = people.get(principal.userId) ?? { id: principal.userId, name: principal.email };
    await this.notifier.notify({ ...event, organizationId: principal.organizationId, actor }, manager);
  }

  private async view(organizationId: OrganizationId, task: Task): Promise<TaskView> {
    return taskView(task, await this.users.findByIds(organizationId, [task.assigneeId, task.createdById]));
  }
}

/** The assignee must be a user of the caller's organization: another organization's id is unknown here. */
function assigneeIn(people: Map<string, User>, assigneeId: string): User {
  const assignee = people.get(assigneeId);
  if (!assignee) {
    throw new RequestValidationError([
      { field: 'assigneeId', reason: 'must be the id of a user of your organization' },
    ]);
  }
  return assignee;
}

/** `YYYY-MM-DD` that names a real day (the DTO checked the shape; this refuses 2025-02-30). */
function validDueDate(value: string | null): string | null {
  const [year = 0, month = 0, day = 0] = (value ?? '').split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (value !== null && (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)) {
    throw new RequestValidationError([
      { field: 'dueDate', reason: 'must be a date that exists, YYYY-MM-DD' },
    ]);
  }
  return value;
}

function taskView(task: Task, people: Map<string, User>): TaskView {
  return {
    id: task.id,
    title: task.title,
    description: task.description,
    status: task.status,
    assignee: personView(people, task.assigneeId),
    createdBy: personView(people, task.createdById),
    processingActivityId: task.processingActivityId,
    dueDate: task.dueDate,
    completedAt: task.completedAt ? task.completedAt.toISOString() : null,
    createdAt: task.createdAt.toISOString(),
    updatedAt: task.updatedAt.toISOString(),
  };
}
