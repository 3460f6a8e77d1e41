import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '@mailroute/api/core';
import { TASK_STATUSES, type TaskStatus } from '@mailroute/shared/contracts';

export class ListTasksQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['me'], description: '`me` for the tasks assigned to you.' })
  @IsOptional()
  @IsIn(['me'], { message: 'must be me' })
  assignee?: 'me';

  @ApiPropertyOptional({ enum: TASK_STATUSES, description: 'Only the tasks of this status.' })
  @IsOptional()
  @IsIn(TASK_STATUSES, { message: `must be one of ${TASK_STATUSES.join(', ')}` })
  status?: TaskStatus;
}
