import type { NextFunction, Request, Response } from 'express';
import type { FieldError } from '@mailroute/shared/contracts';
import { DomainError, RequestValidationError } from './domain-error';

/**
 * The deepest nesting a request body may have. Our deepest body (an audit's questions with their
 * choices) is 4 levels; the validation pipe and class-transformer walk bodies recursively and
 * overflow the stack on thousands of levels, which answered 500.
 */
export const MAX_BODY_DEPTH = 32;

export class BodyTooDeepError extends DomainError {
  readonly kind = 'invalid';
  readonly code = 'body_too_deep';

  constructor() {
    super(`The request body nests deeper than ${MAX_BODY_DEPTH} levels.`);
  }
}

const LONE_SURROGATE = 'is not valid Unicode text (it holds a lone surrogate)';
/** In `u` mode a surrogate pair is one code point; only an unpaired half is of category Cs. */
const UNPAIRED_SURROGATE = /\p{Cs}/u;
const isWellFormed = (text: string) => !UNPAIRED_SURROGATE.test(text);
const wellFormed = (text: string) => text.replace(/\p{Cs}/gu, '\uFFFD');

/**
 * Refuses, before any pipe sees it, a parsed body that nests too deep or holds a string with a lone
 * UTF-16 surrogate (valid JSON, `"\ud800"`, but not text: validators that encode it throw, and
 * PostgreSQL refuses to store it). Walks iteratively, so the walk itself cannot overflow.
 */
export function refuseMalformedBody(request: Request, _response: Response, next: NextFunction): void {
  next(malformation(request.body as unknown) ?? undefined);
}

/** The problem with a parsed body, or null when it is fine. */
export function malformation(body: unknown): DomainError | null {
  const pending: { value: unknown; path: string; depth: number }[] = [{ value: body, path: '', depth: 0 }];
  const errors: FieldError[] = [];
  while (pending.length > 0) {
    const { value, path, depth } = pending.pop() as { value: unknown; path: string; depth: number };
    if (typeof value === 'string') {
      if (!isWellFormed(value)) {
        errors.push({ field: path === '' ? 'body' : path, reason: LONE_SURROGATE });
      }
      continue;
    }
    if (typeof value !== 'object' || value === null) {
      continue;
    }
    if (depth >= MAX_BODY_DEPTH) {
      return new BodyTooDeepError();
    }
    if (Array.isArray(value)) {
      value.forEach((item, index) =>
        pending.push({ value: item, path: `${path}[${index}]`, depth: depth + 1 }),
      );
      continue;
    }
    for (const [key, item] of Object.entries(value)) {
      const field = path === '' ? key : `${path}.${key}`;
      if (!isWellFormed(key)) {
        errors.push({ field: wellFormed(field), reason: LONE_SURROGATE });
      }
      pending.push({ value: item, path: wellFormed(field), depth: depth + 1 });
    }
  }
  return errors.length > 0 ? new RequestValidationError(errors) : null;
}
