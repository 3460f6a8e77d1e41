import type { Routes } from '@angular/router';
import { navLabel } from '@mailroute/web/core';
import { pageTitle, provideTexts } from '@mailroute/web/i18n';
import { membersTexts } from './i18n/members.texts';

/** The Members section of General settings, composed as `shellRoutes({ generalSettingsSections })`. */
export const membersSections: Routes = [
  {
    path: 'members',
    title: pageTitle('members.pageTitle'),
    data: navLabel('nav.members'),
    providers: [provideTexts(membersTexts)],
    loadComponent: () => import('./members/members-page.component').then((m) => m.MembersPageComponent),
  },
];

/**
 * The page an invitation email links to (`/invitations/:token`, built by the API from PUBLIC_URL),
 * composed as `shellRoutes({ publicPages })`: no sign-in, the token is the credential.
 */
export const membersPublicPages: Routes = [
  {
    path: 'invitations/:token',
    title: pageTitle('members.accept.pageTitle'),
    providers: [provideTexts(membersTexts)],
    loadComponent: () =>
      import('./accept/accept-invitation-page.component').then((m) => m.AcceptInvitationPageComponent),
  },
];
