import type { Router, UrlTree } from '@angular/router';

/** Path segment of the login page; the shell's route and the redirects below agree through it. */
export const LOGIN_PATH = 'login';

/** Where a signed-in user lands when there is no return URL. */
export const DEFAULT_SIGNED_IN_URL = '/general-settings';

/** `/login?returnUrl=…`, leaving the return URL out when it would point back at the login page. */
export function loginUrlTree(router: Router, returnUrl: string): UrlTree {
  const keep = returnUrl !== '/' && !isLoginUrl(returnUrl);
  return router.createUrlTree(['/', LOGIN_PATH], keep ? { queryParams: { returnUrl } } : {});
}

function isLoginUrl(url: string): boolean {
  return url === `/${LOGIN_PATH}` || url.startsWith(`/${LOGIN_PATH}?`) || url.startsWith(`/${LOGIN_PATH}/`);
}

/**
 * The in-app URL to open after signing in. Only absolute paths of this app are followed
 * (`//host` and `http:` URLs are refused) so a crafted link cannot send a user elsewhere.
 */
export function safeReturnUrl(candidate: string | null | undefined): string {
  if (!candidate || !candidate.startsWith('/') || candidate.startsWith('//') || candidate.startsWith('/\\')) {
    return DEFAULT_SIGNED_IN_URL;
  }
  return isLoginUrl(candidate) ? DEFAULT_SIGNED_IN_URL : candidate;
}
