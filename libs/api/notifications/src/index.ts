export { NotificationsModule } from './lib/notifications.module';
export { notificationsSchema } from './lib/notifications-schema';
