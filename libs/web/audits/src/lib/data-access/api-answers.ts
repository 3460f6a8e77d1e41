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

/** The API's stable error code (`audit_questions_locked`, …), else null. */
export function errorCode(error: unknown): string | null {
  return apiErrorBody(error)?.code ?? null;
}

export function isNotFound(error: unknown): boolean {
  return error instanceof HttpErrorResponse && error.status === 404;
}
