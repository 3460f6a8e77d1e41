import type { Routes } from '@angular/router';
import { navLabel } from '@mailroute/web/core';
import { pageTitle, provideTexts } from '@mailroute/web/i18n';
import { auditsTexts } from './i18n/audits.texts';

/** The signed-in pages of this feature, composed by the app as `shellRoutes({ areas })`. */
export const auditsRoutes: Routes = [
  {
    path: 'audits',
    data: navLabel('nav.audits'),
    providers: [provideTexts(auditsTexts)],
    children: [
      {
        path: '',
        title: pageTitle('audits.pageTitle'),
        loadComponent: () => import('./list/audits-page.component').then((m) => m.AuditsPageComponent),
      },
      {
        // The link of the "respondent answered" email.
        path: ':id',
        title: pageTitle('audits.detail.pageTitle'),
        loadComponent: () =>
          import('./detail/audit-detail-page.component').then((m) => m.AuditDetailPageComponent),
      },
    ],
  },
];

/**
 * The page a respondent's email links to (`/audits/respond/:token`), composed as
 * `shellRoutes({ publicPages })`: matched before the signed-in layout, so it needs no sign-in and
 * wins over `audits/:id`.
 */
export const auditsPublicPages: Routes = [
  {
    path: 'audits/respond/:token',
    title: pageTitle('audits.respond.pageTitle'),
    providers: [provideTexts(auditsTexts)],
    loadComponent: () =>
      import('./respond/audit-respond-page.component').then((m) => m.AuditRespondPageComponent),
  },
];
