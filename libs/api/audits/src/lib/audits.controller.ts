import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, PageQuery, type Principal } from '@mailroute/api/core';
import type {
  AuditDetailView,
  AuditView,
  Page,
  QuestionView,
  RespondentView,
} from '@mailroute/shared/contracts';
import { AuditQuestionsService } from './audit-questions.service';
import { AuditsService } from './audits.service';
import { AddRespondentDto } from './dto/add-respondent.dto';
import { AuditIdParams, RespondentParams } from './dto/audit-params';
import { CreateAuditDto } from './dto/create-audit.dto';
import { QuestionDto, ReplaceQuestionsDto } from './dto/question.dto';

/**
 * The organization's audits. Any signed-in user of the organization, member or admin, may
 * create audits and invite or remind respondents: running audits is the team's everyday work,
 * and a respondent's link opens one audit only, never an account (unlike user invitations,
 * which are admin-only). Another organization's audits answer 404.
 */
@ApiTags('audits')
@ApiBearerAuth()
@Controller('audits')
export class AuditsController {
  constructor(
    private readonly audits: AuditsService,
    private readonly questions: AuditQuestionsService,
  ) {}

  @Post()
  @ApiCreatedResponse({ description: 'The audit, with its questions if given, without respondents yet.' })
  create(@CurrentPrincipal() principal: Principal, @Body() input: CreateAuditDto): Promise<AuditView> {
    return this.audits.create(principal, input);
  }

  @Get()
  @ApiOkResponse({ description: 'A page (`Page<AuditView>`) of the organization’s audits, newest first.' })
  list(@CurrentPrincipal() principal: Principal, @Query() query: PageQuery): Promise<Page<AuditView>> {
    return this.audits.list(principal.organizationId, query);
  }

  @Get(':id')
  @ApiOkResponse({
    description:
      'The audit, its questions and respondents (never their links); answers for admins and the audit’s creator.',
  })
  @ApiNotFoundResponse({ description: '`audit_not_found`' })
  get(@CurrentPrincipal() principal: Principal, @Param() params: AuditIdParams): Promise<AuditDetailView> {
    return this.audits.get(principal, params.id);
  }

  @Put(':id/questions')
  @ApiOkResponse({ description: 'The audit’s questions, replaced by these in this order.' })
  @ApiNotFoundResponse({ description: '`audit_not_found`' })
  @ApiConflictResponse({ description: '`audit_questions_locked`: a respondent has answered.' })
  replaceQuestions(
    @CurrentPrincipal() principal: Principal,
    @Param() params: AuditIdParams,
    @Body() input: ReplaceQuestionsDto,
  ): Promise<QuestionView[]> {
    return this.questions.replaceQuestions(principal, params.id, input.questions);
  }

  @Post(':id/questions')
  @ApiCreatedResponse({ description: 'The question, added after the others.' })
  @ApiNotFoundResponse({ description: '`audit_not_found`' })
  @ApiConflictResponse({ description: '`audit_questions_locked` or `audit_question_limit_reached` (50).' })
  addQuestion(
    @CurrentPrincipal() principal: Principal,
    @Param() params: AuditIdParams,
    @Body() input: QuestionDto,
  ): Promise<QuestionView> {
    return this.questions.addQuestion(principal, params.id, input);
  }

  @Post(':id/respondents')
  @ApiCreatedResponse({ description: 'The respondent is stored and their invitation queued, together.' })
  @ApiNotFoundResponse({ description: '`audit_not_found`' })
  @ApiConflictResponse({ description: '`respondent_already_invited` or `audit_past_due`.' })
  addRespondent(
    @CurrentPrincipal() principal: Principal,
    @Param() params: AuditIdParams,
    @Body() input: AddRespondentDto,
  ): Promise<RespondentView> {
    return this.audits.addRespondent(principal, params.id, input);
  }

  @Post(':id/respondents/:rid/remind')
  @HttpCode(200)
  @ApiOkResponse({ description: 'A reminder with a new link is queued; the previous link stops working.' })
  @ApiNotFoundResponse({ description: '`audit_not_found` or `respondent_not_found`' })
  @ApiConflictResponse({ description: '`audit_past_due` or `respondent_already_answered`.' })
  remind(
    @CurrentPrincipal() principal: Principal,
    @Param() params: RespondentParams,
  ): Promise<RespondentView> {
    return this.audits.remind(principal, params.id, params.rid);
  }
}
