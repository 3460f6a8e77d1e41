import { defineTexts } from '@mailroute/web/i18n';
import { dataSubjectRequestsEn } from './en';
import { dataSubjectRequestsFr } from './fr';

export const dataSubjectRequestsTexts = defineTexts(
  'data-subject-requests',
  dataSubjectRequestsEn,
  dataSubjectRequestsFr,
);
