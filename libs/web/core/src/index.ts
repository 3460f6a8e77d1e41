export { WEB_STORAGE, NOW } from './lib/browser-storage';
export { SessionService } from './lib/session/session.service';
export { AuthService } from './lib/auth/auth.service';
export { authInterceptor } from './lib/auth/auth.interceptor';
export { authGuard, adminGuard, signedOutGuard } from './lib/auth/auth.guards';
export { LOGIN_PATH, DEFAULT_SIGNED_IN_URL, loginUrlTree, safeReturnUrl } from './lib/auth/login-redirect';
export { API_PREFIX, API_PATHS, isApiUrl } from './lib/api/api-paths';
export { apiErrorBody, isServerUnreachable } from './lib/api/api-error';
export { AuthApi } from './lib/api/auth.api';
export { CurrentUserApi } from './lib/api/current-user.api';
export { OrganizationApi } from './lib/api/organization.api';
export { en, type TranslationKey, type Dictionary } from './lib/i18n/en';
export { fr } from './lib/i18n/fr';
export {
  DICTIONARIES,
  isTranslationKey,
  languageNameKey,
  roleKey,
  interpolate,
  type TranslationParams,
} from './lib/i18n/dictionaries';
export { I18nService } from './lib/i18n/i18n.service';
export { TranslatePipe } from './lib/i18n/translate.pipe';
export { LocalDatePipe } from './lib/i18n/local-date.pipe';
export { TranslatedTitleStrategy, pageTitle } from './lib/i18n/translated-title.strategy';
export { navLabel, navEntries, type NavEntry } from './lib/navigation/nav-label';
export { provideMailrouteCore } from './lib/provide-mailroute-core';
