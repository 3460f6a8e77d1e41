import type { Routes } from '@angular/router';
import { navLabel } from '@mailroute/web/core';
import { pageTitle, provideTexts } from '@mailroute/web/i18n';
import { tasksTexts } from './i18n/tasks.texts';

/**
 * The signed-in pages of this feature, composed by the app as `shellRoutes({ areas })`: the list,
 * and one task at `tasks/:id` — the link of task emails.
 */
export const tasksRoutes: Routes = [
  {
    path: 'tasks',
    data: navLabel('nav.tasks'),
    providers: [provideTexts(tasksTexts)],
    children: [
      {
        path: '',
        title: pageTitle('tasks.pageTitle'),
        loadComponent: () => import('./list/tasks-page.component').then((m) => m.TasksPageComponent),
      },
      {
        path: ':id',
        title: pageTitle('tasks.detail.pageTitle'),
        loadComponent: () => import('./detail/task-page.component').then((m) => m.TaskPageComponent),
      },
    ],
  },
];
