import { HttpErrorResponse } from '@angular/common/http';
import type { ConnectionTestReport, SmtpSettingsTestFailed } from '@mailroute/shared/contracts';
import { apiErrorBody } from '@mailroute/web/core';

/** The report of a refused save (422 `smtp_test_failed`), else `null`. */
export function testFailedReport(error: unknown): ConnectionTestReport | null {
  if (!(error instanceof HttpErrorResponse) || error.status !== 422) {
    return null;
  }
  const body = apiErrorBody(error) as Partial<SmtpSettingsTestFailed> | null;
  return body?.code === 'smtp_test_failed' && body.report ? body.report : null;
}

/** Seconds to wait after a 429, when the API said. */
export function retryAfterSeconds(error: unknown): number | null {
  if (!(error instanceof HttpErrorResponse) || error.status !== 429) {
    return null;
  }
  const body: unknown = error.error;
  if (typeof body === 'object' && body !== null && 'retryAfterSeconds' in body) {
    const seconds = body.retryAfterSeconds;
    return typeof seconds === 'number' ? seconds : 60;
  }
  return 60;
}

/** A save refused because the settings changed since it was tested (409 `smtp_settings_changed`). */
export function isStaleSave(error: unknown): boolean {
  return (
    error instanceof HttpErrorResponse &&
    error.status === 409 &&
    apiErrorBody(error)?.code === 'smtp_settings_changed'
  );
}

export function isForbidden(error: unknown): boolean {
  return error instanceof HttpErrorResponse && error.status === 403;
}
