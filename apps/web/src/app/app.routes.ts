import type { Routes } from '@angular/router';
import { activitiesRoutes } from '@mailroute/web/activities';
import { auditsPublicPages, auditsRoutes } from '@mailroute/web/audits';
import { dataSubjectRequestsRoutes } from '@mailroute/web/data-subject-requests';
import { membersPublicPages, membersSections } from '@mailroute/web/members';
import { notificationsRoutes } from '@mailroute/web/notifications';
import { shellRoutes } from '@mailroute/web/shell';
import { smtpSettingsSections } from '@mailroute/web/smtp-settings';
import { tasksRoutes } from '@mailroute/web/tasks';

/**
 * Features are composed here. Areas get a main-nav entry each (in this order), sections a tab of
 * General settings, and public pages are the links of emails that need no sign-in.
 */
export const appRoutes: Routes = [
  ...shellRoutes({
    publicPages: [...membersPublicPages, ...auditsPublicPages],
    areas: [
      ...notificationsRoutes,
      ...activitiesRoutes,
      ...tasksRoutes,
      ...dataSubjectRequestsRoutes,
      ...auditsRoutes,
    ],
    generalSettingsSections: [...membersSections, ...smtpSettingsSections],
  }),
];
