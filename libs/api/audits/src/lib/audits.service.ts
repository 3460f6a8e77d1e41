import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  AppConfig,
  issueLinkToken,
  newId,
  type OrganizationId,
  type PageQuery,
  pageWindow,
  type Principal,
  RequestValidationError,
  toPage,
  trustedOrganizationId,
  UsersRepository,
} from '@mailroute/api/core';
import { MailerService, type MailTemplate } from '@mailroute/api/mail';
import {
  type AuditDetailView,
  type AuditView,
  type Page,
  type RespondentView,
  webPagePath,
} from '@mailroute/shared/contracts';
import type { AuditAnswer } from './audit-answer.entity';
import { AuditRespondent } from './audit-respondent.entity';
import { toAnswerViews, toAuditView, toQuestionView, toRespondentView } from './audit-views';
import { Audit } from './audit.entity';
import {
  auditInvitationTemplate,
  auditReminderTemplate,
  type AuditRespondentEmailData,
} from './templates/audit-emails.templates';
import {
  AuditNotFoundError,
  AuditPastDueError,
  RespondentAlreadyAnsweredError,
  RespondentAlreadyInvitedError,
  RespondentNotFoundError,
} from './audits-errors';
import { newQuestions } from './audit-questions.service';
import { AuditsRepository } from './audits.repository';
import type { AddRespondentDto } from './dto/add-respondent.dto';
import type { CreateAuditDto } from './dto/create-audit.dto';
import { isPastDue, respondentLinkExpiry } from './respondent-link-expiry';

/**
 * The organization's side of audits: creating and reading them, inviting their respondents.
 * Inviting and reminding store the change and its email in one transaction (MailerService with
 * the transaction's EntityManager). Editing questions is AuditQuestionsService's; what a
 * respondent's link does is AuditResponsesService's.
 */
@Injectable()
export class AuditsService {
  private readonly logger = new Logger('AuditsService');

  constructor(
    private readonly audits: AuditsRepository,
    private readonly users: UsersRepository,
    private readonly mailer: MailerService,
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async create(principal: Principal, input: CreateAuditDto): Promise<AuditView> {
    const now = new Date();
    const dueDate = input.dueDate ?? null;
    if (dueDate !== null && isPastDue(dueDate, now)) {
      throw new RequestValidationError([{ field: 'dueDate', reason: 'must be today or later' }]);
    }
    const audit = Object.assign(new Audit(), {
      id: newId(),
      organizationId: principal.organizationId,
      title: input.title,
      dueDate,
      createdById: principal.userId,
      createdAt: now,
    } satisfies Audit);
    const questions = newQuestions(principal.organizationId, audit.id, input.questions ?? [], 0);
    await this.dataSource.transaction(async (manager) => {
      await this.audits.insertAudit(audit, manager);
      await this.audits.insertQuestions(questions, manager);
    });
    this.logger.log(
      { organizationId: principal.organizationId, auditId: audit.id, userId: principal.userId },
      'Audit created',
    );
    return toAuditView(audit, { questions: questions.length, respondents: 0, answered: 0 });
  }

  /** The organization's audits, newest first. */
  async list(organizationId: OrganizationId, query: PageQuery): Promise<Page<AuditView>> {
    const window = pageWindow(query);
    const { items, total } = await this.audits.listAudits(organizationId, window);
    const counts = await this.audits.countsOf(
      organizationId,
      items.map((audit) => audit.id),
    );
    const views = items.map((audit) =>
      toAuditView(audit, counts.get(audit.id) ?? { questions: 0, respondents: 0, answered: 0 }),
    );
    return toPage(views, total, window);
  }

  /**
   * The audit, its questions and respondents. Answers are for the organization's admins and the
   * audit's creator; other members see who answered and when, not what.
   */
  async get(principal: Principal, id: string): Promise<AuditDetailView> {
    const { organizationId } = principal;
    const audit = await this.audits.findAudit(organizationId, id);
    if (!audit) {
      throw new AuditNotFoundError();
    }
    const canReadAnswers = principal.role === 'admin' || principal.userId === audit.createdById;
    const [questions, respondents, answers] = await Promise.all([
      this.audits.listQuestions(organizationId, id),
      this.audits.listRespondents(organizationId, id),
      canReadAnswers ? this.audits.listAnswers(organizationId, id) : Promise.resolve([]),
    ]);
    const answered = respondents.filter((respondent) => respondent.answeredAt !== null).length;
    const answersOf = new Map<string, AuditAnswer[]>();
    for (const answer of answers) {
      answersOf.set(answer.respondentId, [...(answersOf.get(answer.respondentId) ?? []), answer]);
    }
    return {
      ...toAuditView(audit, { questions: questions.length, respondents: respondents.length, answered }),
      questions: questions.map(toQuestionView),
      canReadAnswers,
      respondents: respondents.map((respondent) => ({
        ...toRespondentView(respondent),
        answers:
          canReadAnswers && respondent.answeredAt !== null
            ? toAnswerViews(answersOf.get(respondent.id) ?? [], questions)
            : null,
      })),
    };
  }

  async addRespondent(
    principal: Principal,
    auditId: string,
    input: AddRespondentDto,
  ): Promise<RespondentView> {
    const { organizationId } = principal;
    const senderName = await this.users.displayNameOf(principal);
    const issued = issueLinkToken();
    const now = new Date();
    const respondent = await this.dataSource.transaction(async (manager) => {
      const audit = await this.openAudit(organizationId, auditId, now, manager);
      const email = input.email.toLowerCase();
      if (await this.audits.respondentExists(organizationId, auditId, email, manager)) {
        throw new RespondentAlreadyInvitedError();
      }
      const added = Object.assign(new AuditRespondent(), {
        id: newId(),
        organizationId,
        auditId,
        email,
        name: input.name ?? null,
        locale: input.locale ?? null,
        tokenHash: issued.hash,
        tokenExpiresAt: respondentLinkExpiry(audit.dueDate, now),
        invitedAt: now,
        lastRemindedAt: null,
        reminderCount: 0,
        answeredAt: null,
      } satisfies AuditRespondent);
      await this.audits.insertRespondent(added, manager);
      await this.sendLink(auditInvitationTemplate, audit, added, issued.token, senderName, manager);
      return added;
    });
    this.logger.log(
      { organizationId, auditId, respondentId: respondent.id, userId: principal.userId },
      'Audit respondent invited',
    );
    return toRespondentView(respondent);
  }

  /**
   * Emails the respondent again. Only the link's hash is stored, so the reminder carries a new
   * link (valid until the due date, or 30 days) and the previous one stops working.
   */
  async remind(principal: Principal, auditId: string, respondentId: string): Promise<RespondentView> {
    const { organizationId } = principal;
    const senderName = await this.users.displayNameOf(principal);
    const issued = issueLinkToken();
    const now = new Date();
    const reminded = await this.dataSource.transaction(async (manager) => {
      const audit = await this.openAudit(organizationId, auditId, now, manager);
      const respondent = await this.audits.findRespondent(organizationId, auditId, respondentId, manager);
      if (!respondent) {
        throw new RespondentNotFoundError();
      }
      if (respondent.answeredAt !== null) {
        throw new RespondentAlreadyAnsweredError();
      }
      const changes = {
        tokenHash: issued.hash,
        tokenExpiresAt: respondentLinkExpiry(audit.dueDate, now),
        lastRemindedAt: now,
        reminderCount: respondent.reminderCount + 1,
      };
      if (!(await this.audits.replaceLink(organizationId, respondent, changes, manager))) {
        // Another reminder replaced the link meanwhile: that one was sent, this one is not needed.
        throw new RespondentNotFoundError();
      }
      const updated = Object.assign(respondent, changes);
      await this.sendLink(auditReminderTemplate, audit, updated, issued.token, senderName, manager);
      return updated;
    });
    this.logger.log(
      { organizationId, auditId, respondentId, userId: principal.userId },
      'Audit respondent reminded',
    );
    return toRespondentView(reminded);
  }

  private async openAudit(
    organizationId: OrganizationId,
    auditId: string,
    now: Date,
    manager: EntityManager,
  ): Promise<Audit> {
    const audit = await this.audits.lockAudit(organizationId, auditId, manager);
    if (!audit) {
      throw new AuditNotFoundError();
    }
    if (audit.dueDate !== null && isPastDue(audit.dueDate, now)) {
      throw new AuditPastDueError();
    }
    return audit;
  }

  private async sendLink(
    template: MailTemplate<AuditRespondentEmailData>,
    audit: Audit,
    respondent: AuditRespondent,
    token: string,
    senderName: string,
    manager: EntityManager,
  ): Promise<void> {
    await this.mailer.send(
      {
        organizationId: trustedOrganizationId(respondent.organizationId),
        kind: 'audit_invitation',
        to: respondent.email,
        template,
        data: {
          auditTitle: audit.title,
          respondentName: respondent.name,
          senderName,
          respondUrl: `${this.config.publicUrl}${webPagePath('auditResponse', { token })}`,
          dueDate: audit.dueDate,
        },
        locale: respondent.locale,
      },
      manager,
    );
  }
}
