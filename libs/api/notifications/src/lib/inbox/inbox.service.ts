import { Injectable } from '@nestjs/common';
import {
  type NotificationInboxPage,
  type NotificationPreferencesView,
  type NotificationView,
  webPagePath,
} from '@mailroute/shared/contracts';
import {
  NotFoundError,
  pageWindow,
  type Principal,
  toPage,
  type User,
  UsersRepository,
} from '@mailroute/api/core';
import type { ListNotificationsQuery } from '../dto/list-notifications.query';
import type { UpdateNotificationPreferencesDto } from '../dto/update-notification-preferences.dto';
import { personView } from '../person-view';
import { NotificationPreferences } from '../preferences/notification-preferences.entity';
import { PreferencesRepository } from '../preferences/preferences.repository';
import { InboxRepository } from './inbox.repository';
import type { Notification } from './notification.entity';

/** The signed-in user's own notifications and email preferences: nobody reads another's. */
@Injectable()
export class InboxService {
  constructor(
    private readonly inbox: InboxRepository,
    private readonly preferences: PreferencesRepository,
    private readonly users: UsersRepository,
  ) {}

  async list(principal: Principal, query: ListNotificationsQuery): Promise<NotificationInboxPage> {
    const window = pageWindow(query);
    const unreadOnly = query.unread === 'true';
    const [{ items, total }, unreadCount] = await Promise.all([
      this.inbox.page(principal.organizationId, principal.userId, { unreadOnly }, window),
      this.inbox.unreadCount(principal.organizationId, principal.userId),
    ]);
    const people = await this.users.findByIds(
      principal.organizationId,
      items.flatMap((item) => (item.actorId ? [item.actorId] : [])),
    );
    return {
      ...toPage(
        items.map((item) => notificationView(item, people)),
        total,
        window,
      ),
      unreadCount,
    };
  }

  async markRead(principal: Principal, id: string): Promise<NotificationView> {
    const { organizationId, userId } = principal;
    const notification = await this.inbox.find(organizationId, userId, id);
    if (!notification) {
      throw new NotFoundError('The notification');
    }
    if (notification.readAt === null) {
      notification.readAt = new Date();
      await this.inbox.markRead(organizationId, userId, { id }, notification.readAt);
    }
    const people = await this.users.findByIds(
      organizationId,
      notification.actorId ? [notification.actorId] : [],
    );
    return notificationView(notification, people);
  }

  async markAllRead(principal: Principal): Promise<NotificationInboxPage> {
    await this.inbox.markRead(principal.organizationId, principal.userId, 'all', new Date());
    return this.list(principal, {});
  }

  async getPreferences(principal: Principal): Promise<NotificationPreferencesView> {
    return preferencesView(await this.preferences.find(principal.organizationId, principal.userId));
  }

  async updatePreferences(
    principal: Principal,
    input: UpdateNotificationPreferencesDto,
  ): Promise<NotificationPreferencesView> {
    const current = preferencesView(await this.preferences.find(principal.organizationId, principal.userId));
    const next = { ...current, ...definedOnly(input) };
    const saved = await this.preferences.save(
      Object.assign(new NotificationPreferences(), {
        userId: principal.userId,
        organizationId: principal.organizationId,
        emailCommentAdded: next.commentAdded,
        emailTaskAssigned: next.taskAssigned,
        emailTaskCompleted: next.taskCompleted,
      } satisfies Partial<NotificationPreferences>),
    );
    return preferencesView(saved);
  }
}

function definedOnly(input: UpdateNotificationPreferencesDto): Partial<NotificationPreferencesView> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
}

function preferencesView(preferences: NotificationPreferences | null): NotificationPreferencesView {
  return {
    commentAdded: preferences?.emailCommentAdded ?? true,
    taskAssigned: preferences?.emailTaskAssigned ?? true,
    taskCompleted: preferences?.emailTaskCompleted ?? true,
  };
}

export function notificationPath(notification: Pick<Notification, 'aboutType' | 'aboutId'>): string {
  switch (notification.aboutType) {
    case 'processing_activity':
      return webPagePath('activity', { activityId: notification.aboutId });
    case 'task':
      return webPagePath('task', { taskId: notification.aboutId });
  }
}

function notificationView(notification: Notification, people: Map<string, User>): NotificationView {
  return {
    id: notification.id,
    kind: notification.kind,
    actor: personView(people, notification.actorId),
    about: {
      type: notification.aboutType,
      id: notification.aboutId,
      name: notification.aboutName,
      path: notificationPath(notification),
    },
    excerpt: notification.excerpt,
    readAt: notification.readAt ? notification.readAt.toISOString() : null,
    createdAt: notification.createdAt.toISOString(),
    emailId: notification.emailId,
  };
}
