import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { User } from '@mailroute/api/core';

/** Which notifications a user also gets by email. No row: every kind is emailed. */
@Entity({ name: 'notification_preferences' })
export class NotificationPreferences {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @OneToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId!: string;

  @Column({ name: 'email_comment_added', type: 'boolean', default: true })
  emailCommentAdded!: boolean;

  @Column({ name: 'email_task_assigned', type: 'boolean', default: true })
  emailTaskAssigned!: boolean;

  @Column({ name: 'email_task_completed', type: 'boolean', default: true })
  emailTaskCompleted!: boolean;
}
