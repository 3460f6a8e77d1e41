import { type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerModuleOptions } from '@nestjs/throttler';
import type { AppConfig } from '../config/app-config';
import { TooManySignInAttemptsError } from './auth-errors';

const MINUTE_MS = 60_000;

/**
 * Two limits on sign-in attempts: per account (guessing one user's password from many
 * addresses) and per client address (trying many accounts). In memory, so per API instance.
 */
export function loginThrottleOptions(config: AppConfig): ThrottlerModuleOptions {
  const perAccount = config.auth.loginRateLimitPerMinute;
  return {
    throttlers: [
      {
        name: 'login-account',
        ttl: MINUTE_MS,
        limit: perAccount,
        getTracker: (request) => {
          const email: unknown = (request['body'] as Record<string, unknown> | undefined)?.['email'];
          return typeof email === 'string' ? email.trim().toLowerCase() : '';
        },
      },
      {
        name: 'login-address',
        ttl: MINUTE_MS,
        limit: perAccount * 3,
        getTracker: (request) => String(request['ip'] ?? ''),
      },
    ],
  };
}

/**
 * The throttler's guard, refusing with our own error: a 429 with the standard `Retry-After`
 * (the library only sends `Retry-After-<throttler name>`) and the API's error body, which names
 * no framework class.
 */
@Injectable()
export class LoginThrottleGuard extends ThrottlerGuard {
  protected override throwThrottlingException(
    _context: ExecutionContext,
    limit: ThrottlerLimitDetail,
  ): Promise<void> {
    // timeToBlockExpire is in seconds (rounded up) until the oldest counted attempt expires.
    throw new TooManySignInAttemptsError(Math.max(1, limit.timeToBlockExpire));
  }
}
