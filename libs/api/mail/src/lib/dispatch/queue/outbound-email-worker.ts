import { Injectable, Logger } from '@nestjs/common';
import { type Job, Worker } from 'bullmq';
import { AppConfig } from '@mailroute/api/core';
import { EmailDelivery } from '../../delivery/email-delivery';
import { newLeaseOwner } from '../lease-owner';
import { OutboxRepository } from '../../outbox/outbox.repository';
import { OUTBOUND_EMAIL_QUEUE, type OutboundEmailJob } from './outbound-email-jobs';
import { OutboundEmailQueue } from './outbound-email-queue';

/**
 * How long stop() waits for BullMQ to record the last jobs as finished once their deliveries are
 * recorded in the outbox. Only an unreachable Redis makes it wait that long.
 */
const CLOSE_GRACE_MS = 5_000;

/**
 * Takes jobs from the queue with the configured concurrency and sends each through the same
 * EmailDelivery as the embedded dispatcher, after claiming the row: a job for an email that was
 * sent meanwhile, is held, or that another sender has, is a no-op.
 */
@Injectable()
export class OutboundEmailWorker {
  private readonly logger = new Logger('OutboundEmailWorker');
  /** Unique per process start, like the embedded dispatcher's. */
  readonly owner = newLeaseOwner();
  private worker: Worker<OutboundEmailJob> | null = null;
  private stopping = false;
  /** Deliveries running now. */
  private readonly inFlight = new Set<Promise<void>>();
  /** Ids of the emails being delivered now. */
  private readonly inFlightIds = new Set<string>();
  /** Jobs taken whose end BullMQ has not recorded in Redis yet, by job id. */
  private readonly unrecorded = new Map<string, { recorded: Promise<void>; resolve: () => void }>();

  constructor(
    private readonly config: AppConfig,
    private readonly outbox: OutboxRepository,
    private readonly delivery: EmailDelivery,
    private readonly queue: OutboundEmailQueue,
  ) {}

  start(): void {
    if (this.worker) {
      return;
    }
    this.stopping = false;
    const worker = new Worker<OutboundEmailJob>(OUTBOUND_EMAIL_QUEUE, (job) => this.take(job), {
      connection: this.queue.connection(),
      concurrency: this.config.mail.concurrency,
      autorun: false,
    });
    // Connection errors are reported once per outage by the queue; a worker without an error
    // listener would throw them instead.
    worker.on('error', (error: Error) => this.logger.debug({ err: error }, 'Worker error'));
    worker.on('completed', (job: Job<OutboundEmailJob>) => this.recorded(job));
    worker.on('failed', (job: Job<OutboundEmailJob> | undefined, error: Error) => {
      this.logger.error(
        { emailId: job?.data.emailId, err: error },
        'Could not claim the email; the sweeper enqueues it again',
      );
      this.recorded(job);
    });
    this.worker = worker;
    worker.run().catch((error: unknown) => this.logger.error({ err: error }, 'The queue worker stopped'));
  }

  /**
   * Claims nothing more, waits for the deliveries in flight (each bounded by the SMTP timeouts)
   * and for BullMQ to record their jobs as finished, then closes the worker.
   *
   * Rather than BullMQ's graceful `close()`: that one waits for Redis to record the jobs, forever
   * when Redis is unreachable, and cannot be cut short once started. Here only that recording has
   * a time limit; the outcomes are in the outbox by then, and a job left unrecorded comes back as
   * stalled and is a no-op at the claim.
   */
  async stop(): Promise<void> {
    const worker = this.worker;
    if (!worker) {
      return;
    }
    this.worker = null;
    this.stopping = true;
    await Promise.allSettled([...this.inFlight]);
    const recorded = Promise.all([...this.unrecorded.values()].map((job) => job.recorded));
    if (!(await settlesWithin(recorded, CLOSE_GRACE_MS))) {
      this.logger.warn('Redis did not record the last jobs as finished; closing the queue worker without it');
    }
    await worker.close(true);
  }

  private take(job: Job<OutboundEmailJob>): Promise<void> {
    if (job.id) {
      let resolve = () => undefined as void;
      const recorded = new Promise<void>((settle) => {
        resolve = settle;
      });
      this.unrecorded.set(job.id, { recorded, resolve });
    }
    const delivery = this.process(job);
    this.inFlight.add(delivery);
    void delivery.finally(() => this.inFlight.delete(delivery)).catch(() => undefined);
    return delivery;
  }

  private recorded(job: Job<OutboundEmailJob> | undefined): void {
    const entry = job?.id ? this.unrecorded.get(job.id) : undefined;
    if (job?.id && entry) {
      this.unrecorded.delete(job.id);
      entry.resolve();
    }
  }

  private async process(job: Job<OutboundEmailJob>): Promise<void> {
    if (this.stopping) {
      return; // stopping: the email stays due, for the next sweep of any process
    }
    if (this.inFlightIds.has(job.data.emailId)) {
      return; // a job for an email this worker is still sending (a slow send outlived its lease)
    }
    const now = new Date();
    const leaseUntil = new Date(now.getTime() + this.config.mail.sendLeaseSeconds * 1000);
    const email = await this.outbox.claimById(job.data.emailId, this.owner, now, leaseUntil);
    if (!email) {
      return;
    }
    this.inFlightIds.add(email.id);
    try {
      // A crash leaves the row its lease; once it expires the sweeper enqueues the email again.
      await this.delivery.deliver(email, this.owner);
    } finally {
      this.inFlightIds.delete(email.id);
    }
  }
}

async function settlesWithin(work: Promise<unknown>, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
    timer.unref();
  });
  try {
    return await Promise.race([work.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
