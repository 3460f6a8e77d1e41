import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDefined, IsString, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_MIN_LENGTH, PasswordRule, SingleLineText } from '@mailroute/api/core';
import type { AcceptInvitationRequest } from '@mailroute/shared/contracts';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class AcceptInvitationDto implements AcceptInvitationRequest {
  @ApiProperty({ example: 'Ada Lovelace' })
  @SingleLineText()
  @MaxLength(120, { message: 'must be at most 120 characters' })
  @MinLength(1, { message: 'must not be empty' })
  @Transform(trimmed)
  @IsString({ message: 'must be a string' })
  @IsDefined({ message: 'is required' })
  name!: string;

  /** The same rule as the initial admin's (ADMIN_PASSWORD). */
  @ApiProperty({ format: 'password', minLength: PASSWORD_MIN_LENGTH })
  @PasswordRule()
  @IsString({ message: 'must be a string' })
  @IsDefined({ message: 'is required' })
  password!: string;
}
