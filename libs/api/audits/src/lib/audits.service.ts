import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  AppConfig,
  hashLinkToken,
  issueLinkToken,
  newId,
  type OrganizationId,
  OrganizationsRepository,
  type Principal,
  RequestValidationError,
  trustedOrganizationId,
  UsersRepository,
} from '@mailroute/api/core';
import { MailerService, type MailTemplate } from '@mailroute/api/mail';
import { AuditRespondent } from './audit-respondent.entity';
import {
  type AuditDetailView,
  type AuditView,
  type RespondentAccessView,
  type RespondentView,
  toAuditView,
  toRespondentView,
} from './audit-views';
import { Audit } from './audit.entity';
import {
  auditInvitationTemplate,
  auditReminderTemplate,
  type AuditRespondentEmailData,
} from './audit-emails.templates';
import {
  AuditNotFoundError,
  AuditPastDueError,
  RespondentAlreadyInvitedError,
  RespondentLinkExpiredError,
  RespondentLinkNotFoundError,
  RespondentNotFoundError,
} from './audits-errors';
import { AuditsRepository } from './audits.repository';
import type { AddRespondentDto } from './dto/add-respondent.dto';
import type { CreateAuditDto } from './dto/create-audit.dto';
import { isPastDue, respondentLinkExpiry } from './respondent-link-expiry';

/**
 * Audits and the invitation of their respondents. Inviting and reminding store the change and
 * its email in one transaction (MailerService with the transaction's EntityManager).
 */
@Injectable()
export class AuditsService {
  private readonly logger = new Logger('AuditsService');

  constructor(
    private readonly audits: AuditsRepository,
    private readonly users: UsersRepository,
    private readonly organizations: OrganizationsRepository,
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
    await this.audits.insertAudit(audit);
    this.logger.log(
      { organizationId: principal.organizationId, auditId: audit.id, userId: principal.userId },
      'Audit created',
    );
    return toAuditView(audit, 0);
  }

  async list(organizationId: OrganizationId): Promise<AuditView[]> {
    const [audits, counts] = await Promise.all([
      this.audits.listAudits(organizationId),
      this.audits.respondentCounts(organizationId),
    ]);
    return audits.map((audit) => toAuditView(audit, counts.get(audit.id) ?? 0));
  }

  async get(organizationId: OrganizationId, id: string): Promise<AuditDetailView> {
    const audit = await this.audits.findAudit(organizationId, id);
    if (!audit) {
      throw new AuditNotFoundError();
    }
    const respondents = await this.audits.listRespondents(organizationId, id);
    return { ...toAuditView(audit, respondents.length), respondents: respondents.map(toRespondentView) };
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

  /** What a respondent's link opens: one audit of one organization, nothing else. */
  async access(token: string): Promise<RespondentAccessView> {
    const hash = hashLinkToken(token);
    const respondent = hash === null ? null : await this.audits.findRespondentByTokenHash(hash);
    if (!respondent?.audit) {
      throw new RespondentLinkNotFoundError();
    }
    if (respondent.tokenExpiresAt.getTime() <= Date.now()) {
      throw new RespondentLinkExpiredError();
    }
    const organization = await this.organizations.findById(trustedOrganizationId(respondent.organizationId));
    if (!organization) {
      throw new RespondentLinkNotFoundError();
    }
    return {
      auditTitle: respondent.audit.title,
      dueDate: respondent.audit.dueDate,
      organizationName: organization.name,
      respondent: { email: respondent.email, name: respondent.name },
      linkExpiresAt: respondent.tokenExpiresAt.toISOString(),
    };
  }

  private async openAudit(
    organizationId: OrganizationId,
    auditId: string,
    now: Date,
    manager: EntityManager,
  ): Promise<Audit> {
    const audit = await this.audits.findAudit(organizationId, auditId, manager);
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
          respondUrl: `${this.config.publicUrl}/audits/respond/${token}`,
          dueDate: audit.dueDate,
        },
        locale: respondent.locale,
      },
      manager,
    );
  }
}
