import { defineTexts } from '@mailroute/web/i18n';
import { shellEn } from './en';
import { shellFr } from './fr';

export const shellTexts = defineTexts('shell', shellEn, shellFr);
