import type { Translation } from '@mailroute/web/i18n';
import type { dataSubjectRequestsEn } from './en';

export const dataSubjectRequestsFr: Translation<typeof dataSubjectRequestsEn> = {
  'dataSubjectRequests.pageTitle': 'Demandes des personnes concernées',
};
