import { DomainError } from '@mailroute/api/core';

/** Unknown id, or another organization's audit. */
export class AuditNotFoundError extends DomainError {
  readonly kind = 'not_found';
  readonly code = 'audit_not_found';

  constructor() {
    super('This audit does not exist.');
  }
}

export class RespondentNotFoundError extends DomainError {
  readonly kind = 'not_found';
  readonly code = 'respondent_not_found';

  constructor() {
    super('This respondent does not exist in this audit.');
  }
}

export class RespondentAlreadyInvitedError extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'respondent_already_invited';

  constructor() {
    super('This address is already a respondent of the audit: send a reminder instead.');
  }
}

/** No one can be invited or reminded once the audit's due date is over. */
export class AuditPastDueError extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'audit_past_due';

  constructor() {
    super('The audit’s due date is over: respondents can no longer be invited or reminded.');
  }
}

/** Unknown token, or a link replaced by a reminder's. */
export class RespondentLinkNotFoundError extends DomainError {
  readonly kind = 'not_found';
  readonly code = 'respondent_link_not_found';

  constructor() {
    super('This link does not exist or was replaced by the one in a more recent reminder.');
  }
}

export class RespondentLinkExpiredError extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'respondent_link_expired';

  constructor() {
    super('This link has expired.');
  }
}
