import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiTags } from '@nestjs/swagger';
import type { EmailLogItem, EmailLogPage } from '@mailroute/shared/contracts';
import { AdminOnly, CurrentPrincipal, type Principal } from '@mailroute/api/core';
import { ListEmailsQuery } from './dto/list-emails.query';
import { EmailLogService } from './email-log.service';

/** The organization's emails, newest first: how an admin checks which server carried each one. */
@ApiTags('email log')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Only the organization’s admins can see its emails.' })
@AdminOnly()
@Controller('organizations/current/emails')
export class EmailLogController {
  constructor(private readonly emails: EmailLogService) {}

  @Get()
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListEmailsQuery): Promise<EmailLogPage> {
    return this.emails.list(principal.organizationId, query);
  }

  @Get(':id')
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<EmailLogItem> {
    return this.emails.get(principal.organizationId, id);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiConflictResponse({ description: 'The email is not failed or held.' })
  retry(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<EmailLogItem> {
    return this.emails.retry(principal.organizationId, id);
  }
}
