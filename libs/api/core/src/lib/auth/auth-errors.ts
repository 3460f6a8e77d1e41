import { DomainError } from '../http/domain-error';

export class InvalidCredentialsError extends DomainError {
  readonly kind = 'unauthenticated';
  readonly code = 'invalid_credentials';

  constructor() {
    // Deliberately the same for an unknown email and a wrong password.
    super('Email or password is incorrect.');
  }
}

export class TooManySignInAttemptsError extends DomainError {
  readonly kind = 'rate_limited';
  readonly code = 'too_many_requests';

  constructor(override readonly retryAfterSeconds: number) {
    super(`Too many sign-in attempts: try again in ${retryAfterSeconds} seconds.`);
  }
}

export class UnauthenticatedError extends DomainError {
  readonly kind = 'unauthenticated';
  readonly code = 'unauthenticated';

  constructor() {
    super('Sign in to continue: the access token is missing, invalid or expired.');
  }
}

export class AdminOnlyError extends DomainError {
  readonly kind = 'forbidden';
  readonly code = 'admin_only';

  constructor() {
    super('Only the organization’s admins can do this.');
  }
}
