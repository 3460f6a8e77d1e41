import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { OrganizationId } from '@mailroute/api/core';
import { AuditRespondent } from './audit-respondent.entity';
import { Audit } from './audit.entity';

/** Audits and their respondents; every query names its organization, except the lookup by link. */
@Injectable()
export class AuditsRepository {
  constructor(
    @InjectRepository(Audit) private readonly audits: Repository<Audit>,
    @InjectRepository(AuditRespondent) private readonly respondents: Repository<AuditRespondent>,
  ) {}

  async insertAudit(audit: Audit): Promise<void> {
    await this.audits.insert(audit);
  }

  findAudit(organizationId: OrganizationId, id: string, manager?: EntityManager): Promise<Audit | null> {
    return (manager?.getRepository(Audit) ?? this.audits).findOneBy({ organizationId, id });
  }

  listAudits(organizationId: OrganizationId): Promise<Audit[]> {
    return this.audits.find({ where: { organizationId }, order: { createdAt: 'DESC', id: 'ASC' } });
  }

  /** Respondents per audit of the organization, for the list. */
  async respondentCounts(organizationId: OrganizationId): Promise<Map<string, number>> {
    const rows = await this.respondents
      .createQueryBuilder('respondent')
      .select('respondent.audit_id', 'auditId')
      .addSelect('COUNT(*)', 'count')
      .where('respondent.organization_id = :organizationId', { organizationId })
      .groupBy('respondent.audit_id')
      .getRawMany<{ auditId: string; count: string | number }>();
    return new Map(rows.map((row) => [row.auditId, Number(row.count)]));
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
}
