import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { SingleLineText } from '@mailroute/api/core';
import {
  type CreateDataSubjectRequestInput,
  DATA_SUBJECT_REQUEST_LIMITS as LIMITS,
  DATA_SUBJECT_REQUEST_TYPES,
  type DataSubjectRequestType,
  LOCALES,
  type Locale,
} from '@mailroute/shared/contracts';

const isText = { message: 'must be a string' };
const maxChars = (max: number) => ({ message: `must be at most ${max} characters` });
/** Shown as is in the email's greeting: at least one visible character, no line breaks. */
const ONE_LINE = /^[^\r\n]*\S[^\r\n]*$/;

/** `POST /api/data-subject-requests`. (class-validator runs the bottom decorators first.) */
export class CreateDataSubjectRequestDto implements CreateDataSubjectRequestInput {
  @ApiProperty({ enum: DATA_SUBJECT_REQUEST_TYPES })
  @IsIn(DATA_SUBJECT_REQUEST_TYPES, { message: `must be one of ${DATA_SUBJECT_REQUEST_TYPES.join(', ')}` })
  type!: DataSubjectRequestType;

  @ApiProperty({ example: 'Jane Doe' })
  @SingleLineText()
  @Matches(ONE_LINE, { message: 'is required, on one line' })
  @MaxLength(LIMITS.subjectNameLength, maxChars(LIMITS.subjectNameLength))
  @IsString(isText)
  subjectName!: string;

  @ApiProperty({ example: 'jane@example.com' })
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(LIMITS.addressLength, maxChars(LIMITS.addressLength))
  @IsString(isText)
  subjectEmail!: string;

  @ApiPropertyOptional({ description: 'ISO 8601 date or date-time; default: now. Not in the future.' })
  @IsOptional()
  @IsISO8601(
    { strict: true },
    { message: 'must be an ISO 8601 date, e.g. 2025-03-14 or 2025-03-14T09:30:00Z' },
  )
  @IsString(isText)
  receivedAt?: string;

  @ApiPropertyOptional({
    enum: LOCALES,
    description: 'The data subject’s language; default: the organization’s.',
  })
  @IsOptional()
  @IsIn(LOCALES, { message: `must be one of ${LOCALES.join(', ')}` })
  locale?: Locale;
}
