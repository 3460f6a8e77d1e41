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

/**
 * A 404, or a 400 on the id itself: `/processing-activities/<not-a-uuid>` is as unknown as an
 * activity of another organization.
 */
export function isNotFound(error: unknown): boolean {
  return (
    error instanceof HttpErrorResponse &&
    (error.status === 404 || (error.status === 400 && fieldErrors(error).length === 0))
  );
}
