import type { Data, Route } from '@angular/router';
import type { TranslationKey } from '../i18n/en';
import { isTranslationKey } from '../i18n/dictionaries';

const NAV_LABEL = 'navLabel';

/**
 * Route data that lists the route in its parent's navigation (main nav, settings tabs) under
 * this label. Navigation is read from the route config, so the app adds a section by adding a route.
 */
export function navLabel(key: TranslationKey): Data {
  return { [NAV_LABEL]: key };
}

export interface NavEntry {
  /** Path relative to the parent route. */
  path: string;
  label: TranslationKey;
}

/** The labelled children of a route config, in declaration order. */
export function navEntries(routes: readonly Route[] | undefined): NavEntry[] {
  const entries: NavEntry[] = [];
  for (const route of routes ?? []) {
    const label: unknown = route.data?.[NAV_LABEL];
    if (route.path !== undefined && isTranslationKey(label)) {
      entries.push({ path: route.path, label });
    }
  }
  return entries;
}
