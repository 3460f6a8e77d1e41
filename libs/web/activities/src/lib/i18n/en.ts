/** Processing activities: the list, one activity with its comment thread and watchers. `{name}` marks a value filled in by `t(key, { name })`. */
export const activitiesEn = {
  'activities.pageTitle': 'Processing activities',
} as const;

declare module '@mailroute/web/i18n' {
  interface TextKeys extends Record<keyof typeof activitiesEn, true> {}
}
