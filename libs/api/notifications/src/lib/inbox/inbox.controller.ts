import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type {
  NotificationInboxPage,
  NotificationPreferencesView,
  NotificationView,
} from '@mailroute/shared/contracts';
import { CurrentPrincipal, type Principal } from '@mailroute/api/core';
import { ListNotificationsQuery } from '../dto/list-notifications.query';
import { UpdateNotificationPreferencesDto } from '../dto/update-notification-preferences.dto';
import { InboxService } from './inbox.service';

/** The signed-in user's notifications and which of them are emailed. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller()
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  /** Newest first, with how many are unread in all. */
  @Get('notifications')
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListNotificationsQuery,
  ): Promise<NotificationInboxPage> {
    return this.inbox.list(principal, query);
  }

  /** Answers the inbox's first page, now all read. */
  @Post('notifications/read-all')
  @HttpCode(200)
  markAllRead(@CurrentPrincipal() principal: Principal): Promise<NotificationInboxPage> {
    return this.inbox.markAllRead(principal);
  }

  @Post('notifications/:id/read')
  @HttpCode(200)
  markRead(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<NotificationView> {
    return this.inbox.markRead(principal, id);
  }

  @Get('me/notification-preferences')
  preferences(@CurrentPrincipal() principal: Principal): Promise<NotificationPreferencesView> {
    return this.inbox.getPreferences(principal);
  }

  @Put('me/notification-preferences')
  updatePreferences(
    @CurrentPrincipal() principal: Principal,
    @Body() input: UpdateNotificationPreferencesDto,
  ): Promise<NotificationPreferencesView> {
    return this.inbox.updatePreferences(principal, input);
  }
}
