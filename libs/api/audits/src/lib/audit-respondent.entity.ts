import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Organization } from '@mailroute/api/core';
import type { Locale } from '@mailroute/shared/contracts';
import { Audit } from './audit.entity';

/**
 * Someone invited to answer an audit. Their personal link's token is never stored, only its
 * SHA-256: a reminder issues a new link and the previous one stops working.
 */
@Entity({ name: 'audit_respondents' })
@Index(['auditId', 'email'], { unique: true })
export class AuditRespondent {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column({ name: 'audit_id', type: 'varchar', length: 36 })
  auditId!: string;

  @ManyToOne(() => Audit, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'audit_id' })
  audit?: Audit;

  /** Lower-case. */
  @Column({ type: 'varchar', length: 320 })
  email!: string;

  @Column({ type: 'varchar', length: 120, nullable: true })
  name!: string | null;

  /** The respondent's language when given; else the organization's default. */
  @Column({ type: 'varchar', length: 5, nullable: true })
  locale!: Locale | null;

  @Index({ unique: true })
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ name: 'token_expires_at', type: Date })
  tokenExpiresAt!: Date;

  @Column({ name: 'invited_at', type: Date })
  invitedAt!: Date;

  @Column({ name: 'last_reminded_at', type: Date, nullable: true })
  lastRemindedAt!: Date | null;

  @Column({ name: 'reminder_count', type: 'integer', default: 0 })
  reminderCount!: number;

  /** When their answers were stored; null until then. They answer once. */
  @Column({ name: 'answered_at', type: Date, nullable: true })
  answeredAt!: Date | null;
}
