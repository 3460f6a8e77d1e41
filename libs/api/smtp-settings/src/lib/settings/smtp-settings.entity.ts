import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Organization } from '@mailroute/api/core';
import type { SmtpFailurePolicy, SmtpSecurityMode } from '@mailroute/shared/contracts';

/**
 * An organization's own SMTP server, stored only once its connection test passed: while the row
 * exists, every email of the organization leaves through it. One row per organization.
 */
@Entity({ name: 'smtp_settings' })
export class SmtpSettings {
  @PrimaryColumn({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId!: string;

  @OneToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column({ type: 'varchar', length: 253 })
  host!: string;

  @Column({ type: 'integer' })
  port!: number;

  @Column({ type: 'varchar', length: 16 })
  security!: SmtpSecurityMode;

  @Column({ type: 'varchar', length: 320 })
  username!: string;

  /** Sealed by SecretBox (AES-256-GCM, key id); never the plaintext. */
  @Column({ name: 'password_sealed', type: 'text' })
  passwordSealed!: string;

  @Column({ name: 'sender_address', type: 'varchar', length: 320 })
  senderAddress!: string;

  @Column({ name: 'sender_name', type: 'varchar', length: 128, nullable: true })
  senderName!: string | null;

  @Column({ name: 'reply_to', type: 'varchar', length: 320, nullable: true })
  replyTo!: string | null;

  @Column({ name: 'ca_certificate', type: 'text', nullable: true })
  caCertificate!: string | null;

  @Column({ name: 'failure_policy', type: 'varchar', length: 16 })
  failurePolicy!: SmtpFailurePolicy;

  /** New on every change: mail replaces a transport built for another version (on every instance). */
  @Column({ type: 'varchar', length: 36 })
  version!: string;

  @Column({ name: 'activated_at', type: Date })
  activatedAt!: Date;

  @Column({ name: 'updated_at', type: Date })
  updatedAt!: Date;

  @Column({ name: 'updated_by_id', type: 'varchar', length: 36, nullable: true })
  updatedById!: string | null;

  @Column({ name: 'updated_by_email', type: 'varchar', length: 320, nullable: true })
  updatedByEmail!: string | null;
}
