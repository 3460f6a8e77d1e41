/** Audits: questions, respondents and reminders, and the public page where a respondent answers. `{name}` marks a value filled in by `t(key, { name })`. */
export const auditsEn = {
  'audits.pageTitle': 'Audits',
} as const;

declare module '@mailroute/web/i18n' {
  interface TextKeys extends Record<keyof typeof auditsEn, true> {}
}
