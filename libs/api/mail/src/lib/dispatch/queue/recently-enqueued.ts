import type { DueEmail } from './outbound-email-jobs';

/**
 * What this process's sweeper put in the queue lately, so that a backlog is not re-added on
 * every poll (each re-add is a deduplicated no-op in Redis, but with a 1,000-email backlog and a
 * 500 ms poll that is 2,000 wasted Redis scripts a second per process).
 *
 * An email still due with the same attempt count since the last sweep has a job still waiting;
 * it is enqueued again only once `reenqueueAfterMs` has passed, in case its job was lost (Redis
 * restarted without persistence, or the claim failed). A new attempt count (a retry, a lease
 * to take over) or an email absent from the previous sweep is enqueued at once.
 */
export class RecentlyEnqueued {
  private entries = new Map<string, { attempts: number; at: number }>();

  constructor(private readonly reenqueueAfterMs: number) {}

  /** The due emails to enqueue now. */
  select(due: DueEmail[], now: number): DueEmail[] {
    return due.filter((email) => {
      const seen = this.entries.get(email.id);
      return !seen || seen.attempts !== email.attempts || now - seen.at >= this.reenqueueAfterMs;
    });
  }

  /**
   * Records a sweep whose `enqueued` emails are now in the queue. Only the emails of this sweep
   * are kept, so the memory is bounded by the sweep's batch.
   */
  remember(due: DueEmail[], enqueued: DueEmail[], now: number): void {
    const fresh = new Set(enqueued.map((email) => email.id));
    const next = new Map<string, { attempts: number; at: number }>();
    for (const email of due) {
      const seen = this.entries.get(email.id);
      if (fresh.has(email.id)) {
        next.set(email.id, { attempts: email.attempts, at: now });
      } else if (seen) {
        next.set(email.id, seen);
      }
    }
    this.entries = next;
  }

  /** After a Redis outage the jobs may be gone: the next sweep enqueues every due email. */
  forget(): void {
    this.entries.clear();
  }
}
