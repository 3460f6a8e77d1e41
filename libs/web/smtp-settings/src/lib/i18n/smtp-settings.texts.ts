import { defineTexts } from '@mailroute/web/i18n';
import { smtpSettingsEn } from './en';
import { smtpSettingsFr } from './fr';

export const smtpSettingsTexts = defineTexts('smtp-settings', smtpSettingsEn, smtpSettingsFr);
