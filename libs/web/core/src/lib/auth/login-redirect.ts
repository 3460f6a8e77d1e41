import type { Router, UrlTree } from '@angular/router';

/** Path segment of the login page; the shell's route and the redirects below agree through it. */
export const LOGIN_PATH = 'login';

/** Where a signed-in user lands when there is no return URL. */
export const DEFAULT_SIGNED_IN_URL = '/general-settings';

/** Paths on this origin that the web app does not serve (the API and its docs). */
const OUTSIDE_THE_APP = ['/api'];

/** A base that no real page has, to resolve a candidate and see whether it stays on it. */
const PROBE_ORIGIN = 'https://mailroute.invalid';

/** `/login?returnUrl=…`, leaving the return URL out when it would point back at the login page. */
export function loginUrlTree(router: Router, returnUrl: string): UrlTree {
  const keep = returnUrl !== '/' && !isLoginUrl(returnUrl);
  return router.createUrlTree(['/', LOGIN_PATH], keep ? { queryParams: { returnUrl } } : {});
}

function isLoginUrl(path: string): boolean {
  return path === `/${LOGIN_PATH}` || path.startsWith(`/${LOGIN_PATH}/`);
}

/** Percent-decoded until stable (bounded), so `%2F%2Fhost` is judged as `//host`; null when malformed. */
function fullyDecoded(value: string): string | null {
  let current = value;
  for (let round = 0; round < 5; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) {
      return current;
    }
    current = next;
  }
  return null;
}

/**
 * The in-app URL to open after signing in, or the home page. Only a path of this app on this
 * origin is followed, so a crafted link cannot send someone elsewhere after they sign in:
 * `//host`, `/\host`, `https://…`, `javascript:…`, control characters, their percent-encoded
 * spellings, API paths and the login page itself are all refused.
 */
export function safeReturnUrl(candidate: string | null | undefined): string {
  if (!candidate) {
    return DEFAULT_SIGNED_IN_URL;
  }
  const decoded = fullyDecoded(candidate);
  if (
    decoded === null ||
    !candidate.startsWith('/') ||
    !decoded.startsWith('/') ||
    decoded.startsWith('//') ||
    decoded.includes('\\') ||
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f]/.test(decoded)
  ) {
    return DEFAULT_SIGNED_IN_URL;
  }
  let resolved: URL;
  try {
    resolved = new URL(candidate, PROBE_ORIGIN);
  } catch {
    return DEFAULT_SIGNED_IN_URL;
  }
  const path = resolved.pathname;
  const decodedPath = fullyDecoded(path) ?? path;
  if (
    resolved.origin !== PROBE_ORIGIN ||
    isLoginUrl(decodedPath) ||
    OUTSIDE_THE_APP.some((prefix) => decodedPath === prefix || decodedPath.startsWith(`${prefix}/`))
  ) {
    return DEFAULT_SIGNED_IN_URL;
  }
  return `${path}${resolved.search}${resolved.hash}`;
}
