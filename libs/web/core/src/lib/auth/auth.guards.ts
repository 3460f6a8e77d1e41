import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import { SessionService } from '../session/session.service';
import { AuthService } from './auth.service';
import { DEFAULT_SIGNED_IN_URL, loginUrlTree } from './login-redirect';

/**
 * Lets signed-in users through and makes sure the current user is loaded; everyone else goes
 * to the login page with the requested URL to come back to.
 */
export const authGuard: CanActivateFn = async (_route, state) => {
  const session = inject(SessionService);
  const auth = inject(AuthService);
  const router = inject(Router);

  if (session.validToken() === null) {
    return loginUrlTree(router, state.url);
  }
  if (session.currentUser() !== null) {
    return true;
  }
  try {
    await auth.loadCurrentUser();
    return true;
  } catch {
    // A 401 has dropped the session (see authInterceptor). Any other failure (API unreachable)
    // keeps the token: the layout says the account could not be loaded and offers a retry.
    return session.isAuthenticated() ? true : loginUrlTree(router, state.url);
  }
};

/** For routes only organization admins may open. Place under a route guarded by `authGuard`. */
export const adminGuard: CanActivateFn = () => {
  const session = inject(SessionService);
  return session.isAdmin() || inject(Router).parseUrl(DEFAULT_SIGNED_IN_URL);
};

/** Keeps signed-in users off the login page. */
export const signedOutGuard: CanActivateFn = () => {
  const session = inject(SessionService);
  return session.validToken() === null || inject(Router).parseUrl(DEFAULT_SIGNED_IN_URL);
};
