import { HttpErrorResponse } from '@angular/common/http';
import { apiErrorBody } from '@mailroute/web/core';

/** The stable `code` of a 404 or 409 answer (e.g. `invitation_expired`, `last_admin`), else `null`. */
export function refusalCode(error: unknown): string | null {
  if (!(error instanceof HttpErrorResponse) || (error.status !== 404 && error.status !== 409)) {
    return null;
  }
  return apiErrorBody(error)?.code ?? null;
}
