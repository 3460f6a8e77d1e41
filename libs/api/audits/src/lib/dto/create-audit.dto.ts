import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDefined, IsISO8601, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { SingleLineText } from '@mailroute/api/core';
import { type CreateAuditInput, MAX_AUDIT_QUESTIONS } from '@mailroute/shared/contracts';
import { QuestionDto, QuestionList } from './question.dto';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

// class-validator runs a property's decorators bottom-up and the first failure is kept:
// presence and type sit at the bottom.
export class CreateAuditDto implements CreateAuditInput {
  @ApiProperty({ example: 'Annual GDPR audit 2025' })
  @SingleLineText()
  @MaxLength(200, { message: 'must be at most 200 characters' })
  @MinLength(1, { message: 'must not be empty' })
  @Transform(trimmed)
  @IsString({ message: 'must be a string' })
  @IsDefined({ message: 'is required' })
  title!: string;

  @ApiPropertyOptional({ example: '2025-06-30', description: 'A calendar day, today or later.' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be a real calendar day, YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a calendar day, YYYY-MM-DD' })
  @IsString({ message: 'must be a string' })
  dueDate?: string | null;

  @ApiPropertyOptional({
    type: [QuestionDto],
    maxItems: MAX_AUDIT_QUESTIONS,
    description: 'In the order respondents see them; they can be changed until someone answers.',
  })
  @IsOptional()
  @QuestionList()
  questions?: QuestionDto[];
}
