import type { ThrottlerModuleOptions } from '@nestjs/throttler';
import type { AppConfig } from '../config/app-config';

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
