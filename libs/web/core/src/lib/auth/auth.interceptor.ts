import { HttpErrorResponse, type HttpInterceptorFn, HttpStatusCode } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { API_PATHS, isApiUrl } from '../api/api-paths';
import { SessionService } from '../session/session.service';
import { loginUrlTree } from './login-redirect';

/**
 * Sends the bearer token with every `/api` request. A 401 from any API call but the login itself
 * means the token is missing or expired: the session is dropped and the user is sent to the login
 * page, with the page they were on (or navigating to) as the return URL.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  if (!isApiUrl(request.url)) {
    return next(request);
  }
  const session = inject(SessionService);
  const router = inject(Router);
  const isLogin = request.url === API_PATHS.login;

  const token = isLogin ? null : session.validToken();
  const sent = token === null ? request : request.clone({ setHeaders: { Authorization: `Bearer ${token}` } });

  return next(sent).pipe(
    catchError((error: unknown) => {
      if (!isLogin && error instanceof HttpErrorResponse && error.status === HttpStatusCode.Unauthorized) {
        session.clear();
        void router.navigateByUrl(loginUrlTree(router, currentOrPendingUrl(router)));
      }
      return throwError(() => error);
    }),
  );
};

/** During a navigation (e.g. a guard loading the user) the page the user asked for, not the one they leave. */
function currentOrPendingUrl(router: Router): string {
  const navigation = router.currentNavigation();
  const target = navigation?.finalUrl ?? navigation?.extractedUrl;
  return target ? router.serializeUrl(target) : router.url;
}
