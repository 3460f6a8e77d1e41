import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Organization } from '@mailroute/api/core';
import type { NotificationKind, NotificationView } from '@mailroute/shared/contracts';

/** One in-app notification of one user; `email_id` is the outbox row that emailed it, if any. */
@Entity({ name: 'notifications' })
@Index(['recipientId', 'createdAt'])
export class Notification {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column({ name: 'recipient_id', type: 'varchar', length: 36 })
  recipientId!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: NotificationKind;

  @Column({ name: 'actor_id', type: 'varchar', length: 36, nullable: true })
  actorId!: string | null;

  @Column({ name: 'about_type', type: 'varchar', length: 32 })
  aboutType!: NotificationView['about']['type'];

  @Column({ name: 'about_id', type: 'varchar', length: 36 })
  aboutId!: string;

  /** The activity's name or the task's title when it happened. */
  @Column({ name: 'about_name', type: 'varchar', length: 200 })
  aboutName!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  excerpt!: string | null;

  @Column({ name: 'email_id', type: 'varchar', length: 36, nullable: true })
  emailId!: string | null;

  @Column({ name: 'read_at', type: Date, nullable: true })
  readAt!: Date | null;

  /**
   * Set by the service to the millisecond: the column's default (SQLite's `datetime('now')`) has
   * second precision, and two entries of the same second would then come out in any order.
   */
  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;
}
