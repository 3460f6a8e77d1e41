import type { Translation } from '@mailroute/web/i18n';
import type { membersEn } from './en';

export const membersFr: Translation<typeof membersEn> = {
  'members.pageTitle': 'Membres',
};
