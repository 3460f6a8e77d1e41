/** Members and invitations: the General settings section, and the public page that accepts an invitation. `{name}` marks a value filled in by `t(key, { name })`. */
export const membersEn = {
  'members.pageTitle': 'Members',
} as const;

declare module '@mailroute/web/i18n' {
  interface TextKeys extends Record<keyof typeof membersEn, true> {}
}
