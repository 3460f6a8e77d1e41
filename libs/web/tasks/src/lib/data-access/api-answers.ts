import { HttpErrorResponse } from '@angular/common/http';
import { apiFieldErrors } from '@mailroute/web/core';

/** The 403 of a change by someone who is neither the assignee, the creator nor an admin. */
export function isChangeForbidden(error: unknown): boolean {
  return error instanceof HttpErrorResponse && error.status === 403;
}

/** A 404, or a 400 on the id itself (`/tasks/<not-a-uuid>` is as unknown as another organization's task). */
export function isNotFound(error: unknown): boolean {
  return (
    error instanceof HttpErrorResponse &&
    (error.status === 404 || (error.status === 400 && apiFieldErrors(error).length === 0))
  );
}
