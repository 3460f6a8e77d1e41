import type { FieldError } from '@mailroute/shared/contracts';

/** What went wrong, in terms the HTTP layer maps to a status once (see ApiExceptionFilter). */
export type DomainErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unprocessable'
  | 'rate_limited'
  | 'unavailable';

/**
 * Services throw small subclasses of this; they never know about HTTP. `code` is stable for
 * programs, `message` is for people and must never hold a secret, SQL or a stack trace.
 */
export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  abstract readonly code: string;
  /** Field-level problems, for `invalid` errors. */
  readonly errors?: FieldError[];
  /** Extra, documented members of the error body (e.g. a connection test report). */
  readonly details?: Record<string, unknown>;
  /** For `rate_limited` errors: seconds until a new attempt may succeed, sent as the standard `Retry-After` header. */
  readonly retryAfterSeconds?: number;
}

export class RequestValidationError extends DomainError {
  readonly kind = 'invalid';
  readonly code = 'validation_failed';

  constructor(override readonly errors: FieldError[]) {
    super(errors.length === 1 ? `${errors[0]?.field}: ${errors[0]?.reason}` : 'Some fields are invalid.');
  }
}

export class NotFoundError extends DomainError {
  readonly kind = 'not_found';
  readonly code = 'not_found';

  constructor(what: string) {
    super(`${what} was not found.`);
  }
}
