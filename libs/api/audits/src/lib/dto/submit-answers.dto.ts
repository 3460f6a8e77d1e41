import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsUUID, ValidateBy, ValidateNested } from 'class-validator';
import {
  type AnswerInput,
  type AnswerValue,
  MAX_AUDIT_QUESTIONS,
  type SubmitAnswersInput,
} from '@mailroute/shared/contracts';

/**
 * The shape of an answer. Whether its value fits its question (a boolean for yes_no, a text of
 * 1..5000 characters) needs the audit's questions: the service checks that, naming the same path.
 */
export class AnswerDto implements AnswerInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a UUID' })
  @IsDefined({ message: 'is required' })
  questionId!: string;

  @ApiProperty({ oneOf: [{ type: 'boolean' }, { type: 'string' }] })
  @ValidateBy({
    name: 'isAnswerValue',
    validator: {
      validate: (value: unknown) => typeof value === 'boolean' || typeof value === 'string',
      defaultMessage: () => 'must be true or false, or a text',
    },
  })
  @IsDefined({ message: 'is required' })
  value!: AnswerValue;
}

export class SubmitAnswersDto implements SubmitAnswersInput {
  @ApiProperty({ type: [AnswerDto], maxItems: MAX_AUDIT_QUESTIONS })
  @ValidateNested({ each: true, message: 'must hold answer objects' })
  @Type(() => AnswerDto)
  @ArrayMaxSize(MAX_AUDIT_QUESTIONS, { message: `must hold at most ${MAX_AUDIT_QUESTIONS} answers` })
  @IsArray({ message: 'must be a list' })
  @IsDefined({ message: 'is required' })
  answers!: AnswerDto[];
}
