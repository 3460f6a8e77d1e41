import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { ACTIVITY_LIMITS as LIMITS } from '@mailroute/shared/contracts';
import { isText, maxChars, NOT_BLANK } from './text-rules';

/** `POST /api/processing-activities/:id/comments`. */
export class AddCommentDto {
  @ApiProperty()
  @Matches(NOT_BLANK, { message: 'is required' })
  @MaxLength(LIMITS.commentLength, maxChars(LIMITS.commentLength))
  @IsString(isText)
  body!: string;
}
