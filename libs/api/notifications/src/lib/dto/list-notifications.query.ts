import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '@mailroute/api/core';

export class ListNotificationsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: '`true` for unread notifications only.' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'must be true or false' })
  unread?: 'true' | 'false';
}
