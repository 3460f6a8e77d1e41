import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';
import { Omittable, SingleLineText } from '@mailroute/api/core';
import {
  TASK_LIMITS as LIMITS,
  TASK_STATUSES,
  type TaskStatus,
  type UpdateTaskInput,
} from '@mailroute/shared/contracts';
import { CALENDAR_DATE, calendarDate, isText, maxChars, ONE_LINE } from './text-rules';

/**
 * `PATCH /api/tasks/:id`: only the fields given change; `dueDate: null` removes the due date, and
 * null for any other field is refused (it is no value of theirs, and their columns are NOT NULL).
 */
export class UpdateTaskDto implements UpdateTaskInput {
  @ApiPropertyOptional({ enum: TASK_STATUSES })
  @Omittable()
  @IsIn(TASK_STATUSES, { message: `must be one of ${TASK_STATUSES.join(', ')}` })
  status?: TaskStatus;

  @ApiPropertyOptional({ description: 'Re-assigns the task to another user of your organization.' })
  @Omittable()
  @IsUUID('all', { message: 'must be the id of a user of your organization' })
  assigneeId?: string;

  @ApiPropertyOptional()
  @Omittable()
  @SingleLineText()
  @Matches(ONE_LINE, { message: 'is required, on one line' })
  @MaxLength(LIMITS.titleLength, maxChars(LIMITS.titleLength))
  @IsString(isText)
  title?: string;

  @ApiPropertyOptional({ description: 'Plain text; line breaks allowed; empty removes it.' })
  // Left out, or text: null is refused rather than stored as no description (an empty text is none).
  @Omittable()
  @MaxLength(LIMITS.descriptionLength, maxChars(LIMITS.descriptionLength))
  @IsString(isText)
  description?: string;

  @ApiPropertyOptional({ nullable: true, example: '2025-06-30' })
  @ValidateIf((_: object, value: unknown) => value !== null && value !== undefined)
  @Matches(CALENDAR_DATE, calendarDate)
  @IsString(isText)
  dueDate?: string | null;
}
