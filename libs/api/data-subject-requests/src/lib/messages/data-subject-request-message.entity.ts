import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { DataSubjectRequest } from '../requests/data-subject-request.entity';

/**
 * One message of a request's thread, written by the organization to the data subject. The email
 * that carries it is an outbox row (`email_id`): its delivery status is read from there.
 */
@Entity({ name: 'data_subject_request_messages' })
@Index(['requestId', 'createdAt'])
export class DataSubjectRequestMessage {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId!: string;

  @Column({ name: 'request_id', type: 'varchar', length: 36 })
  requestId!: string;

  @ManyToOne(() => DataSubjectRequest, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  request?: DataSubjectRequest;

  @Column({ type: 'text' })
  body!: string;

  @Column({ name: 'author_id', type: 'varchar', length: 36, nullable: true })
  authorId!: string | null;

  @Column({ name: 'author_email', type: 'varchar', length: 320 })
  authorEmail!: string;

  @Column({ name: 'email_id', type: 'varchar', length: 36 })
  emailId!: string;

  /**
   * Set by the service to the millisecond: the column's default (SQLite's `datetime('now')`) has
   * second precision, and two entries of the same second would then come out in any order.
   */
  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;
}
