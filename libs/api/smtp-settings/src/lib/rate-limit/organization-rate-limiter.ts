import { Injectable } from '@nestjs/common';
import { AppConfig, DomainError, type OrganizationId } from '@mailroute/api/core';

const WINDOW_MS = 60_000;

export class TooManySmtpTestsError extends DomainError {
  readonly kind = 'rate_limited';
  readonly code = 'smtp_test_rate_limited';
  override readonly details: { retryAfterSeconds: number };

  constructor(retryAfterSeconds: number) {
    super(`Too many SMTP tests for this organization: try again in ${retryAfterSeconds} s.`);
    this.details = { retryAfterSeconds };
  }
}

/**
 * At most N connection tests (saving included) per organization per minute, in a sliding
 * window: each test connects to an outside server, so an organization must not be able to use
 * Mailroute to hammer one. Per process; several instances each allow N.
 */
@Injectable()
export class OrganizationRateLimiter {
  private readonly recent = new Map<OrganizationId, number[]>();

  constructor(private readonly config: AppConfig) {}

  /** Counts one test for the organization, or throws when its budget for the window is spent. */
  consume(organizationId: OrganizationId, now = Date.now()): void {
    const limit = this.config.smtpSettings.rateLimitPerMinute;
    const times = (this.recent.get(organizationId) ?? []).filter((at) => at > now - WINDOW_MS);
    if (times.length >= limit) {
      const oldest = times[0] ?? now;
      this.recent.set(organizationId, times);
      throw new TooManySmtpTestsError(Math.max(1, Math.ceil((oldest + WINDOW_MS - now) / 1000)));
    }
    times.push(now);
    this.recent.set(organizationId, times);
    this.forgetIdle(now);
  }

  /** Keeps the map to the organizations that tested within the window. */
  private forgetIdle(now: number): void {
    if (this.recent.size < 1000) {
      return;
    }
    for (const [organizationId, times] of this.recent) {
      if ((times[times.length - 1] ?? 0) <= now - WINDOW_MS) {
        this.recent.delete(organizationId);
      }
    }
  }
}
