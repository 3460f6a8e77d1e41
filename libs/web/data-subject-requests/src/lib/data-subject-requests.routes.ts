import type { Routes } from '@angular/router';
import { navLabel } from '@mailroute/web/core';
import { pageTitle, provideTexts } from '@mailroute/web/i18n';
import { dataSubjectRequestsTexts } from './i18n/data-subject-requests.texts';

export const DATA_SUBJECT_REQUESTS_PATH = 'data-subject-requests';

/**
 * The signed-in pages of this feature, composed by the app as `shellRoutes({ areas })`: the list
 * (with recording a request) and one request with its thread, each in its own lazy chunk.
 */
export const dataSubjectRequestsRoutes: Routes = [
  {
    path: DATA_SUBJECT_REQUESTS_PATH,
    data: navLabel('nav.dataSubjectRequests'),
    providers: [provideTexts(dataSubjectRequestsTexts)],
    children: [
      {
        path: '',
        title: pageTitle('dataSubjectRequests.pageTitle'),
        loadComponent: () =>
          import('./list/data-subject-requests-page.component').then(
            (m) => m.DataSubjectRequestsPageComponent,
          ),
      },
      {
        path: ':id',
        title: pageTitle('dataSubjectRequests.detail.pageTitle'),
        loadComponent: () =>
          import('./detail/data-subject-request-page.component').then(
            (m) => m.DataSubjectRequestPageComponent,
          ),
      },
    ],
  },
];
