import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Public } from '@mailroute/api/core';
import type { RespondentAccessView } from '@mailroute/shared/contracts';
import { AuditResponsesService } from './audit-responses.service';
import { SubmitAnswersDto } from './dto/submit-answers.dto';

/** What a respondent's personal link opens. Public: the token is the credential, for one audit. */
@ApiTags('audits')
@Controller('audit-responses')
export class AuditResponsesController {
  constructor(private readonly responses: AuditResponsesService) {}

  @Get(':token')
  @Public()
  @ApiOkResponse({
    description: 'The audit the link is for, whose link it is, its questions, and the answers once given.',
  })
  @ApiNotFoundResponse({ description: '`respondent_link_not_found`: unknown, or replaced by a reminder’s.' })
  @ApiConflictResponse({ description: '`respondent_link_expired`.' })
  access(@Param('token') token: string): Promise<RespondentAccessView> {
    return this.responses.access(token);
  }

  @Post(':token')
  @Public()
  @ApiCreatedResponse({
    description:
      'The answers are stored (once) and the audit’s creator is emailed; the link’s view, answered.',
  })
  @ApiBadRequestResponse({
    description:
      '`validation_failed`, each error naming its field (`answers[1].value`, `answers` for a missing required question).',
  })
  @ApiNotFoundResponse({ description: '`respondent_link_not_found`: unknown, or replaced by a reminder’s.' })
  @ApiConflictResponse({
    description: '`answers_already_submitted`, `respondent_link_expired` or `audit_has_no_questions`.',
  })
  submit(@Param('token') token: string, @Body() input: SubmitAnswersDto): Promise<RespondentAccessView> {
    return this.responses.submit(token, input.answers);
  }
}
