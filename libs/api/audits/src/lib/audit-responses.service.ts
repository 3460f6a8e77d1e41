import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  hashLinkToken,
  newId,
  type OrganizationId,
  OrganizationsRepository,
  RequestValidationError,
  trustedOrganizationId,
  UsersRepository,
} from '@mailroute/api/core';
import { MailerService } from '@mailroute/api/mail';
import type { AnswerInput, RespondentAccessView } from '@mailroute/shared/contracts';
import { checkAnswers } from './answer-sheet';
import { AuditAnswer } from './audit-answer.entity';
import { auditAnsweredTemplate } from './templates/audit-emails.templates';
import type { AuditRespondent } from './audit-respondent.entity';
import { encodeAnswerValue, toAnswerViews, toQuestionView } from './audit-views';
import type { Audit } from './audit.entity';
import {
  AnswersAlreadySubmittedError,
  AuditWithoutQuestionsError,
  RespondentLinkExpiredError,
  RespondentLinkNotFoundError,
} from './audits-errors';
import { AuditsRepository } from './audits.repository';

/**
 * What a respondent's personal link does: open one audit of one organization, and answer it
 * once. The answers, the respondent's `answeredAt` and the email telling the audit's creator are
 * stored in one transaction.
 */
@Injectable()
export class AuditResponsesService {
  private readonly logger = new Logger('AuditResponsesService');

  constructor(
    private readonly audits: AuditsRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly users: UsersRepository,
    private readonly mailer: MailerService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** The audit the link is for, its questions, and the holder's answers once given. */
  async access(token: string): Promise<RespondentAccessView> {
    const respondent = await this.respondentOf(token);
    const organizationId = trustedOrganizationId(respondent.organizationId);
    const [organization, questions, answers] = await Promise.all([
      this.organizations.findById(organizationId),
      this.audits.listQuestions(organizationId, respondent.auditId),
      respondent.answeredAt === null
        ? Promise.resolve(null)
        : this.audits.listAnswersOf(organizationId, respondent.id),
    ]);
    if (!organization || !respondent.audit) {
      throw new RespondentLinkNotFoundError();
    }
    return {
      auditTitle: respondent.audit.title,
      dueDate: respondent.audit.dueDate,
      organizationName: organization.name,
      respondent: { email: respondent.email, name: respondent.name },
      locale: respondent.locale ?? organization.defaultLocale,
      linkExpiresAt: respondent.tokenExpiresAt.toISOString(),
      questions: questions.map(toQuestionView),
      answeredAt: respondent.answeredAt?.toISOString() ?? null,
      answers: answers === null ? null : toAnswerViews(answers, questions),
    };
  }

  /**
   * Stores the holder's answers, once: a second submission, or one racing with it, is refused
   * with `answers_already_submitted`. Answers are checked against the audit's questions as they
   * are when stored (questions cannot change meanwhile: both lock the audit).
   */
  async submit(token: string, answers: AnswerInput[]): Promise<RespondentAccessView> {
    const respondent = await this.respondentOf(token);
    if (respondent.answeredAt !== null) {
      throw new AnswersAlreadySubmittedError();
    }
    const organizationId = trustedOrganizationId(respondent.organizationId);
    const now = new Date();
    await this.dataSource.transaction(async (manager) => {
      const audit = await this.audits.lockAudit(organizationId, respondent.auditId, manager);
      if (!audit) {
        throw new RespondentLinkNotFoundError();
      }
      const questions = await this.audits.listQuestions(organizationId, audit.id, manager);
      if (questions.length === 0) {
        throw new AuditWithoutQuestionsError();
      }
      const sheet = checkAnswers(questions, answers);
      if (!sheet.valid) {
        throw new RequestValidationError(sheet.errors);
      }
      if (!(await this.audits.markAnswered(organizationId, respondent, now, manager))) {
        const current = await this.audits.findRespondent(organizationId, audit.id, respondent.id, manager);
        throw current?.answeredAt ? new AnswersAlreadySubmittedError() : new RespondentLinkNotFoundError();
      }
      await this.audits.insertAnswers(
        sheet.answers.map(({ question, value }) =>
          Object.assign(new AuditAnswer(), {
            id: newId(),
            organizationId,
            auditId: audit.id,
            respondentId: respondent.id,
            questionId: question.id,
            value: encodeAnswerValue(value),
          } satisfies AuditAnswer),
        ),
        manager,
      );
      await this.tellCreator(organizationId, audit, respondent, manager);
    });
    this.logger.log(
      { organizationId, auditId: respondent.auditId, respondentId: respondent.id },
      'Audit answered',
    );
    return this.access(token);
  }

  /** The respondent whose link this is, refused as `GET` refuses it: unknown, replaced, expired. */
  private async respondentOf(token: string): Promise<AuditRespondent> {
    const hash = hashLinkToken(token);
    const respondent = hash === null ? null : await this.audits.findRespondentByTokenHash(hash);
    if (!respondent?.audit) {
      throw new RespondentLinkNotFoundError();
    }
    if (respondent.tokenExpiresAt.getTime() <= Date.now()) {
      throw new RespondentLinkExpiredError();
    }
    return respondent;
  }

  /** Emails the audit's creator, through the organization's route, in their language. */
  private async tellCreator(
    organizationId: OrganizationId,
    audit: Audit,
    respondent: AuditRespondent,
    manager: EntityManager,
  ): Promise<void> {
    const creator =
      audit.createdById === null
        ? null
        : await this.users.findById(organizationId, audit.createdById, manager);
    if (!creator) {
      // Audits record their creator; one removed since has no one to tell.
      this.logger.warn(
        { organizationId, auditId: audit.id },
        'Audit answered; its creator is no longer a user',
      );
      return;
    }
    const tally = await this.audits.respondentTally(organizationId, audit.id, manager);
    await this.mailer.send(
      {
        organizationId,
        kind: 'notification',
        to: creator.email,
        template: auditAnsweredTemplate,
        data: {
          auditId: audit.id,
          auditTitle: audit.title,
          respondentName: respondent.name ?? respondent.email,
          answeredCount: tally.answered,
          respondentCount: tally.respondents,
        },
        locale: creator.locale,
      },
      manager,
    );
  }
}
