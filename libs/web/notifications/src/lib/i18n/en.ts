/** The notification inbox and notification preferences. `{name}` marks a value filled in by `t(key, { name })`. */
export const notificationsEn = {
  'notifications.pageTitle': 'Notifications',
} as const;

declare module '@mailroute/web/i18n' {
  interface TextKeys extends Record<keyof typeof notificationsEn, true> {}
}
