import { defineTexts } from '../text-catalogue';
import { appEn } from './en';
import { appFr } from './fr';

/** Registered by the I18nService itself: these keys work on every page. */
export const appTexts = defineTexts('app', appEn, appFr);
