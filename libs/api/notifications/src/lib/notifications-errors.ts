import { DomainError } from '@mailroute/api/core';

/** Only the task's assignee, its creator or an admin may change it. */
export class TaskChangeForbiddenError extends DomainError {
  readonly kind = 'forbidden';
  readonly code = 'task_change_forbidden';

  constructor() {
    super('Only the task’s assignee, its creator or an admin can change it.');
  }
}
