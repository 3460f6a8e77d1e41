import type { Type } from '@nestjs/common';
import type { FieldError } from '@mailroute/shared/contracts';
import { RequestValidationError } from '../lib/http/domain-error';
import { createValidationPipe } from '../lib/http/validation';

/**
 * The field errors the API's validation pipe (the one every request body goes through) answers for
 * `body` as a `dto`, as the 400's `errors`; none when the body is accepted.
 */
export async function fieldErrorsOf(dto: Type<unknown>, body: unknown): Promise<FieldError[]> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: dto });
    return [];
  } catch (error) {
    if (error instanceof RequestValidationError) {
      return error.errors;
    }
    throw error;
  }
}
