import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ProcessingActivity } from './processing-activity.entity';

@Entity({ name: 'processing_activity_comments' })
@Index(['activityId', 'createdAt'])
export class ActivityComment {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId!: string;

  @Column({ name: 'activity_id', type: 'varchar', length: 36 })
  activityId!: string;

  @ManyToOne(() => ProcessingActivity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'activity_id' })
  activity?: ProcessingActivity;

  @Column({ name: 'author_id', type: 'varchar', length: 36, nullable: true })
  authorId!: string | null;

  @Column({ type: 'text' })
  body!: string;

  /**
   * Set by the service to the millisecond: the column's default (SQLite's `datetime('now')`) has
   * second precision, and two entries of the same second would then come out in any order.
   */
  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;
}
