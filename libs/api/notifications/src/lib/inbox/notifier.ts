import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { newId, type OrganizationId, type User, UsersRepository } from '@mailroute/api/core';
import { MailerService } from '@mailroute/api/mail';
import type { ActivityComment } from '../activities/activity-comment.entity';
import type { ProcessingActivity } from '../activities/processing-activity.entity';
import type { NotificationKind } from '@mailroute/shared/contracts';

import type { NotificationPreferences } from '../preferences/notification-preferences.entity';
import { PreferencesRepository } from '../preferences/preferences.repository';
import type { Task } from '../tasks/task.entity';
import {
  commentAddedTemplate,
  taskAssignedTemplate,
  taskCompletedTemplate,
} from '../templates/notification-templates';
import { InboxRepository } from './inbox.repository';
import { Notification } from './notification.entity';

const EXCERPT_LENGTH = 280;

/** Something that happened, the user who did it, and who is to be told. */
export type NotificationEvent = {
  organizationId: OrganizationId;
  actor: Pick<User, 'id' | 'name'>;
  recipientIds: string[];
} & (
  | { kind: 'comment_added'; activity: ProcessingActivity; comment: ActivityComment }
  | { kind: 'task_assigned'; task: Task }
  | { kind: 'task_completed'; task: Task }
);

/**
 * Stores a notification for each recipient (never the actor: nobody is told of what they did
 * themselves) and emails it, in the recipient's language, unless they switched that kind off.
 * Runs in the caller's transaction: the change, its notifications and their emails commit together.
 */
@Injectable()
export class Notifier {
  constructor(
    private readonly users: UsersRepository,
    private readonly preferences: PreferencesRepository,
    private readonly inbox: InboxRepository,
    private readonly mailer: MailerService,
  ) {}

  async notify(event: NotificationEvent, manager: EntityManager): Promise<Notification[]> {
    const ids = event.recipientIds.filter((id) => id !== event.actor.id);
    const recipients = await this.users.findByIds(event.organizationId, ids, manager);
    const preferences = await this.preferences.ofUsers(event.organizationId, [...recipients.keys()], manager);
    const stored: Notification[] = [];
    for (const recipient of recipients.values()) {
      const emailId = emailed(event.kind, preferences.get(recipient.id))
        ? await this.email(event, recipient, manager)
        : null;
      stored.push(
        await this.inbox.insert(
          Object.assign(new Notification(), {
            id: newId(),
            organizationId: event.organizationId,
            recipientId: recipient.id,
            kind: event.kind,
            actorId: event.actor.id,
            ...about(event),
            emailId,
            readAt: null,
            createdAt: new Date(),
          } satisfies Partial<Notification>),
          manager,
        ),
      );
    }
    return stored;
  }

  private email(event: NotificationEvent, recipient: User, manager: EntityManager): Promise<string> {
    const common = {
      organizationId: event.organizationId,
      kind: 'notification' as const,
      to: recipient.email,
      locale: recipient.locale,
    };
    switch (event.kind) {
      case 'comment_added':
        return this.mailer.send(
          {
            ...common,
            template: commentAddedTemplate,
            data: {
              actorName: event.actor.name,
              activityId: event.activity.id,
              activityName: event.activity.name,
              excerpt: excerptOf(event.comment.body),
            },
          },
          manager,
        );
      case 'task_assigned':
        return this.mailer.send(
          {
            ...common,
            template: taskAssignedTemplate,
            data: {
              actorName: event.actor.name,
              taskId: event.task.id,
              taskTitle: event.task.title,
              dueDate: event.task.dueDate,
            },
          },
          manager,
        );
      case 'task_completed':
        return this.mailer.send(
          {
            ...common,
            template: taskCompletedTemplate,
            data: { actorName: event.actor.name, taskId: event.task.id, taskTitle: event.task.title },
          },
          manager,
        );
    }
  }
}

function about(
  event: NotificationEvent,
): Pick<Notification, 'aboutType' | 'aboutId' | 'aboutName' | 'excerpt'> {
  switch (event.kind) {
    case 'comment_added':
      return {
        aboutType: 'processing_activity',
        aboutId: event.activity.id,
        aboutName: event.activity.name,
        excerpt: excerptOf(event.comment.body),
      };
    case 'task_assigned':
    case 'task_completed':
      return { aboutType: 'task', aboutId: event.task.id, aboutName: event.task.title, excerpt: null };
  }
}

export function emailed(kind: NotificationKind, preferences: NotificationPreferences | undefined): boolean {
  if (!preferences) {
    return true;
  }
  switch (kind) {
    case 'comment_added':
      return preferences.emailCommentAdded;
    case 'task_assigned':
      return preferences.emailTaskAssigned;
    case 'task_completed':
      return preferences.emailTaskCompleted;
  }
}

export function excerptOf(body: string): string {
  const text = body.trim();
  return text.length <= EXCERPT_LENGTH ? text : `${text.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…`;
}
