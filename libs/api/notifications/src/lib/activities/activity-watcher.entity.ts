import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ProcessingActivity } from './processing-activity.entity';

/**
 * A user who follows an activity: its creator, whoever commented on it, whoever chose to follow it,
 * and whoever an admin added.
 */
@Entity({ name: 'processing_activity_watchers' })
export class ActivityWatcher {
  @PrimaryColumn({ name: 'activity_id', type: 'varchar', length: 36 })
  activityId!: string;

  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId!: string;

  @ManyToOne(() => ProcessingActivity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'activity_id' })
  activity?: ProcessingActivity;
}
