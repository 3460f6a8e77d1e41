import type { Routes } from '@angular/router';

/** The signed-in pages of this feature, composed by the app as `shellRoutes({ areas })`. */
export const auditsRoutes: Routes = [];

/** The page a respondent's email links to (`/audits/respond/:token`), composed as `shellRoutes({ publicPages })`. */
export const auditsPublicPages: Routes = [];
