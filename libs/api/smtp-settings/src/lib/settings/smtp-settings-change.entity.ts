import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Organization } from '@mailroute/api/core';
import type { SmtpSettingsFieldChange, SmtpSettingsHistoryEntry } from '@mailroute/shared/contracts';

/** One change of an organization's SMTP settings: who, when, which fields (the password only as "changed"). */
@Entity({ name: 'smtp_settings_changes' })
@Index(['organizationId', 'changedAt'])
export class SmtpSettingsChange {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId!: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column({ type: 'varchar', length: 16 })
  action!: SmtpSettingsHistoryEntry['action'];

  @Column({ type: 'simple-json' })
  changes!: SmtpSettingsFieldChange[];

  @Column({ name: 'changed_by_id', type: 'varchar', length: 36, nullable: true })
  changedById!: string | null;

  @Column({ name: 'changed_by_email', type: 'varchar', length: 320, nullable: true })
  changedByEmail!: string | null;

  @Column({ name: 'changed_at', type: Date })
  changedAt!: Date;
}
