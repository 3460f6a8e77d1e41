import type { FieldError } from '@mailroute/shared/contracts';
import { DomainError } from '@mailroute/api/core';

export class InvalidRecipientError extends DomainError {
  readonly kind = 'invalid';
  readonly code = 'invalid_recipient';
  override readonly errors: FieldError[];

  constructor(field: string, reason: string) {
    super(`${field} ${reason}`);
    this.errors = [{ field, reason }];
  }
}

export class EmailNotFoundError extends DomainError {
  readonly kind = 'not_found';
  readonly code = 'email_not_found';

  constructor() {
    super('This email does not exist in your organization’s log.');
  }
}

export class EmailNotRetryableError extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'email_not_retryable';

  constructor(status: string) {
    super(`Only failed or held emails can be retried; this one is ${status}.`);
  }
}
