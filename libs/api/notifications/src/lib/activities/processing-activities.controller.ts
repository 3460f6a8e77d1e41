import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiTags,
} from '@nestjs/swagger';
import type {
  ActivityWatchersView,
  CommentView,
  Page,
  ProcessingActivityDetail,
  ProcessingActivityView,
} from '@mailroute/shared/contracts';
import { AdminOnly, CurrentPrincipal, PageQuery, type Principal } from '@mailroute/api/core';
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

  /** The caller follows the activity (notified of each new comment); following twice is following once. */
  @Put(':id/watchers/me')
  @ApiNotFoundResponse({ description: 'No such activity in your organization.' })
  watch(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<ActivityWatchersView> {
    return this.activities.setWatching(principal, id, principal.userId, true);
  }

  /** The caller stops following the activity. */
  @Delete(':id/watchers/me')
  @ApiNotFoundResponse({ description: 'No such activity in your organization.' })
  unwatch(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<ActivityWatchersView> {
    return this.activities.setWatching(principal, id, principal.userId, false);
  }

  /** An admin makes another user of the organization follow the activity. (Declared after `me`.) */
  @Put(':id/watchers/:userId')
  @AdminOnly()
  @ApiForbiddenResponse({ description: 'Only the organization’s admins add someone else.' })
  @ApiBadRequestResponse({ description: 'A malformed id.' })
  @ApiNotFoundResponse({ description: 'No such activity, or no such user, in your organization.' })
  addWatcher(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('userId', new ParseUUIDPipe()) userId: string,
  ): Promise<ActivityWatchersView> {
    return this.activities.setWatching(principal, id, userId, true);
  }

  /** An admin makes another user of the organization stop following the activity. */
  @Delete(':id/watchers/:userId')
  @AdminOnly()
  @ApiForbiddenResponse({ description: 'Only the organization’s admins remove someone else.' })
  @ApiBadRequestResponse({ description: 'A malformed id.' })
  @ApiNotFoundResponse({ description: 'No such activity, or no such user, in your organization.' })
  removeWatcher(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('userId', new ParseUUIDPipe()) userId: string,
  ): Promise<ActivityWatchersView> {
    return this.activities.setWatching(principal, id, userId, false);
  }
}
