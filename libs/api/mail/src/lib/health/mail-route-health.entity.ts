import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * How an organization's SMTP route is doing, shared by every instance: consecutive failures,
 * whether its queue is held (credentials refused, settings unusable) and when admins were last
 * alerted. One row per organization that has ever sent.
 */
@Entity({ name: 'mail_route_health' })
export class MailRouteHealth {
  @PrimaryColumn({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId!: string;

  @Column({ name: 'consecutive_failures', type: 'integer', default: 0 })
  consecutiveFailures!: number;

  /** While set, the organization's emails are not attempted (nothing is dropped). */
  @Column({ name: 'held_reason', type: 'varchar', length: 64, nullable: true })
  heldReason!: string | null;

  @Column({ name: 'last_failure_code', type: 'varchar', length: 64, nullable: true })
  lastFailureCode!: string | null;

  @Column({ name: 'last_failure_message', type: 'text', nullable: true })
  lastFailureMessage!: string | null;

  @Column({ name: 'last_failure_at', type: Date, nullable: true })
  lastFailureAt!: Date | null;

  @Column({ name: 'last_success_at', type: Date, nullable: true })
  lastSuccessAt!: Date | null;

  @Column({ name: 'last_alert_at', type: Date, nullable: true })
  lastAlertAt!: Date | null;
}
