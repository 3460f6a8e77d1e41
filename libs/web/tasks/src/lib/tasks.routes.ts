import type { Routes } from '@angular/router';

/** The signed-in pages of this feature, composed by the app as `shellRoutes({ areas })`. */
export const tasksRoutes: Routes = [];
