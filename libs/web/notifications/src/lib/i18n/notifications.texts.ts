import { defineTexts } from '@mailroute/web/i18n';
import { notificationsEn } from './en';
import { notificationsFr } from './fr';

export const notificationsTexts = defineTexts('notifications', notificationsEn, notificationsFr);
