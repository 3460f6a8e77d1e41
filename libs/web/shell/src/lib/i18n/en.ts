/** The sign-in page, the signed-in layout and the Organization section of General settings. `{name}` marks a value filled in by `t(key, { name })`. */
export const shellEn = {
  'login.pageTitle': 'Sign in',
  'login.heading': 'Sign in',
  'login.intro': 'Use the email address and password of your Mailroute account.',
  'login.email': 'Email',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.submitting': 'Signing in…',
  'login.emailRequired': 'Enter your email address.',
  'login.emailInvalid': 'Enter an email address like name@example.com.',
  'login.passwordRequired': 'Enter your password.',
  'login.error.invalidCredentials': 'Email or password is incorrect.',
  'login.error.throttled': 'Too many sign-in attempts. Wait a minute, then try again.',
  'login.error.unreachable': 'The server could not be reached. Check your connection, then try again.',
  'login.error.invalidInput': 'Check the email address and password, then try again.',
  'login.error.unexpected': 'Something went wrong. Try again in a moment.',

  'shell.mainNavigation': 'Main',
  'shell.accountLabel': 'Signed in as {email}, {role}',
  'shell.organizationLabel': 'Organization',
  'shell.signOut': 'Sign out',
  'shell.accountLoadFailed': 'Your account details could not be loaded.',
  'shell.unreadOne': '{label}, 1 unread',
  'shell.unreadMany': '{label}, {count} unread',

  'generalSettings.pageTitle': 'General settings',
  'generalSettings.heading': 'General settings',
  'generalSettings.intro': 'Settings that apply to your whole organization.',
  'generalSettings.sections': 'General settings sections',

  'organization.pageTitle': 'Organization',
  'organization.heading': 'Organization overview',
  'organization.name': 'Name',
  'organization.defaultLanguage': 'Default language',
  'organization.yourRole': 'Your role',

  'notFound.pageTitle': 'Page not found',
  'notFound.heading': 'This page does not exist',
  'notFound.body': 'The link may be mistyped, or the page may have been removed.',
  'notFound.home': 'Go to General settings',
} as const;

declare module '@mailroute/web/i18n' {
  interface TextKeys extends Record<keyof typeof shellEn, true> {}
}
