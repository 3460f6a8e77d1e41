import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, IsNull, Not, type Repository } from 'typeorm';
import type { OrganizationId, PageWindow } from '@mailroute/api/core';
import { AuditAnswer } from './audit-answer.entity';
import { AuditQuestion } from './audit-question.entity';
import { AuditRespondent } from './audit-respondent.entity';
import { Audit } from './audit.entity';

/** What the list shows of each audit beside the audit itself. */
export interface AuditCounts {
  questions: number;
  respondents: number;
  answered: number;
}

/** Audits, their questions, respondents and answers; every query names its organization, except the lookup by link. */
@Injectable()
export class AuditsRepository {
  constructor(
    @InjectRepository(Audit) private readonly audits: Repository<Audit>,
    @InjectRepository(AuditRespondent) private readonly respondents: Repository<AuditRespondent>,
    @InjectRepository(AuditQuestion) private readonly questions: Repository<AuditQuestion>,
    @InjectRepository(AuditAnswer) private readonly answers: Repository<AuditAnswer>,
  ) {}

  async insertAudit(audit: Audit, manager: EntityManager): Promise<void> {
    await manager.getRepository(Audit).insert(audit);
  }

  findAudit(organizationId: OrganizationId, id: string, manager?: EntityManager): Promise<Audit | null> {
    return (manager?.getRepository(Audit) ?? this.audits).findOneBy({ organizationId, id });
  }

  /**
   * The audit, its row locked until the transaction ends (PostgreSQL; SQLite runs one write
   * transaction at a time): what changes its questions or respondents' answers goes one at a time.
   */
  lockAudit(organizationId: OrganizationId, id: string, manager: EntityManager): Promise<Audit | null> {
    const postgres = manager.connection.options.type === 'postgres';
    return manager.getRepository(Audit).findOne({
      where: { organizationId, id },
      ...(postgres ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  async listAudits(
    organizationId: OrganizationId,
    window: PageWindow,
  ): Promise<{ items: Audit[]; total: number }> {
    const [items, total] = await this.audits.findAndCount({
      where: { organizationId },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: window.offset,
      take: window.pageSize,
    });
    return { items, total };
  }

  /** Questions, respondents and answered respondents of these audits of the organization. */
  async countsOf(
    organizationId: OrganizationId,
    auditIds: readonly string[],
  ): Promise<Map<string, AuditCounts>> {
    const counts = new Map<string, AuditCounts>(
      auditIds.map((id) => [id, { questions: 0, respondents: 0, answered: 0 }]),
    );
    if (auditIds.length === 0) {
      return counts;
    }
    const [respondentRows, questionRows] = await Promise.all([
      this.respondents
        .createQueryBuilder('respondent')
        .select('respondent.audit_id', 'auditId')
        .addSelect('COUNT(*)', 'count')
        .addSelect('COUNT(respondent.answered_at)', 'answered')
        .where('respondent.organization_id = :organizationId', { organizationId })
        .andWhere('respondent.audit_id IN (:...auditIds)', { auditIds })
        .groupBy('respondent.audit_id')
        .getRawMany<{ auditId: string; count: string | number; answered: string | number }>(),
      this.questions
        .createQueryBuilder('question')
        .select('question.audit_id', 'auditId')
        .addSelect('COUNT(*)', 'count')
        .where('question.organization_id = :organizationId', { organizationId })
        .andWhere('question.audit_id IN (:...auditIds)', { auditIds })
        .groupBy('question.audit_id')
        .getRawMany<{ auditId: string; count: string | number }>(),
    ]);
    for (const row of respondentRows) {
      const entry = counts.get(row.auditId);
      if (entry) {
        entry.respondents = Number(row.count);
        entry.answered = Number(row.answered);
      }
    }
    for (const row of questionRows) {
      const entry = counts.get(row.auditId);
      if (entry) {
        entry.questions = Number(row.count);
      }
    }
    return counts;
  }

  /** Respondents of one audit, and how many have answered, as the transaction sees them. */
  async respondentTally(
    organizationId: OrganizationId,
    auditId: string,
    manager: EntityManager,
  ): Promise<{ respondents: number; answered: number }> {
    const repository = manager.getRepository(AuditRespondent);
    const respondents = await repository.countBy({ organizationId, auditId });
    const answered = await repository.countBy({ organizationId, auditId, answeredAt: Not(IsNull()) });
    return { respondents, answered };
  }

  listQuestions(
    organizationId: OrganizationId,
    auditId: string,
    manager?: EntityManager,
  ): Promise<AuditQuestion[]> {
    return (manager?.getRepository(AuditQuestion) ?? this.questions).find({
      where: { organizationId, auditId },
      order: { position: 'ASC' },
    });
  }

  /** The audit's questions become these (positions renumbered by the caller). */
  async replaceQuestions(
    organizationId: OrganizationId,
    auditId: string,
    questions: AuditQuestion[],
    manager: EntityManager,
  ): Promise<void> {
    const repository = manager.getRepository(AuditQuestion);
    await repository.delete({ organizationId, auditId });
    await this.insertQuestions(questions, manager);
  }

  async insertQuestions(questions: AuditQuestion[], manager: EntityManager): Promise<void> {
    if (questions.length > 0) {
      await manager.getRepository(AuditQuestion).insert(questions);
    }
  }

  /** Whether a respondent of the audit has answered: its questions then stay as they are. */
  hasAnswers(organizationId: OrganizationId, auditId: string, manager: EntityManager): Promise<boolean> {
    return manager
      .getRepository(AuditRespondent)
      .existsBy({ organizationId, auditId, answeredAt: Not(IsNull()) });
  }

  listRespondents(organizationId: OrganizationId, auditId: string): Promise<AuditRespondent[]> {
    return this.respondents.find({
      where: { organizationId, auditId },
      order: { invitedAt: 'ASC', id: 'ASC' },
    });
  }

  findRespondent(
    organizationId: OrganizationId,
    auditId: string,
    id: string,
    manager?: EntityManager,
  ): Promise<AuditRespondent | null> {
    return (manager?.getRepository(AuditRespondent) ?? this.respondents).findOneBy({
      organizationId,
      auditId,
      id,
    });
  }

  respondentExists(
    organizationId: OrganizationId,
    auditId: string,
    email: string,
    manager: EntityManager,
  ): Promise<boolean> {
    return manager.getRepository(AuditRespondent).existsBy({ organizationId, auditId, email });
  }

  async insertRespondent(respondent: AuditRespondent, manager: EntityManager): Promise<void> {
    await manager.getRepository(AuditRespondent).insert(respondent);
  }

  /** Replaces the link; conditional on the current one, so of two concurrent reminders one wins. */
  async replaceLink(
    organizationId: OrganizationId,
    respondent: AuditRespondent,
    changes: Pick<AuditRespondent, 'tokenHash' | 'tokenExpiresAt' | 'lastRemindedAt' | 'reminderCount'>,
    manager: EntityManager,
  ): Promise<boolean> {
    const result = await manager
      .getRepository(AuditRespondent)
      .update({ organizationId, id: respondent.id, tokenHash: respondent.tokenHash }, changes);
    return (result.affected ?? 0) > 0;
  }

  /** The one lookup without a tenant: the link's holder is not signed in, the token names the audit. */
  findRespondentByTokenHash(tokenHash: string): Promise<AuditRespondent | null> {
    return this.respondents.findOne({ where: { tokenHash }, relations: { audit: true } });
  }

  /**
   * Records that the respondent answered, if they had not and their link is still the one they
   * used: of two submissions, or a submission and a reminder, one wins.
   */
  async markAnswered(
    organizationId: OrganizationId,
    respondent: AuditRespondent,
    answeredAt: Date,
    manager: EntityManager,
  ): Promise<boolean> {
    const result = await manager
      .getRepository(AuditRespondent)
      .update(
        { organizationId, id: respondent.id, tokenHash: respondent.tokenHash, answeredAt: IsNull() },
        { answeredAt },
      );
    return (result.affected ?? 0) > 0;
  }

  async insertAnswers(answers: AuditAnswer[], manager: EntityManager): Promise<void> {
    if (answers.length > 0) {
      await manager.getRepository(AuditAnswer).insert(answers);
    }
  }

  listAnswers(organizationId: OrganizationId, auditId: string): Promise<AuditAnswer[]> {
    return this.answers.findBy({ organizationId, auditId });
  }

  listAnswersOf(organizationId: OrganizationId, respondentId: string): Promise<AuditAnswer[]> {
    return this.answers.findBy({ organizationId, respondentId });
  }
}
