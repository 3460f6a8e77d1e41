import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppConfig, type OrganizationId, trustedOrganizationId } from '@mailroute/api/core';
import type { AttemptError } from '../outbox/outbox.repository';
import { MailRouteHealth } from './mail-route-health.entity';

/** How stale the stored last success of a healthy route may get before a success rewrites it. */
const SUCCESS_PRECISION_MS = 1000;

export type RouteHealthState = 'ok' | 'degraded' | 'unknown';

export interface RouteHealthView {
  state: RouteHealthState;
  held: boolean;
  heldReason: string | null;
  consecutiveFailures: number;
  lastSuccessAt: Date | null;
  lastFailure: { code: string; message: string; at: Date } | null;
}

/**
 * Consecutive failures of each organization's route, shared by every instance through the
 * database (atomic upserts). Decides when admins get an alert: once past the threshold, at most
 * once per period, whichever instance wins the conditional update.
 */
@Injectable()
export class RouteHealthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  /**
   * The route delivered. Written only when it changes something a reader sees: failures to reset,
   * a hold to lift, or a last success older than a second — so a busy organization's emails do
   * not each rewrite the row.
   */
  async recordSuccess(organizationId: OrganizationId, at: Date): Promise<void> {
    await this.upsert(
      organizationId,
      { consecutive_failures: 0, last_success_at: at, held_reason: null },
      `consecutive_failures = 0, last_success_at = excluded.last_success_at, held_reason = NULL
       WHERE mail_route_health.consecutive_failures <> 0 OR mail_route_health.held_reason IS NOT NULL
         OR mail_route_health.last_success_at IS NULL OR mail_route_health.last_success_at < :staleBefore`,
      { staleBefore: new Date(at.getTime() - SUCCESS_PRECISION_MS) },
    );
  }

  /** Counts one more consecutive failure of the organization's route. */
  async recordFailure(organizationId: OrganizationId, failure: AttemptError, at: Date): Promise<void> {
    await this.upsert(
      organizationId,
      {
        consecutive_failures: 1,
        last_failure_code: failure.code,
        last_failure_message: failure.message,
        last_failure_at: at,
      },
      `consecutive_failures = mail_route_health.consecutive_failures + 1, last_failure_code = excluded.last_failure_code,
       last_failure_message = excluded.last_failure_message, last_failure_at = excluded.last_failure_at`,
    );
  }

  /**
   * True for exactly one caller (on any instance) once the route has failed `minimumFailures`
   * times in a row (default: the configured threshold) and no alert went out this period.
   */
  async claimAlert(
    organizationId: OrganizationId,
    at: Date,
    options: { minimumFailures?: number } = {},
  ): Promise<boolean> {
    const { periodMinutes } = this.config.mail.alert;
    const afterFailures = options.minimumFailures ?? this.config.mail.alert.afterFailures;
    const result = await this.dataSource
      .createQueryBuilder()
      .update(MailRouteHealth)
      .set({ lastAlertAt: at })
      .where('organization_id = :organizationId AND consecutive_failures >= :afterFailures', {
        organizationId,
        afterFailures,
      })
      .andWhere('(last_alert_at IS NULL OR last_alert_at < :cutoff)', {
        cutoff: new Date(at.getTime() - periodMinutes * 60_000),
      })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /** Holds the organization's queue (nothing is dropped) until `release`. */
  async hold(organizationId: OrganizationId, reason: string, failure: AttemptError, at: Date): Promise<void> {
    await this.upsert(
      organizationId,
      {
        consecutive_failures: 1,
        held_reason: reason,
        last_failure_code: failure.code,
        last_failure_message: failure.message,
        last_failure_at: at,
      },
      `consecutive_failures = mail_route_health.consecutive_failures + 1, held_reason = excluded.held_reason,
       last_failure_code = excluded.last_failure_code, last_failure_message = excluded.last_failure_message,
       last_failure_at = excluded.last_failure_at`,
    );
  }

  /**
   * Every held organization with its reason, across organizations: for the start-up check that
   * releases those whose reason is gone (a system task, not a tenant's query).
   */
  async heldOrganizations(): Promise<{ organizationId: OrganizationId; reason: string }[]> {
    const rows = await this.dataSource
      .getRepository(MailRouteHealth)
      .createQueryBuilder('health')
      .select(['health.organizationId', 'health.heldReason'])
      .where('health.held_reason IS NOT NULL')
      .getMany();
    return rows.map((row) => ({
      organizationId: trustedOrganizationId(row.organizationId),
      reason: row.heldReason ?? '',
    }));
  }

  async release(organizationId: OrganizationId): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .update(MailRouteHealth)
      .set({ heldReason: null, consecutiveFailures: 0 })
      .where('organization_id = :organizationId', { organizationId })
      .execute();
  }

  async view(organizationId: OrganizationId): Promise<RouteHealthView> {
    const row = await this.dataSource.getRepository(MailRouteHealth).findOneBy({ organizationId });
    if (!row) {
      return {
        state: 'unknown',
        held: false,
        heldReason: null,
        consecutiveFailures: 0,
        lastSuccessAt: null,
        lastFailure: null,
      };
    }
    const degraded = row.heldReason !== null || row.consecutiveFailures > 0;
    return {
      state: degraded ? 'degraded' : row.lastSuccessAt ? 'ok' : 'unknown',
      held: row.heldReason !== null,
      heldReason: row.heldReason,
      consecutiveFailures: row.consecutiveFailures,
      lastSuccessAt: row.lastSuccessAt,
      lastFailure:
        row.lastFailureAt && row.lastFailureCode
          ? { code: row.lastFailureCode, message: row.lastFailureMessage ?? '', at: row.lastFailureAt }
          : null,
    };
  }

  /** INSERT … ON CONFLICT DO UPDATE: one statement on SQLite and PostgreSQL, so counts never race. */
  private async upsert(
    organizationId: string,
    values: Record<string, unknown>,
    onConflict: string,
    conditionParameters: Record<string, unknown> = {},
  ): Promise<void> {
    const columns = ['organization_id', ...Object.keys(values)];
    const named = { ...conditionParameters, organization_id: organizationId, ...values };
    const [sql, parameters] = this.dataSource.driver.escapeQueryWithParameters(
      `INSERT INTO mail_route_health (${columns.join(', ')}) VALUES (${columns.map((c) => `:${c}`).join(', ')})
       ON CONFLICT (organization_id) DO UPDATE SET ${onConflict}`,
      named,
      {},
    );
    await this.dataSource.query(sql, parameters);
  }
}
