import type { Routes } from '@angular/router';
import { shellRoutes } from '@mailroute/web/shell';

/** Features are composed here; later sections of General settings join through `shellRoutes` options. */
export const appRoutes: Routes = [...shellRoutes(), { path: '**', redirectTo: '' }];
