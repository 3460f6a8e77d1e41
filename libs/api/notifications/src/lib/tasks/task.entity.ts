import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Organization } from '@mailroute/api/core';
import type { TaskStatus } from '@mailroute/shared/contracts';

@Entity({ name: 'tasks' })
@Index(['organizationId', 'createdAt'])
export class Task {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  /** Plain text, possibly several lines; empty for none. */
  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: TaskStatus;

  @Column({ name: 'assignee_id', type: 'varchar', length: 36 })
  assigneeId!: string;

  @Column({ name: 'created_by_id', type: 'varchar', length: 36 })
  createdById!: string;

  @Column({ name: 'processing_activity_id', type: 'varchar', length: 36, nullable: true })
  processingActivityId!: string | null;

  /** A calendar date, `YYYY-MM-DD`. */
  @Column({ name: 'due_date', type: 'varchar', length: 10, nullable: true })
  dueDate!: string | null;

  @Column({ name: 'completed_at', type: Date, nullable: true })
  completedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
