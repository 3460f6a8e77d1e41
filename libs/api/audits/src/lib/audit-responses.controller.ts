import { Controller, Get, Param } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@mailroute/api/core';
import type { RespondentAccessView } from './audit-views';
import { AuditsService } from './audits.service';

/** What a respondent's personal link opens. Public: the token is the credential, for one audit. */
@ApiTags('audits')
@Controller('audit-responses')
export class AuditResponsesController {
  constructor(private readonly audits: AuditsService) {}

  @Get(':token')
  @Public()
  @ApiOkResponse({ description: 'The audit the link is for, and whose link it is.' })
  @ApiNotFoundResponse({ description: '`respondent_link_not_found`: unknown, or replaced by a reminder’s.' })
  @ApiConflictResponse({ description: '`respondent_link_expired`.' })
  access(@Param('token') token: string): Promise<RespondentAccessView> {
    return this.audits.access(token);
  }
}
