import type { Translation } from '@mailroute/web/i18n';
import type { tasksEn } from './en';

export const tasksFr: Translation<typeof tasksEn> = {
  'tasks.pageTitle': 'Tâches',
};
