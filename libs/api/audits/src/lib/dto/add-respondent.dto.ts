import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDefined, IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { SingleLineText } from '@mailroute/api/core';
import { LOCALES, type Locale } from '@mailroute/shared/contracts';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class AddRespondentDto {
  @ApiProperty({ example: 'dpo@example.com' })
  @MaxLength(320, { message: 'must be at most 320 characters' })
  @IsEmail({}, { message: 'must be an email address' })
  @Transform(trimmed)
  @IsDefined({ message: 'is required' })
  email!: string;

  @ApiPropertyOptional({ example: 'Ada Lovelace' })
  @IsOptional()
  @SingleLineText()
  @MaxLength(120, { message: 'must be at most 120 characters' })
  @MinLength(1, { message: 'must not be empty' })
  @Transform(trimmed)
  @IsString({ message: 'must be a string' })
  name?: string | null;

  @ApiPropertyOptional({
    enum: LOCALES,
    description: 'The respondent’s language; default: the organization’s.',
  })
  @IsOptional()
  @IsIn(LOCALES, { message: `must be one of: ${LOCALES.join(', ')}` })
  locale?: Locale | null;
}
