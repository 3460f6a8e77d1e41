import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { EMAIL_KINDS, EMAIL_STATUSES, type EmailKind, type EmailStatus } from '@mailroute/shared/contracts';

export class ListEmailsQuery {
  @ApiPropertyOptional({ enum: EMAIL_STATUSES })
  @IsOptional()
  @IsIn(EMAIL_STATUSES, { message: `must be one of ${EMAIL_STATUSES.join(', ')}` })
  status?: EmailStatus;

  @ApiPropertyOptional({ enum: EMAIL_KINDS })
  @IsOptional()
  @IsIn(EMAIL_KINDS, { message: `must be one of ${EMAIL_KINDS.join(', ')}` })
  kind?: EmailKind;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @Min(1, { message: 'must be 1 or more' })
  @IsInt({ message: 'must be a whole number' })
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 25 })
  @IsOptional()
  @Type(() => Number)
  @Max(100, { message: 'must be 100 or less' })
  @Min(1, { message: 'must be 1 or more' })
  @IsInt({ message: 'must be a whole number' })
  pageSize?: number;
}
