import { LAST_ADMIN_ERROR_CODE } from '@mailroute/shared/contracts';
import { DomainError } from '../http/domain-error';

/** An organization always keeps one admin: nobody else could manage its members and settings. */
export class LastAdminError extends DomainError {
  readonly kind = 'conflict';
  readonly code = LAST_ADMIN_ERROR_CODE;

  constructor(change: 'remove' | 'demote') {
    super(
      change === 'remove'
        ? 'The last admin of the organization cannot be removed: make another member an admin first.'
        : 'The last admin of the organization cannot become a member: make another member an admin first.',
    );
  }
}
