import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '@mailroute/api/core';
import { EMAIL_KINDS, EMAIL_STATUSES, type EmailKind, type EmailStatus } from '@mailroute/shared/contracts';

export class ListEmailsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: EMAIL_STATUSES })
  @IsOptional()
  @IsIn(EMAIL_STATUSES, { message: `must be one of ${EMAIL_STATUSES.join(', ')}` })
  status?: EmailStatus;

  @ApiPropertyOptional({ enum: EMAIL_KINDS })
  @IsOptional()
  @IsIn(EMAIL_KINDS, { message: `must be one of ${EMAIL_KINDS.join(', ')}` })
  kind?: EmailKind;
}
