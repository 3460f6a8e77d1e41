import type { Data, Route } from '@angular/router';
import type { TranslationKey } from '@mailroute/web/i18n';

const NAV_LABEL = 'navLabel';

/**
 * A navigation label: an app-wide `nav.*` text, because the shell shows a feature's entry before
 * the feature (and its own texts) is loaded.
 */
export type NavLabelKey = Extract<TranslationKey, `nav.${string}`>;

/**
 * Route data that lists the route in its parent's navigation (main nav, settings tabs) under
 * this label. Navigation is read from the route config, so the app adds a section by adding a route.
 */
export function navLabel(key: NavLabelKey): Data {
  return { [NAV_LABEL]: key };
}

export interface NavEntry {
  /** Path relative to the parent route. */
  path: string;
  label: NavLabelKey;
}

/** The labelled children of a route config, in declaration order. */
export function navEntries(routes: readonly Route[] | undefined): NavEntry[] {
  const entries: NavEntry[] = [];
  for (const route of routes ?? []) {
    const label: unknown = route.data?.[NAV_LABEL];
    if (route.path !== undefined && typeof label === 'string' && label.startsWith('nav.')) {
      entries.push({ path: route.path, label: label as NavLabelKey });
    }
  }
  return entries;
}
