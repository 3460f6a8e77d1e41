import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { SingleLineText } from '@mailroute/api/core';
import { ACTIVITY_LIMITS as LIMITS } from '@mailroute/shared/contracts';
import { isText, maxChars, ONE_LINE } from './text-rules';

/** `POST /api/processing-activities`. (class-validator runs the bottom decorators first.) */
export class CreateProcessingActivityDto {
  @ApiProperty({ example: 'Payroll' })
  @SingleLineText()
  @Matches(ONE_LINE, { message: 'is required, on one line' })
  @MaxLength(LIMITS.nameLength, maxChars(LIMITS.nameLength))
  @IsString(isText)
  name!: string;

  @ApiProperty({ example: 'Monthly salaries of employees.' })
  @MaxLength(LIMITS.descriptionLength, maxChars(LIMITS.descriptionLength))
  @IsString(isText)
  description!: string;
}
