import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDefined, IsEmail, IsIn, IsOptional, MaxLength } from 'class-validator';
import {
  type CreateInvitationRequest,
  LOCALES,
  type Locale,
  ROLES,
  type Role,
} from '@mailroute/shared/contracts';

// class-validator runs a property's decorators bottom-up and the first failure is kept:
// presence and type sit at the bottom.
export class CreateInvitationDto implements CreateInvitationRequest {
  @ApiProperty({ example: 'ada@example.com' })
  @MaxLength(320, { message: 'must be at most 320 characters' })
  @IsEmail({}, { message: 'must be an email address' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsDefined({ message: 'is required' })
  email!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `must be one of: ${ROLES.join(', ')}` })
  @IsDefined({ message: 'is required' })
  role!: Role;

  @ApiPropertyOptional({ enum: LOCALES, description: 'The invitee’s language; default: the organization’s.' })
  @IsOptional()
  @IsIn(LOCALES, { message: `must be one of: ${LOCALES.join(', ')}` })
  locale?: Locale | null;
}
