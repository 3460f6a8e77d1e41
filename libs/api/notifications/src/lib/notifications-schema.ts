import type { SchemaParts } from '@mailroute/api/core';
import { ActivityComment } from './activities/activity-comment.entity';
import { ActivityWatcher } from './activities/activity-watcher.entity';
import { ProcessingActivity } from './activities/processing-activity.entity';
import { CreateNotifications1764300000000 } from './migrations/1764300000000-create-notifications';
import { AddTaskDescription1796609581150 } from './migrations/1796609581150-add-task-description';
import { Notification } from './inbox/notification.entity';
import { NotificationPreferences } from './preferences/notification-preferences.entity';
import { Task } from './tasks/task.entity';

export const notificationsSchema = {
  entities: [
    ProcessingActivity,
    ActivityComment,
    ActivityWatcher,
    Task,
    Notification,
    NotificationPreferences,
  ],
  migrations: [CreateNotifications1764300000000, AddTaskDescription1796609581150],
} satisfies SchemaParts;
