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

/** A respondent's answers are in: they are not reminded, and they do not answer again. */
export class RespondentAlreadyAnsweredError extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'respondent_already_answered';

  constructor() {
    super('This respondent has already answered the audit.');
  }
}

/** The link's holder submitted their answers already: answers are given once. */
export class AnswersAlreadySubmittedError extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'answers_already_submitted';

  constructor() {
    super('Your answers to this audit are already in: they cannot be submitted again.');
  }
}

/** Questions stay as respondents answered them. */
export class AuditQuestionsLockedError extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'audit_questions_locked';

  constructor() {
    super('A respondent has answered this audit: its questions can no longer change.');
  }
}

export class TooManyQuestionsError extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'audit_question_limit_reached';

  constructor(max: number) {
    super(`An audit holds at most ${max} questions.`);
  }
}

/** Nothing to answer yet: the audit's questions have not been written. */
export class AuditWithoutQuestionsError extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'audit_has_no_questions';

  constructor() {
    super('This audit has no questions yet: there is nothing to answer.');
  }
}
