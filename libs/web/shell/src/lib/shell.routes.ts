import type { Routes } from '@angular/router';
import { authGuard, LOGIN_PATH, navLabel, signedOutGuard } from '@mailroute/web/core';
import { pageTitle, provideTexts } from '@mailroute/web/i18n';
import { shellTexts } from './i18n/shell.texts';

export interface ShellRoutesOptions {
  /**
   * Pages that need no sign-in, opened from an email's link (accept an invitation, answer an
   * audit). Matched before the signed-in layout, so `audits/respond/:token` wins over `audits/:id`.
   */
  publicPages?: Routes;
  /**
   * More sections of General settings, e.g. `{ path: 'smtp', data: navLabel('…'), loadComponent: … }`.
   * Each one with `navLabel` data gets a tab after "Organization".
   */
  generalSettingsSections?: Routes;
  /** More signed-in areas beside General settings; each one with `navLabel` data gets a main-nav entry. */
  areas?: Routes;
}

/**
 * `/login`, the public pages, and the signed-in layout at `''` (guarded) with `general-settings`
 * as its default page. An unknown address shows "page not found" inside the guarded layout: a
 * signed-out visitor signs in first and comes back to that exact address (no redirect rewrites it).
 */
export function shellRoutes(options: ShellRoutesOptions = {}): Routes {
  return [
    {
      path: LOGIN_PATH,
      title: pageTitle('login.pageTitle'),
      canActivate: [signedOutGuard],
      providers: [provideTexts(shellTexts)],
      loadComponent: () => import('./login/login-page.component').then((m) => m.LoginPageComponent),
    },
    ...(options.publicPages ?? []),
    {
      path: '',
      canActivate: [authGuard],
      providers: [provideTexts(shellTexts)],
      loadComponent: () => import('./layout/shell-layout.component').then((m) => m.ShellLayoutComponent),
      children: [
        { path: '', pathMatch: 'full', redirectTo: 'general-settings' },
        {
          path: 'general-settings',
          title: pageTitle('generalSettings.pageTitle'),
          data: navLabel('nav.generalSettings'),
          loadComponent: () =>
            import('./general-settings/general-settings-page.component').then(
              (m) => m.GeneralSettingsPageComponent,
            ),
          children: [
            { path: '', pathMatch: 'full', redirectTo: 'organization' },
            {
              path: 'organization',
              title: pageTitle('organization.pageTitle'),
              data: navLabel('nav.organization'),
              loadComponent: () =>
                import('./general-settings/organization-overview.component').then(
                  (m) => m.OrganizationOverviewComponent,
                ),
            },
            ...(options.generalSettingsSections ?? []),
          ],
        },
        ...(options.areas ?? []),
        {
          path: '**',
          title: pageTitle('notFound.pageTitle'),
          loadComponent: () =>
            import('./not-found/not-found-page.component').then((m) => m.NotFoundPageComponent),
        },
      ],
    },
  ];
}
