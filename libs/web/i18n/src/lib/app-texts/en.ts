/**
 * Texts any page may use: the product, languages, roles, and the navigation labels (the shell shows
 * them before a feature's own texts are loaded). Each feature owns the rest in its `i18n/`.
 * `{name}` marks a value filled in by `t(key, { name })`.
 */
export const appEn = {
  'app.productName': 'Mailroute',
  'app.skipToContent': 'Skip to main content',

  'language.label': 'Language',
  'language.en': 'English',
  'language.fr': 'Français',

  'role.admin': 'Administrator',
  'role.member': 'Member',

  'nav.activities': 'Processing activities',
  'nav.tasks': 'Tasks',
  'nav.notifications': 'Notifications',
  'nav.dataSubjectRequests': 'Data subject requests',
  'nav.audits': 'Audits',
  'nav.members': 'Members',
  'nav.generalSettings': 'General settings',

  'nav.organization': 'Organization',

  'nav.smtp': 'SMTP server',
  'nav.emailLog': 'Email log',

  'common.retry': 'Try again',

  'paginator.itemsPerPage': 'Per page',
  'paginator.next': 'Next page',
  'paginator.previous': 'Previous page',
  'paginator.first': 'First page',
  'paginator.last': 'Last page',
  'paginator.range': '{start}–{end} of {total}',
} as const;

declare module '../text-catalogue' {
  interface TextKeys extends Record<keyof typeof appEn, true> {}
}
