import { describeSchemaMigrations } from '@mailroute/api/core/testing';
import { mailSchema } from '@mailroute/api/mail';
import { notificationsSchema } from './notifications-schema';

describeSchemaMigrations({
  name: 'Notifications',
  dependsOn: [mailSchema],
  schema: notificationsSchema,
  tables: [
    'processing_activities',
    'processing_activity_comments',
    'processing_activity_watchers',
    'tasks',
    'notifications',
    'notification_preferences',
  ],
  keeps: 'outbound_emails',
  lastMigration: 'CreateNotifications1764300000000',
});
