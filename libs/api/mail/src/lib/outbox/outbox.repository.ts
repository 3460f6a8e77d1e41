import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, type DataSource, type EntityManager } from 'typeorm';
import type {
  EmailKind,
  EmailRouteType,
  EmailStatus,
  RecipientStatusView,
} from '@mailroute/shared/contracts';
import { entitiesFromRows, type OrganizationId, plainInsert, plainUpdate } from '@mailroute/api/core';
import { OutboundEmail } from './outbound-email.entity';

export interface RouteUsed {
  type: EmailRouteType;
  host: string;
  port: number;
  sender: string;
}

export interface SentOutcome {
  route: RouteUsed;
  serverResponse: string;
  recipients: RecipientStatusView[];
  at: Date;
}

export interface AttemptError {
  code: string;
  smtpCode: number | null;
  message: string;
  /** Each recipient's fate when the attempt reached RCPT TO (e.g. a 550 for the address); kept as the email's recipients. */
  recipients?: RecipientStatusView[];
}

export interface EmailLogQuery {
  status?: EmailStatus;
  kind?: EmailKind;
  page: number;
  pageSize: number;
}

/**
 * Due: queued or retrying and its time has come, or claimed by a sender whose lease expired.
 * Emails of a held organization wait, except the system alerts that tell its admins why.
 */
const DUE_CONDITION = `((e.status IN ('queued', 'retrying') AND e.next_attempt_at <= :now)
    OR (e.status = 'sending' AND e.lease_expires_at < :now))
  AND (e.kind = 'system_alert' OR NOT EXISTS (
    SELECT 1 FROM mail_route_health h WHERE h.organization_id = e.organization_id AND h.held_reason IS NOT NULL))`;

/**
 * Every read and write of the outbox. Outcome writes are guarded by the claim's lease owner: a
 * sender whose lease expired and was taken over can no longer overwrite the newer attempt.
 */
@Injectable()
export class OutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repository(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(OutboundEmail);
  }

  async insert(email: OutboundEmail, manager?: EntityManager): Promise<void> {
    const [sql, parameters] = plainInsert(this.dataSource, OutboundEmail, email);
    await (manager ?? this.dataSource.manager).query(sql, parameters);
  }

  /**
   * Atomically takes up to `limit` emails that are due (queued or retrying, or whose sender's
   * lease expired, e.g. after a crash) for `owner`, counting the attempt. Safe with several
   * processes: SQLite serialises writers; PostgreSQL skips rows another sender has locked.
   * Emails of a held organization wait, except the system alerts that tell its admins why.
   */
  async claimDue(
    owner: string,
    limit: number,
    now: Date,
    leaseUntil: Date,
    /**
     * Emails this sender is delivering right now. Never claimed again, even past their lease (a
     * send slowed down by a busy machine): only another process may take them over.
     */
    inFlight: readonly string[] = [],
  ): Promise<OutboundEmail[]> {
    return this.claim(owner, now, leaseUntil, { limit, exclude: inFlight });
  }

  /**
   * Claims one given email if it is still due (a queue job names it). False-y when another
   * sender has it, it was sent meanwhile, or its organization is held: the job is then a no-op.
   */
  async claimById(id: string, owner: string, now: Date, leaseUntil: Date): Promise<OutboundEmail | null> {
    return (await this.claim(owner, now, leaseUntil, { limit: 1, id }))[0] ?? null;
  }

  /** Ids of due emails, oldest first, for the queue's sweeper (claims nothing). */
  async dueIds(now: Date, limit: number): Promise<{ id: string; attempts: number }[]> {
    const [sql, parameters] = this.dataSource.driver.escapeQueryWithParameters(
      `SELECT e.id, e.attempts FROM outbound_emails e WHERE ${DUE_CONDITION} ORDER BY e.next_attempt_at LIMIT :limit`,
      { now, limit },
      {},
    );
    return (
      (await this.dataSource.query(sql, parameters)) as { id: string; attempts: number | string }[]
    ).map((row) => ({
      id: row.id,
      attempts: Number(row.attempts),
    }));
  }

  /** The one claim statement behind claimDue and claimById. */
  private async claim(
    owner: string,
    now: Date,
    leaseUntil: Date,
    options: { limit: number; id?: string; exclude?: readonly string[] },
  ): Promise<OutboundEmail[]> {
    const exclude = options.exclude ?? [];
    const postgres = this.dataSource.options.type === 'postgres';
    const [sql, parameters] = this.dataSource.driver.escapeQueryWithParameters(
      `UPDATE outbound_emails SET status = 'sending', lease_owner = :owner, lease_expires_at = :leaseUntil,
         attempts = attempts + 1, updated_at = :now
       WHERE id IN (
         SELECT e.id FROM outbound_emails e
         WHERE ${DUE_CONDITION} ${options.id ? 'AND e.id = :id' : ''}
           ${exclude.length > 0 ? 'AND e.id NOT IN (:...exclude)' : ''}
         ORDER BY e.next_attempt_at
         LIMIT :limit
         ${postgres ? 'FOR UPDATE OF e SKIP LOCKED' : ''}
       )
       RETURNING *`,
      { owner, leaseUntil, now, limit: options.limit, id: options.id, exclude: [...exclude] },
      {},
    );
    const result: unknown = await this.dataSource.query(sql, parameters);
    // PostgreSQL answers [rows, count] for UPDATE … RETURNING; SQLite answers the rows.
    const rows = (
      postgres && Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result
    ) as Record<string, unknown>[];
    return entitiesFromRows(this.dataSource, OutboundEmail, rows);
  }

  async markSent(email: OutboundEmail, owner: string, outcome: SentOutcome): Promise<boolean> {
    return this.finishAttempt(email.id, owner, sentColumns(outcome));
  }

  /** Stores, as sent at its first attempt, an email delivered outside the outbox (the SMTP settings test). */
  async insertSent(email: OutboundEmail, outcome: SentOutcome, manager?: EntityManager): Promise<void> {
    await this.insert(
      Object.assign(email, { ...sentColumns(outcome), attempts: 1, updatedAt: outcome.at }),
      manager,
    );
  }

  async markRetry(
    email: OutboundEmail,
    owner: string,
    error: AttemptError,
    nextAttemptAt: Date,
    route: RouteUsed | null,
    at: Date,
  ): Promise<boolean> {
    return this.finishAttempt(email.id, owner, {
      status: 'retrying',
      nextAttemptAt,
      ...errorColumns(error, at),
      ...routeColumns(route),
    });
  }

  async markFailed(
    email: OutboundEmail,
    owner: string,
    error: AttemptError,
    route: RouteUsed | null,
    at: Date,
  ): Promise<boolean> {
    return this.finishAttempt(email.id, owner, {
      status: 'failed',
      ...errorColumns(error, at),
      ...routeColumns(route),
    });
  }

  /** Held: not attempted further until the organization's route is released. */
  async markHeld(
    email: OutboundEmail,
    owner: string,
    error: AttemptError,
    route: RouteUsed | null,
    at: Date,
  ): Promise<boolean> {
    return this.finishAttempt(email.id, owner, {
      status: 'held',
      ...errorColumns(error, at),
      ...routeColumns(route),
    });
  }

  /** Puts an organization's held emails back in the queue, due now. */
  async releaseHeld(organizationId: OrganizationId, now: Date): Promise<number> {
    return this.requeueWhere(organizationId, now, ['held']);
  }

  /** An admin's "retry now" on a failed or held email; false when it is in another state. */
  async requeue(organizationId: OrganizationId, id: string, now: Date): Promise<boolean> {
    return (await this.requeueWhere(organizationId, now, ['failed', 'held'], id)) === 1;
  }

  private async requeueWhere(
    organizationId: OrganizationId,
    now: Date,
    states: EmailStatus[],
    id?: string,
  ): Promise<number> {
    const update = this.repository()
      .createQueryBuilder()
      .update(OutboundEmail)
      .set({ status: 'queued', nextAttemptAt: now, leaseOwner: null, leaseExpiresAt: null })
      .where('organization_id = :organizationId AND status IN (:...states)', { organizationId, states });
    if (id !== undefined) {
      update.andWhere('id = :id', { id });
    }
    return (await update.execute()).affected ?? 0;
  }

  findById(organizationId: OrganizationId, id: string): Promise<OutboundEmail | null> {
    return this.repository().findOneBy({ organizationId, id });
  }

  async list(
    organizationId: OrganizationId,
    query: EmailLogQuery,
  ): Promise<{ items: OutboundEmail[]; total: number }> {
    const builder = this.repository()
      .createQueryBuilder('email')
      .where('email.organization_id = :organizationId', { organizationId })
      .andWhere(
        new Brackets((where) => {
          where.where('1 = 1');
          if (query.status) {
            where.andWhere('email.status = :status', { status: query.status });
          }
          if (query.kind) {
            where.andWhere('email.kind = :kind', { kind: query.kind });
          }
        }),
      )
      .orderBy('email.created_at', 'DESC')
      .addOrderBy('email.id', 'DESC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize);
    const [items, total] = await builder.getManyAndCount();
    return { items, total };
  }

  private async finishAttempt(id: string, owner: string, changes: Partial<OutboundEmail>): Promise<boolean> {
    const [sql, parameters] = plainUpdate(
      this.dataSource,
      OutboundEmail,
      { ...changes, leaseOwner: null, leaseExpiresAt: null, updatedAt: new Date() },
      "id = :id AND lease_owner = :owner AND status = 'sending'",
      { id, owner },
    );
    const runner = this.dataSource.createQueryRunner();
    try {
      return (await runner.query(sql, parameters, true)).affected === 1;
    } finally {
      await runner.release();
    }
  }
}

function sentColumns(outcome: SentOutcome): Partial<OutboundEmail> {
  return {
    status: 'sent',
    sentAt: outcome.at,
    serverResponse: outcome.serverResponse,
    recipientStatuses: outcome.recipients,
    ...routeColumns(outcome.route),
  };
}

function routeColumns(route: RouteUsed | null): Partial<OutboundEmail> {
  return route
    ? { routeType: route.type, routeHost: route.host, routePort: route.port, routeSender: route.sender }
    : {};
}

function errorColumns(error: AttemptError, at: Date): Partial<OutboundEmail> {
  return {
    lastErrorCode: error.code,
    lastErrorSmtpCode: error.smtpCode,
    lastErrorMessage: error.message,
    lastErrorAt: at,
    ...(error.recipients === undefined ? {} : { recipientStatuses: error.recipients }),
  };
}
