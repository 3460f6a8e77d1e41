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
import type {
  EmailKind,
  EmailRouteType,
  EmailStatus,
  Locale,
  RecipientStatusView,
} from '@mailroute/shared/contracts';

/**
 * One email, stored before it is sent (transactional outbox) and kept afterwards as the
 * organization's email log. Rendered at enqueue time so a retry sends exactly the same message,
 * with the same Message-ID.
 */
@Entity({ name: 'outbound_emails' })
@Index(['status', 'nextAttemptAt'])
@Index(['organizationId', 'createdAt'])
export class OutboundEmail {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column({ type: 'varchar', length: 32 })
  kind!: EmailKind;

  @Column({ type: 'varchar', length: 16 })
  status!: EmailStatus;

  @Column({ type: 'simple-json' })
  recipients!: string[];

  @Column({ type: 'varchar', length: 255 })
  subject!: string;

  @Column({ name: 'text_body', type: 'text' })
  textBody!: string;

  @Column({ name: 'html_body', type: 'text' })
  htmlBody!: string;

  @Column({ name: 'reply_to', type: 'varchar', length: 320, nullable: true })
  replyTo!: string | null;

  /** Extra headers set at enqueue time, e.g. `Auto-Submitted: auto-generated`. */
  @Column({ type: 'simple-json' })
  headers!: Record<string, string>;

  /** Generated at enqueue time and reused on every attempt, so duplicates are recognisable. */
  @Column({ name: 'message_id', type: 'varchar', length: 255 })
  messageId!: string;

  @Column({ type: 'varchar', length: 5 })
  locale!: Locale;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'next_attempt_at' })
  nextAttemptAt!: Date;

  /** The sender that claimed the email, and until when it may keep it. */
  @Column({ name: 'lease_owner', type: 'varchar', length: 64, nullable: true })
  leaseOwner!: string | null;

  @Column({ name: 'lease_expires_at', type: Date, nullable: true })
  leaseExpiresAt!: Date | null;

  @Column({ name: 'route_type', type: 'varchar', length: 16, nullable: true })
  routeType!: EmailRouteType | null;

  @Column({ name: 'route_host', type: 'varchar', length: 255, nullable: true })
  routeHost!: string | null;

  @Column({ name: 'route_port', type: 'integer', nullable: true })
  routePort!: number | null;

  @Column({ name: 'route_sender', type: 'varchar', length: 320, nullable: true })
  routeSender!: string | null;

  @Column({ name: 'server_response', type: 'text', nullable: true })
  serverResponse!: string | null;

  @Column({ name: 'recipient_statuses', type: 'simple-json', nullable: true })
  recipientStatuses!: RecipientStatusView[] | null;

  @Column({ name: 'last_error_code', type: 'varchar', length: 64, nullable: true })
  lastErrorCode!: string | null;

  @Column({ name: 'last_error_smtp_code', type: 'integer', nullable: true })
  lastErrorSmtpCode!: number | null;

  @Column({ name: 'last_error_message', type: 'text', nullable: true })
  lastErrorMessage!: string | null;

  @Column({ name: 'last_error_at', type: Date, nullable: true })
  lastErrorAt!: Date | null;

  @Column({ name: 'sent_at', type: Date, nullable: true })
  sentAt!: Date | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
