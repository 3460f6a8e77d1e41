export { SessionService } from './lib/session/session.service';
export { AuthService } from './lib/auth/auth.service';
export { authInterceptor } from './lib/auth/auth.interceptor';
export { authGuard, adminGuard, signedOutGuard } from './lib/auth/auth.guards';
export { LOGIN_PATH, DEFAULT_SIGNED_IN_URL, loginUrlTree, safeReturnUrl } from './lib/auth/login-redirect';
export { API_PREFIX, API_PATHS, isApiUrl } from './lib/api/api-paths';
export { apiErrorBody, isServerUnreachable } from './lib/api/api-error';
export {
  apiFieldErrors,
  applyFieldErrors,
  fieldMessage,
  showFieldError,
  type FieldMessage,
  type FieldTexts,
} from './lib/api/field-errors';
export { AuthApi } from './lib/api/auth.api';
export { CurrentUserApi } from './lib/api/current-user.api';
export { OrganizationApi } from './lib/api/organization.api';
export {
  OrganizationMembersApi,
  LARGEST_FIRST_PAGE,
  type PageRequest,
} from './lib/api/organization-members.api';
export { navLabel, navEntries, type NavEntry, type NavLabelKey } from './lib/navigation/nav-label';
export {
  NotificationsApi,
  NOTIFICATIONS_PATH,
  type NotificationInboxQuery,
} from './lib/notifications/notifications.api';
export {
  UnreadNotificationsService,
  UNREAD_REFRESH_INTERVAL_MS,
} from './lib/notifications/unread-notifications.service';
