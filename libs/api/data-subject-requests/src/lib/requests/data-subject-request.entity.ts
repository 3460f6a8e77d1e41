import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Organization } from '@mailroute/api/core';
import type { Locale } from '@mailroute/shared/contracts';
import type { DataSubjectRequestType } from '@mailroute/shared/contracts';

/** A rights request (GDPR art. 15–21) received from a data subject, and the deadline to answer it. */
@Entity({ name: 'data_subject_requests' })
@Index(['organizationId', 'receivedAt'])
export class DataSubjectRequest {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column({ type: 'varchar', length: 16 })
  type!: DataSubjectRequestType;

  @Column({ name: 'subject_name', type: 'varchar', length: 120 })
  subjectName!: string;

  @Column({ name: 'subject_email', type: 'varchar', length: 320 })
  subjectEmail!: string;

  /** The data subject's language for our emails; null: the organization's default. */
  @Column({ type: 'varchar', length: 5, nullable: true })
  locale!: Locale | null;

  @Column({ name: 'received_at', type: Date })
  receivedAt!: Date;

  /** A calendar date (`YYYY-MM-DD`), one month after receipt: see `dueDateOf`. */
  @Column({ name: 'due_on', type: 'varchar', length: 10 })
  dueOn!: string;

  @Column({ name: 'created_by_id', type: 'varchar', length: 36, nullable: true })
  createdById!: string | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;
}
