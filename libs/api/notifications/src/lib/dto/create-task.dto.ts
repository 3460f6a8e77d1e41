import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { Omittable, SingleLineText } from '@mailroute/api/core';
import { type CreateTaskInput, TASK_LIMITS as LIMITS } from '@mailroute/shared/contracts';
import { CALENDAR_DATE, calendarDate, isText, maxChars, ONE_LINE } from './text-rules';

/** `POST /api/tasks`. */
export class CreateTaskDto implements CreateTaskInput {
  @ApiProperty({ example: 'Review the retention period' })
  @SingleLineText()
  @Matches(ONE_LINE, { message: 'is required, on one line' })
  @MaxLength(LIMITS.titleLength, maxChars(LIMITS.titleLength))
  @IsString(isText)
  title!: string;

  @ApiPropertyOptional({ description: 'Plain text; line breaks allowed.' })
  // Left out, or text: null is refused rather than stored as no description (an empty text is none).
  @Omittable()
  @MaxLength(LIMITS.descriptionLength, maxChars(LIMITS.descriptionLength))
  @IsString(isText)
  description?: string;

  @ApiProperty({ description: 'A user of your organization.' })
  @IsUUID('all', { message: 'must be the id of a user of your organization' })
  assigneeId!: string;

  @ApiPropertyOptional({ description: 'A processing activity of your organization.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be the id of a processing activity of your organization' })
  processingActivityId?: string;

  @ApiPropertyOptional({ example: '2025-06-30' })
  @IsOptional()
  @Matches(CALENDAR_DATE, calendarDate)
  @IsString(isText)
  dueDate?: string;
}
