import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@mailroute/api/core';
import { UpdateNotificationPreferencesDto } from '../dto/update-notification-preferences.dto';
import type {
  NotificationInboxView,
  NotificationPreferencesView,
  NotificationView,
} from '../notification-types';
import { InboxService } from './inbox.service';

/** The signed-in user's notifications and which of them are emailed. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller()
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Get('notifications')
  @ApiQuery({ name: 'unread', required: false, description: '`true` for unread notifications only.' })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query('unread') unread?: string,
  ): Promise<NotificationInboxView> {
    return this.inbox.list(principal, unread === 'true');
  }

  @Post('notifications/read-all')
  @HttpCode(200)
  markAllRead(@CurrentPrincipal() principal: Principal): Promise<NotificationInboxView> {
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
