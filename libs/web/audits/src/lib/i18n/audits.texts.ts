import { defineTexts } from '@mailroute/web/i18n';
import { auditsEn } from './en';
import { auditsFr } from './fr';

export const auditsTexts = defineTexts('audits', auditsEn, auditsFr);
