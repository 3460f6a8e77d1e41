export { NotificationsModule } from './lib/notifications.module';
export { notificationsSchema } from './lib/notifications-schema';
export * from './lib/notification-types';
