import type { Routes } from '@angular/router';
import { navLabel } from '@mailroute/web/core';
import { pageTitle, provideTexts } from '@mailroute/web/i18n';
import { notificationsTexts } from './i18n/notifications.texts';

/**
 * The signed-in pages of this feature, composed by the app as `shellRoutes({ areas })`: the
 * inbox at `notifications` (its items link to the pages they are about) and which kinds are
 * emailed at `notifications/preferences`.
 */
export const notificationsRoutes: Routes = [
  {
    path: 'notifications',
    data: navLabel('nav.notifications'),
    providers: [provideTexts(notificationsTexts)],
    children: [
      {
        path: '',
        title: pageTitle('notifications.pageTitle'),
        loadComponent: () => import('./inbox/inbox-page.component').then((m) => m.InboxPageComponent),
      },
      {
        path: 'preferences',
        title: pageTitle('notifications.preferences.pageTitle'),
        loadComponent: () =>
          import('./preferences/preferences-page.component').then((m) => m.PreferencesPageComponent),
      },
    ],
  },
];
