/** Tasks: the list, one task (assignee, due date, status). `{name}` marks a value filled in by `t(key, { name })`. */
export const tasksEn = {
  'tasks.pageTitle': 'Tasks',
} as const;

declare module '@mailroute/web/i18n' {
  interface TextKeys extends Record<keyof typeof tasksEn, true> {}
}
