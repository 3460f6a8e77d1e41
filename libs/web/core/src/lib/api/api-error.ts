import { HttpErrorResponse } from '@angular/common/http';
import type { ApiErrorBody } from '@mailroute/shared/contracts';

/** The API's error body when `error` is an HTTP error answer carrying one, else `null`. */
export function apiErrorBody(error: unknown): ApiErrorBody | null {
  if (!(error instanceof HttpErrorResponse)) {
    return null;
  }
  const body: unknown = error.error;
  if (typeof body === 'object' && body !== null && 'code' in body && typeof body.code === 'string') {
    return body as ApiErrorBody;
  }
  return null;
}

/**
 * True when the request never got an answer from the API: the network is down (status 0) or a
 * proxy answered in its place (502/503/504, e.g. the dev-server proxy while the API is stopped).
 */
export function isServerUnreachable(error: unknown): boolean {
  return error instanceof HttpErrorResponse && [0, 502, 503, 504].includes(error.status);
}
