import type { Routes } from '@angular/router';
import { navLabel } from '@mailroute/web/core';
import { pageTitle, provideTexts } from '@mailroute/web/i18n';
import { smtpSettingsTexts } from './i18n/smtp-settings.texts';

/**
 * The sections this feature adds to General settings (`shellRoutes({ generalSettingsSections })`):
 * the SMTP server and the email log, one tab each, each page in its own lazy chunk. Each section
 * registers the feature's texts, so either one can be the first page opened.
 */
export const smtpSettingsSections: Routes = [
  {
    path: 'smtp',
    title: pageTitle('smtp.pageTitle'),
    data: navLabel('nav.smtp'),
    providers: [provideTexts(smtpSettingsTexts)],
    loadComponent: () =>
      import('./page/smtp-settings-page.component').then((m) => m.SmtpSettingsPageComponent),
  },
  {
    path: 'email-log',
    title: pageTitle('emailLog.pageTitle'),
    data: navLabel('nav.emailLog'),
    providers: [provideTexts(smtpSettingsTexts)],
    loadComponent: () => import('./email-log/email-log-page.component').then((m) => m.EmailLogPageComponent),
  },
];
