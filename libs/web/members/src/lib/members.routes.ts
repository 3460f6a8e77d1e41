import type { Routes } from '@angular/router';

/** The Members section of General settings, composed as `shellRoutes({ generalSettingsSections })`. */
export const membersSections: Routes = [];

/** The page an invitation email links to (`/invitations/:token`), composed as `shellRoutes({ publicPages })`. */
export const membersPublicPages: Routes = [];
