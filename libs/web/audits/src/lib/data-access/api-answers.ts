import { HttpErrorResponse } from '@angular/common/http';
import { apiErrorBody } from '@mailroute/web/core';

/** The API's stable error code (`audit_questions_locked`, …), else null. */
export function errorCode(error: unknown): string | null {
  return apiErrorBody(error)?.code ?? null;
}

export function isNotFound(error: unknown): boolean {
  return error instanceof HttpErrorResponse && error.status === 404;
}
