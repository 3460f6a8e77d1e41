import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ValidateIf } from 'class-validator';
import type { FieldError } from '@mailroute/shared/contracts';
import { RequestValidationError } from './domain-error';

/** Flattens class-validator's nested errors into `{ field: 'a.b[0].c', reason }` items. */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field =
      parent === ''
        ? error.property
        : /^\d+$/.test(error.property)
          ? `${parent}[${error.property}]`
          : `${parent}.${error.property}`;
    const own = Object.values(error.constraints ?? {}).map((reason) => ({
      field,
      reason: withoutFieldName(reason, error.property),
    }));
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}

// class-validator's default messages start with the property name ("email must be an email");
// the field is already named, so the reason reads on its own: "must be an email".
function withoutFieldName(reason: string, property: string): string {
  if (reason === `property ${property} should not exist`) {
    return 'is not a known field';
  }
  return reason.startsWith(`${property} `) ? reason.slice(property.length + 1) : reason;
}

/** Unknown properties are refused (not silently dropped) so typos in field names are visible. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => new RequestValidationError(toFieldErrors(errors)),
  });
}

/**
 * A field that may be left out, but whose `null` is checked like any other value. class-validator's
 * `@IsOptional()` skips `null` too, so `{"taskAssigned": null}` reached a NOT NULL column and
 * answered 500: use this on every optional field that has no meaning for `null`.
 */
export function Omittable(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}
