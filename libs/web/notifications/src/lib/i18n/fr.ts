import type { Translation } from '@mailroute/web/i18n';
import type { notificationsEn } from './en';

export const notificationsFr: Translation<typeof notificationsEn> = {
  'notifications.pageTitle': 'Notifications',
};
