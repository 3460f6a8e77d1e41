import { DomainError } from '@mailroute/api/core';

/** Unknown token or id, another organization's invitation, or a link replaced by a resend. */
export class InvitationNotFoundError extends DomainError {
  readonly kind = 'not_found';
  readonly code = 'invitation_not_found';

  constructor() {
    super('This invitation does not exist or its link was replaced by a newer one.');
  }
}

export class InvitationAlreadyAcceptedError extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'invitation_already_accepted';

  constructor() {
    super('This invitation was already accepted: sign in instead.');
  }
}

export class InvitationRevokedError extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'invitation_revoked';

  constructor() {
    super('This invitation was revoked by an administrator of the organization.');
  }
}

export class InvitationExpiredError extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'invitation_expired';

  constructor() {
    super('This invitation has expired: ask an administrator of the organization to send it again.');
  }
}

/** Emails are the sign-in names, unique across the platform. */
export class EmailAlreadyRegisteredError extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'email_already_registered';

  constructor() {
    super('An account already exists for this email address.');
  }
}

export class InvitationAlreadyPendingError extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'invitation_already_pending';

  constructor() {
    super('This address already has a pending invitation: resend it instead.');
  }
}
