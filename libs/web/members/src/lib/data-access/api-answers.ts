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

/** The stable `code` of a 404 or 409 answer (e.g. `invitation_expired`, `last_admin`), else `null`. */
export function refusalCode(error: unknown): string | null {
  if (!(error instanceof HttpErrorResponse) || (error.status !== 404 && error.status !== 409)) {
    return null;
  }
  return apiErrorBody(error)?.code ?? null;
}
