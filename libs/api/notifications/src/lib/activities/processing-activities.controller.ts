import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@mailroute/api/core';
import { AddCommentDto } from '../dto/add-comment.dto';
import { CreateProcessingActivityDto } from '../dto/create-processing-activity.dto';
import type {
  ActivityCommentView,
  ProcessingActivityDetail,
  ProcessingActivityView,
} from '../notification-types';
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

  @Get()
  list(@CurrentPrincipal() principal: Principal): Promise<ProcessingActivityView[]> {
    return this.activities.list(principal.organizationId);
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
  ): Promise<ActivityCommentView> {
    return this.activities.comment(principal, id, input);
  }
}
