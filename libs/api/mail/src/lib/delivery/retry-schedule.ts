import type { MailConfig } from '@mailroute/api/core';

export type RetryPolicy = MailConfig['retry'];

export interface NextAttemptInput {
  /** Attempts made so far, the failed one included (1 after the first failure). */
  attempts: number;
  /** When the email was stored: the retry window counts from here. */
  createdAt: Date;
  now: Date;
  retry: RetryPolicy;
  /** A number in [0, 1); `Math.random` by default. Injected by tests. */
  random?: () => number;
}

/** The bounds of the delay before the next attempt, in milliseconds. */
export interface RetryDelayRange {
  minMs: number;
  maxMs: number;
}

const SECOND_MS = 1000;
const HOUR_MS = 3600 * SECOND_MS;

/**
 * The delay after the `attempts`-th failed attempt: exponential backoff `base × 2^(attempts-1)`,
 * capped at `maxDelaySeconds`, with "equal jitter": half of it fixed and half random. The fixed
 * half keeps delays from collapsing to zero (a server that just said "try later" is not hit again
 * at once); the random half spreads the emails an outage queued up, so they do not all come back
 * at the same second.
 */
export function retryDelayRange(attempts: number, retry: RetryPolicy): RetryDelayRange {
  const exponent = Math.max(Math.floor(attempts), 1) - 1;
  const ceilingMs = Math.min(retry.baseSeconds * 2 ** exponent, retry.maxDelaySeconds) * SECOND_MS;
  return { minMs: ceilingMs / 2, maxMs: ceilingMs };
}

/** The end of an email's retry window: no attempt is scheduled after it. */
export function retryDeadline(createdAt: Date, retry: RetryPolicy): Date {
  return new Date(createdAt.getTime() + retry.windowHours * HOUR_MS);
}

/**
 * When to try a failed email again, or `null` to give up (the email then fails for good, kept as a
 * dead letter): after `maxAttempts` attempts, or once the retry window since `createdAt` has passed.
 *
 * RFC 5321 §4.5.4.1 asks for retries at least 30 minutes apart and for giving up only after at
 * least 4–5 days. The first retries here come sooner, on purpose: a greylisting server or a dropped
 * connection usually clears within minutes, and these are notifications people wait for. With the
 * default policy (60 s base, 1 h cap, 120 h window, 200 attempts) the spacing reaches 30–60 minutes
 * after about half an hour, and the schedule lasts ≥ 4 days even when every random draw is 0
 * (`maxAttempts` then ends it, after ~4.04 days; with long draws the window does).
 *
 * A delay that would end past the window is shortened to end exactly at it, so the last attempt
 * is made at the window's end rather than never.
 */
export function nextAttemptAt(input: NextAttemptInput): Date | null {
  const { attempts, createdAt, now, retry } = input;
  if (attempts >= retry.maxAttempts) {
    return null;
  }
  const deadlineMs = retryDeadline(createdAt, retry).getTime();
  if (now.getTime() >= deadlineMs) {
    return null;
  }
  const { minMs, maxMs } = retryDelayRange(attempts, retry);
  const draw = (input.random ?? Math.random)();
  const jitter = Number.isFinite(draw) ? Math.min(Math.max(draw, 0), 1) : 0;
  const delayMs = Math.round(minMs + jitter * (maxMs - minMs));
  return new Date(Math.min(now.getTime() + delayMs, deadlineMs));
}
