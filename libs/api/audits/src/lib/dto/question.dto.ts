import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsString,
  MaxLength,
  MinLength,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { SingleLineText } from '@mailroute/api/core';
import {
  MAX_AUDIT_QUESTIONS,
  MAX_QUESTION_TEXT_LENGTH,
  QUESTION_KINDS,
  type QuestionInput,
  type QuestionKind,
  type ReplaceQuestionsInput,
} from '@mailroute/shared/contracts';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

// class-validator runs a property's decorators bottom-up and the first failure is kept:
// presence and type sit at the bottom.
export class QuestionDto implements QuestionInput {
  @ApiProperty({ example: 'Do you keep a register of processing activities?', maxLength: 500 })
  @SingleLineText()
  @MaxLength(MAX_QUESTION_TEXT_LENGTH, { message: `must be at most ${MAX_QUESTION_TEXT_LENGTH} characters` })
  @MinLength(1, { message: 'must not be empty' })
  @Transform(trimmed)
  @IsString({ message: 'must be a string' })
  @IsDefined({ message: 'is required' })
  text!: string;

  @ApiProperty({ enum: QUESTION_KINDS })
  @IsIn(QUESTION_KINDS, { message: `must be one of: ${QUESTION_KINDS.join(', ')}` })
  @IsDefined({ message: 'is required' })
  kind!: QuestionKind;

  @ApiProperty()
  @IsBoolean({ message: 'must be true or false' })
  @IsDefined({ message: 'is required' })
  required!: boolean;
}

/**
 * ValidateNested validates a list inside the list item by item (none, for `[[]]`), so without this
 * `[[]]` reached the database as a question without text.
 */
const NoListInList = () =>
  ValidateBy({
    name: 'noListInList',
    validator: {
      validate: (value: unknown) => !Array.isArray(value) || !value.some((item) => Array.isArray(item)),
      defaultMessage: () => 'must hold question objects',
    },
  });

/**
 * A list of questions, for creating an audit and replacing its questions. Listed in the order
 * they apply, which is the order they run: the type first.
 */
export const QuestionList = () =>
  applyDecorators(
    IsArray({ message: 'must be a list' }),
    ArrayMaxSize(MAX_AUDIT_QUESTIONS, { message: `must hold at most ${MAX_AUDIT_QUESTIONS} questions` }),
    NoListInList(),
    Type(() => QuestionDto),
    ValidateNested({ each: true, message: 'must hold question objects' }),
  );

export class ReplaceQuestionsDto implements ReplaceQuestionsInput {
  @ApiProperty({ type: [QuestionDto], maxItems: MAX_AUDIT_QUESTIONS })
  @QuestionList()
  @IsDefined({ message: 'is required' })
  questions!: QuestionDto[];
}
