import type { OutboundEmail } from '../lib/outbox/outbound-email.entity';

/** One finished delivery attempt, timed by what the dispatcher wrote on the row. */
export interface TimedAttempt {
  attempt: number;
  /** When it was claimed: the lease's expiry minus MAIL_SEND_LEASE_SECONDS (set in the claim). */
  claimedAt: Date;
  /** When its outcome was recorded: `lastErrorAt` of a failure, `sentAt` of a success. */
  endedAt: Date;
  elapsedMs: number;
  /** The row's status and error code right after the attempt. */
  status: OutboundEmail['status'];
  code: string | null;
}

/**
 * Watches an email's row until `count` attempts were seen from claim to outcome, and times each
 * from the row's own timestamps (not from when the poll saw it). An attempt must stay claimed
 * longer than `intervalMs` to be seen; the timeouts under test last hundreds of milliseconds.
 */
export async function watchAttempts(
  read: () => Promise<OutboundEmail | null>,
  options: { count: number; leaseSeconds: number; timeoutMs: number; intervalMs?: number },
): Promise<TimedAttempt[]> {
  const intervalMs = options.intervalMs ?? 10;
  const deadline = Date.now() + options.timeoutMs;
  const claims = new Map<number, Date>();
  const finished = new Map<number, TimedAttempt>();
  while (finished.size < options.count) {
    if (Date.now() > deadline) {
      throw new Error(
        `Saw ${finished.size} of ${options.count} attempts within ${options.timeoutMs} ms ` +
          `(claims seen: ${[...claims.keys()].join(', ') || 'none'})`,
      );
    }
    const row = await read();
    if (row?.status === 'sending' && row.leaseExpiresAt !== null) {
      claims.set(row.attempts, new Date(row.leaseExpiresAt.getTime() - options.leaseSeconds * 1000));
    } else if (row && row.status !== 'queued') {
      const claimedAt = claims.get(row.attempts);
      const endedAt = row.status === 'sent' ? row.sentAt : row.lastErrorAt;
      if (claimedAt && endedAt && !finished.has(row.attempts)) {
        finished.set(row.attempts, {
          attempt: row.attempts,
          claimedAt,
          endedAt,
          elapsedMs: endedAt.getTime() - claimedAt.getTime(),
          status: row.status,
          code: row.lastErrorCode,
        });
      }
    }
    await new Promise<void>((resolve) => setTimeout(resolve, intervalMs));
  }
  return [...finished.values()].sort((a, b) => a.attempt - b.attempt).slice(0, options.count);
}
