import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type {
  CommentView,
  Page,
  ProcessingActivityDetail,
  ProcessingActivityView,
} from '@mailroute/shared/contracts';
import { CurrentPrincipal, PageQuery, type Principal } from '@mailroute/api/core';
import { AddCommentDto } from '../dto/add-comment.dto';
import { CreateProcessingActivityDto } from '../dto/create-processing-activity.dto';
import { ProcessingActivitiesService } from './processing-activities.service';

/** The organization's register of processing activities, open to all its users. */
@ApiTags('processing activities')
@ApiBearerAuth()
@Controller('processing-activities')
export class ProcessingActivitiesController {
  constructor(private readonly activities: ProcessingActivitiesService) {}

  @Post()
  @ApiBadRequestResponse({ description: 'A field is invalid (`errors` names it).' })
  create(
    @CurrentPrincipal() principal: Principal,
    @Body() input: CreateProcessingActivityDto,
  ): Promise<ProcessingActivityView> {
    return this.activities.create(principal, input);
  }

  /** Newest first. */
  @Get()
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: PageQuery,
  ): Promise<Page<ProcessingActivityView>> {
    return this.activities.list(principal.organizationId, query);
  }

  @Get(':id')
  @ApiNotFoundResponse({ description: 'No such activity in your organization.' })
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<ProcessingActivityDetail> {
    return this.activities.get(principal.organizationId, id);
  }

  @Post(':id/comments')
  @ApiNotFoundResponse({ description: 'No such activity in your organization.' })
  comment(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() input: AddCommentDto,
  ): Promise<CommentView> {
    return this.activities.comment(principal, id, input);
  }
}
