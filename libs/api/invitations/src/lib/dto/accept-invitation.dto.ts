import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDefined, IsString, MaxLength, MinLength } from 'class-validator';
import type { AcceptInvitationRequest } from '@mailroute/shared/contracts';

/** The same password rule as the initial admin's (ADMIN_PASSWORD): 12 to 256 characters. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class AcceptInvitationDto implements AcceptInvitationRequest {
  @ApiProperty({ example: 'Ada Lovelace' })
  @MaxLength(120, { message: 'must be at most 120 characters' })
  @MinLength(1, { message: 'must not be empty' })
  @Transform(trimmed)
  @IsString({ message: 'must be a string' })
  @IsDefined({ message: 'is required' })
  name!: string;

  @ApiProperty({ format: 'password', minLength: PASSWORD_MIN_LENGTH })
  @MaxLength(PASSWORD_MAX_LENGTH, { message: `must be at most ${PASSWORD_MAX_LENGTH} characters` })
  @MinLength(PASSWORD_MIN_LENGTH, { message: `must be at least ${PASSWORD_MIN_LENGTH} characters long` })
  @IsString({ message: 'must be a string' })
  @IsDefined({ message: 'is required' })
  password!: string;
}
