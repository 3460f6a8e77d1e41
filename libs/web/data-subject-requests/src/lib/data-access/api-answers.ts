import { HttpErrorResponse } from '@angular/common/http';
import { apiErrorBody, isServerUnreachable } from '@mailroute/web/core';

/** Seconds to wait after a 429: the body's `retryAfterSeconds`, else the `Retry-After` header, else 60. */
export function retryAfterSeconds(error: unknown): number | null {
  if (!(error instanceof HttpErrorResponse) || error.status !== 429) {
    return null;
  }
  const body: unknown = error.error;
  if (typeof body === 'object' && body !== null && 'retryAfterSeconds' in body) {
    const seconds = body.retryAfterSeconds;
    if (typeof seconds === 'number') {
      return seconds;
    }
  }
  const header = Number(error.headers.get('Retry-After'));
  return Number.isFinite(header) && header > 0 ? header : 60;
}

/**
 * The request is not there for this user: 404 (another organization's, or deleted), or 400 for an
 * id that is not a UUID (a mistyped address).
 */
export function isMissingRequest(error: unknown): boolean {
  return error instanceof HttpErrorResponse && (error.status === 404 || error.status === 400);
}

/** What went wrong, in the words a page shows, when it is neither a field error nor a rate limit. */
export type Failure = 'unreachable' | 'forbidden' | 'notFound' | 'refused';

export function failureOf(error: unknown): Failure {
  if (isServerUnreachable(error)) {
    return 'unreachable';
  }
  if (error instanceof HttpErrorResponse && error.status === 403) {
    return 'forbidden';
  }
  if (error instanceof HttpErrorResponse && error.status === 404) {
    return 'notFound';
  }
  return 'refused';
}

/** The API's own sentence for a 4xx/5xx, when it gave one. */
export function apiMessage(error: unknown): string | null {
  return apiErrorBody(error)?.message ?? null;
}
