import { HttpErrorResponse } from '@angular/common/http';
import type { FieldError } from '@mailroute/shared/contracts';
import { apiErrorBody } from '@mailroute/web/core';

/** The field errors of a 400 answer (`errors: [{ field, reason }]`), else an empty list. */
export function fieldErrors(error: unknown): FieldError[] {
  if (!(error instanceof HttpErrorResponse) || error.status !== 400) {
    return [];
  }
  return apiErrorBody(error)?.errors ?? [];
}

/** The 403 of a change by someone who is neither the assignee, the creator nor an admin. */
export function isChangeForbidden(error: unknown): boolean {
  return error instanceof HttpErrorResponse && error.status === 403;
}

/** A 404, or a 400 on the id itself (`/tasks/<not-a-uuid>` is as unknown as another organization's task). */
export function isNotFound(error: unknown): boolean {
  return (
    error instanceof HttpErrorResponse &&
    (error.status === 404 || (error.status === 400 && fieldErrors(error).length === 0))
  );
}
