import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { NOTIFICATIONS_LIMITS as LIMITS } from '../notification-types';
import { isText, maxChars, NOT_BLANK } from './text-rules';

/** `POST /api/processing-activities/:id/comments`. */
export class AddCommentDto {
  @ApiProperty()
  @Matches(NOT_BLANK, { message: 'is required' })
  @MaxLength(LIMITS.commentLength, maxChars(LIMITS.commentLength))
  @IsString(isText)
  body!: string;
}
