import { HttpErrorResponse } from '@angular/common/http';
import { apiFieldErrors } from '@mailroute/web/core';

/**
 * A 404, or a 400 on the id itself: `/processing-activities/<not-a-uuid>` is as unknown as an
 * activity of another organization.
 */
export function isNotFound(error: unknown): boolean {
  return (
    error instanceof HttpErrorResponse &&
    (error.status === 404 || (error.status === 400 && apiFieldErrors(error).length === 0))
  );
}
