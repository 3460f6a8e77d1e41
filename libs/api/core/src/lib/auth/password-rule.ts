import { applyDecorators } from '@nestjs/common';
import { Matches, MaxLength, MinLength } from 'class-validator';

/** Every password a person chooses (an invited user's, the first admin's ADMIN_PASSWORD). */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/**
 * 12 to 256 characters, not all of them blank: twelve spaces have the length of a password and
 * the strength of none. Put it above the type check (class-validator runs a property's decorators
 * bottom-up).
 */
export function PasswordRule(): PropertyDecorator {
  return applyDecorators(
    Matches(/\S/, { message: 'must not be only spaces or other blank characters' }),
    MaxLength(PASSWORD_MAX_LENGTH, { message: `must be at most ${PASSWORD_MAX_LENGTH} characters long` }),
    MinLength(PASSWORD_MIN_LENGTH, { message: `must be at least ${PASSWORD_MIN_LENGTH} characters long` }),
  );
}
