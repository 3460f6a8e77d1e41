import { defineTexts } from '@mailroute/web/i18n';
import { activitiesEn } from './en';
import { activitiesFr } from './fr';

export const activitiesTexts = defineTexts('activities', activitiesEn, activitiesFr);
