import type { Routes } from '@angular/router';
import { navLabel } from '@mailroute/web/core';
import { pageTitle, provideTexts } from '@mailroute/web/i18n';
import { activitiesTexts } from './i18n/activities.texts';

/**
 * The signed-in pages of this feature, composed by the app as `shellRoutes({ areas })`: the
 * register, and one activity at `processing-activities/:id` — the link of comment emails.
 */
export const activitiesRoutes: Routes = [
  {
    path: 'processing-activities',
    data: navLabel('nav.activities'),
    providers: [provideTexts(activitiesTexts)],
    children: [
      {
        path: '',
        title: pageTitle('activities.pageTitle'),
        loadComponent: () =>
          import('./list/activities-page.component').then((m) => m.ActivitiesPageComponent),
      },
      {
        path: ':id',
        title: pageTitle('activities.detail.pageTitle'),
        loadComponent: () => import('./detail/activity-page.component').then((m) => m.ActivityPageComponent),
      },
    ],
  },
];
