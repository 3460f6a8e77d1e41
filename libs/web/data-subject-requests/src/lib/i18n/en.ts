/** Data subject requests: the list, one request with its message thread and each message’s delivery. `{name}` marks a value filled in by `t(key, { name })`. */
export const dataSubjectRequestsEn = {
  'dataSubjectRequests.pageTitle': 'Data subject requests',
} as const;

declare module '@mailroute/web/i18n' {
  interface TextKeys extends Record<keyof typeof dataSubjectRequestsEn, true> {}
}
