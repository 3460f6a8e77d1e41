/**
 * English texts: the source dictionary. Every other language is typed against these keys.
 * `{name}` marks a value filled in by `t(key, { name })`.
 */
export const en = {
  'app.productName': 'Mailroute',
  'app.skipToContent': 'Skip to main content',

  'language.label': 'Language',
  'language.en': 'English',
  'language.fr': 'Français',

  'role.admin': 'Administrator',
  'role.member': 'Member',

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
  'shell.retry': 'Try again',

  'nav.generalSettings': 'General settings',

  'generalSettings.pageTitle': 'General settings',
  'generalSettings.heading': 'General settings',
  'generalSettings.intro': 'Settings that apply to your whole organization.',
  'generalSettings.sections': 'General settings sections',
  'generalSettings.tab.organization': 'Organization',

  'organization.pageTitle': 'Organization',
  'organization.heading': 'Organization overview',
  'organization.name': 'Name',
  'organization.defaultLanguage': 'Default language',
  'organization.yourRole': 'Your role',
} as const satisfies Record<string, string>;

export type TranslationKey = keyof typeof en;

/** A complete dictionary: every English key, no other key (excess keys fail as object literals). */
export type Dictionary = { readonly [K in TranslationKey]: string };
