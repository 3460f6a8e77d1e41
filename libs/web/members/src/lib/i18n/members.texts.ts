import { defineTexts } from '@mailroute/web/i18n';
import { membersEn } from './en';
import { membersFr } from './fr';

export const membersTexts = defineTexts('members', membersEn, membersFr);
