import type { BulkJobOptions } from 'bullmq';

/** The BullMQ queue of emails to send. */
export const OUTBOUND_EMAIL_QUEUE = 'mailroute-outbound-email';

/** A job names one outbox row; everything else is read from the row when it is claimed. */
export interface OutboundEmailJob {
  emailId: string;
}

/** A due email as the sweeper reads it from the outbox. */
export interface DueEmail {
  id: string;
  /** Attempts made so far; a claim counts one more. */
  attempts: number;
}

/**
 * The row is the source of truth; the queue only distributes work. So:
 * - job id = `<email id>#<attempts>`: while the job for this attempt waits or runs, enqueueing it
 *   again (several sweepers, a sweep racing a worker) is a no-op in Redis, and a duplicate that
 *   slips through is a no-op at the claim. The attempt count is part of it because a claim
 *   counts an attempt: when a worker dies holding the email, its job stays "active" in Redis until
 *   BullMQ's stalled-job check (about a minute), but once the lease expires the sweeper enqueues
 *   the next attempt under a new id at once. (BullMQ refuses `:` in custom ids.)
 * - finished jobs are removed at once, so nothing but pending work stays in Redis;
 * - one BullMQ attempt: the row's retry schedule decides when to try again, not BullMQ.
 */
export function outboundEmailJob(email: DueEmail): {
  name: string;
  data: OutboundEmailJob;
  opts: BulkJobOptions;
} {
  return {
    name: 'deliver',
    data: { emailId: email.id },
    opts: { jobId: `${email.id}#${email.attempts}`, attempts: 1, removeOnComplete: true, removeOnFail: true },
  };
}
