import type { Translation } from '@mailroute/web/i18n';
import type { auditsEn } from './en';

export const auditsFr: Translation<typeof auditsEn> = {
  'audits.pageTitle': 'Audits',
};
