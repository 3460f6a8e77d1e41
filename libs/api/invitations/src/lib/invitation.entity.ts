import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Organization } from '@mailroute/api/core';
import type { Locale, Role } from '@mailroute/shared/contracts';

/**
 * An invitation to join an organization. Its link's token is never stored, only its SHA-256:
 * resending replaces the hash, so the previous link stops working.
 */
@Entity({ name: 'invitations' })
@Index(['organizationId', 'email'])
export class Invitation {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  /** Lower-case, like users' emails. */
  @Column({ type: 'varchar', length: 320 })
  email!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: Role;

  /** The invitee's language when the admin gave one; else the organization's default. */
  @Column({ type: 'varchar', length: 5, nullable: true })
  locale!: Locale | null;

  @Index({ unique: true })
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ name: 'expires_at', type: Date })
  expiresAt!: Date;

  @Column({ name: 'invited_by_id', type: 'varchar', length: 36, nullable: true })
  invitedById!: string | null;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  /** When the last invitation email (first or resent) was queued. */
  @Column({ name: 'sent_at', type: Date })
  sentAt!: Date;

  @Column({ name: 'accepted_at', type: Date, nullable: true })
  acceptedAt!: Date | null;

  @Column({ name: 'accepted_user_id', type: 'varchar', length: 36, nullable: true })
  acceptedUserId!: string | null;

  @Column({ name: 'revoked_at', type: Date, nullable: true })
  revokedAt!: Date | null;

  /** The latest invitation email (first or resent) in the outbox; null for those sent before it was kept. */
  @Column({ name: 'email_id', type: 'varchar', length: 36, nullable: true })
  emailId!: string | null;
}
