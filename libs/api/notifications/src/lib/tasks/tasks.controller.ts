import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Page, TaskView } from '@mailroute/shared/contracts';
import { CurrentPrincipal, type Principal } from '@mailroute/api/core';
import { CreateTaskDto } from '../dto/create-task.dto';
import { ListTasksQuery } from '../dto/list-tasks.query';
import { UpdateTaskDto } from '../dto/update-task.dto';
import { TasksService } from './tasks.service';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Post()
  @ApiBadRequestResponse({ description: 'A field is invalid, e.g. an assignee outside your organization.' })
  create(@CurrentPrincipal() principal: Principal, @Body() input: CreateTaskDto): Promise<TaskView> {
    return this.tasks.create(principal, input);
  }

  /** Newest first; `?assignee=me` and `?status=` narrow the list (both together: both apply). */
  @Get()
  @ApiBadRequestResponse({ description: 'An unknown filter value (`errors` names it).' })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListTasksQuery): Promise<Page<TaskView>> {
    return this.tasks.list(
      principal.organizationId,
      {
        ...(query.assignee === 'me' ? { assigneeId: principal.userId } : {}),
        ...(query.status ? { status: query.status } : {}),
      },
      query,
    );
  }

  @Get(':id')
  @ApiNotFoundResponse({ description: 'No such task in your organization.' })
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<TaskView> {
    return this.tasks.get(principal.organizationId, id);
  }

  @Patch(':id')
  @ApiForbiddenResponse({ description: 'Only the assignee, the creator or an admin change a task.' })
  @ApiNotFoundResponse({ description: 'No such task in your organization.' })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() input: UpdateTaskDto,
  ): Promise<TaskView> {
    return this.tasks.update(principal, id, input);
  }
}
