import type { Translation } from '@mailroute/web/i18n';
import type { activitiesEn } from './en';

export const activitiesFr: Translation<typeof activitiesEn> = {
  'activities.pageTitle': 'Traitements',
};
