import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import {
  DATA_SUBJECT_REQUEST_LIMITS as LIMITS,
  type SendDataSubjectMessageInput,
} from '@mailroute/shared/contracts';

/** `POST /api/data-subject-requests/:id/messages`. */
export class SendDataSubjectMessageDto implements SendDataSubjectMessageInput {
  @ApiProperty({ description: 'Plain text; emailed to the data subject.' })
  @Matches(/\S/, { message: 'is required' })
  @MaxLength(LIMITS.messageLength, { message: `must be at most ${LIMITS.messageLength} characters` })
  @IsString({ message: 'must be a string' })
  body!: string;
}
