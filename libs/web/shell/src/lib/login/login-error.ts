import { HttpErrorResponse, HttpStatusCode } from '@angular/common/http';
import { apiErrorBody, isServerUnreachable } from '@mailroute/web/core';
import { type TranslationKey } from '@mailroute/web/i18n';

/** What the login banner says for a failed sign-in. Wrong email and wrong password read the same on purpose. */
export function loginErrorMessage(error: unknown): TranslationKey {
  if (isServerUnreachable(error)) {
    return 'login.error.unreachable';
  }
  const status = error instanceof HttpErrorResponse ? error.status : null;
  const code = apiErrorBody(error)?.code;
  if (status === HttpStatusCode.Unauthorized || code === 'invalid_credentials') {
    return 'login.error.invalidCredentials';
  }
  if (status === HttpStatusCode.TooManyRequests || code === 'too_many_requests') {
    return 'login.error.throttled';
  }
  if (status === HttpStatusCode.BadRequest || code === 'validation_failed') {
    return 'login.error.invalidInput';
  }
  return 'login.error.unexpected';
}
