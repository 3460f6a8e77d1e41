import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '@mailroute/api/core';

export class ListTasksQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['me'], description: '`me` for the tasks assigned to you.' })
  @IsOptional()
  @IsIn(['me'], { message: 'must be me' })
  assignee?: 'me';
}
