import type { Routes } from '@angular/router';
import { navLabel, pageTitle } from '@mailroute/web/core';

/**
 * The sections this feature adds to General settings (`shellRoutes({ generalSettingsSections })`):
 * the SMTP server and the email log, one tab each, each page in its own lazy chunk.
 */
export const smtpSettingsSections: Routes = [
  {
    path: 'smtp',
    title: pageTitle('smtp.pageTitle'),
    data: navLabel('generalSettings.tab.smtp'),
    loadComponent: () =>
      import('./page/smtp-settings-page.component').then((m) => m.SmtpSettingsPageComponent),
  },
  {
    path: 'email-log',
    title: pageTitle('emailLog.pageTitle'),
    data: navLabel('generalSettings.tab.emailLog'),
    loadComponent: () => import('./email-log/email-log-page.component').then((m) => m.EmailLogPageComponent),
  },
];
