import type { Routes } from '@angular/router';
import { shellRoutes } from '@mailroute/web/shell';
import { smtpSettingsSections } from '@mailroute/web/smtp-settings';

/** Features are composed here: each adds its sections of General settings through `shellRoutes`. */
export const appRoutes: Routes = [...shellRoutes({ generalSettingsSections: smtpSettingsSections })];
