import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Organization } from '@mailroute/api/core';
import { AuditQuestion } from './audit-question.entity';
import { AuditRespondent } from './audit-respondent.entity';
import { Audit } from './audit.entity';

/** A respondent's answer to one question; written once, with the respondent's `answeredAt`. */
@Entity({ name: 'audit_answers' })
@Index(['respondentId', 'questionId'], { unique: true })
@Index(['auditId'])
export class AuditAnswer {
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

  @Column({ name: 'respondent_id', type: 'varchar', length: 36 })
  respondentId!: string;

  @ManyToOne(() => AuditRespondent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'respondent_id' })
  respondent?: AuditRespondent;

  @Column({ name: 'question_id', type: 'varchar', length: 36 })
  questionId!: string;

  // NO ACTION, not CASCADE: a question that has answers is never deleted on its own (questions
  // are locked once someone answered), so a bug that tried would fail rather than lose answers.
  @ManyToOne(() => AuditQuestion, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'question_id' })
  question?: AuditQuestion;

  /**
   * The value as JSON (`true`, `"text"`): one portable column for both kinds, read back as the
   * boolean or string the question's kind asks for.
   */
  @Column({ type: 'text' })
  value!: string;
}
