import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Organization } from '@mailroute/api/core';

/** An audit of the organization, whose respondents are invited by email to answer it. */
@Entity({ name: 'audits' })
@Index(['organizationId', 'createdAt'])
export class Audit {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  /** A calendar day, `YYYY-MM-DD`: the same text on SQLite and PostgreSQL, no time zone to shift it. */
  @Column({ name: 'due_date', type: 'varchar', length: 10, nullable: true })
  dueDate!: string | null;

  @Column({ name: 'created_by_id', type: 'varchar', length: 36, nullable: true })
  createdById!: string | null;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;
}
