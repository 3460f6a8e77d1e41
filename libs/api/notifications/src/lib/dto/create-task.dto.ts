import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { SingleLineText } from '@mailroute/api/core';
import { NOTIFICATIONS_LIMITS as LIMITS } from '../notification-types';
import { CALENDAR_DATE, calendarDate, isText, maxChars, ONE_LINE } from './text-rules';

/** `POST /api/tasks`. */
export class CreateTaskDto {
  @ApiProperty({ example: 'Review the retention period' })
  @SingleLineText()
  @Matches(ONE_LINE, { message: 'is required, on one line' })
  @MaxLength(LIMITS.nameLength, maxChars(LIMITS.nameLength))
  @IsString(isText)
  title!: string;

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
