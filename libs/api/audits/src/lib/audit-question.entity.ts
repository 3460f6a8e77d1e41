import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Organization } from '@mailroute/api/core';
import type { QuestionKind } from '@mailroute/shared/contracts';
import { Audit } from './audit.entity';

/** One question of an audit, asked to every respondent in `position` order. */
@Entity({ name: 'audit_questions' })
@Index(['auditId', 'position'], { unique: true })
export class AuditQuestion {
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

  @Column({ type: 'varchar', length: 500 })
  text!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: QuestionKind;

  @Column({ type: 'boolean' })
  required!: boolean;

  /** 0-based. */
  @Column({ type: 'integer' })
  position!: number;
}
