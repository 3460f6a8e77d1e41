import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@mailroute/api/core';
import { DispatchSignal } from '../dispatch-signal';
import { OutboxRepository } from '../../outbox/outbox.repository';
import { OutboundEmailQueue } from './outbound-email-queue';
import { RecentlyEnqueued } from './recently-enqueued';

/**
 * Due emails read per sweep, oldest first. It caps the queue's intake: at most this many per poll
 * interval, far above what the SMTP side sends (claimed emails leave the due set at once).
 */
const SWEEP_BATCH = 1000;
/** An email whose job may have been lost is put in the queue again after this long. */
const REENQUEUE_AFTER_MS = 15_000;
/** A sweep does not wait longer than this for Redis; the emails stay due for the next one. */
const ENQUEUE_TIMEOUT_MS = 5_000;
/**
 * Processes without the dispatcher (API-only instances) sweep when they write an email, so it is
 * enqueued at once, and otherwise only this rarely: the worker processes sweep every poll.
 */
const ENQUEUE_ONLY_SWEEP_INTERVAL_MS = 60_000;

/**
 * Puts the outbox's due emails in the queue: new emails (at once when this process wrote them),
 * retries whose time came, emails whose sender's lease expired, and emails committed without a
 * job (a crash between commit and enqueue, Redis down). Every process may run one: job ids
 * deduplicate, and a duplicate job is a no-op at the claim.
 */
@Injectable()
export class OutboxSweeper {
  private readonly logger = new Logger('OutboxSweeper');
  private readonly recent = new RecentlyEnqueued(REENQUEUE_AFTER_MS);
  private running = false;
  private loop: Promise<void> | null = null;
  private seenConnections = 0;

  constructor(
    private readonly config: AppConfig,
    private readonly outbox: OutboxRepository,
    private readonly queue: OutboundEmailQueue,
    private readonly signal: DispatchSignal,
  ) {}

  start(): void {
    if (this.running) {
      return;
    }
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.signal.notify();
    await this.loop;
  }

  private async run(): Promise<void> {
    const interval = this.config.mail.dispatcher
      ? this.config.mail.pollIntervalMs
      : ENQUEUE_ONLY_SWEEP_INTERVAL_MS;
    while (this.running) {
      // Waiting starts before the sweep: an email written during the sweep wakes the next one.
      const next = this.signal.wait(interval);
      await this.sweep();
      await next;
    }
  }

  private async sweep(): Promise<void> {
    if (!this.queue.available) {
      return;
    }
    if (this.queue.connections !== this.seenConnections) {
      this.seenConnections = this.queue.connections;
      this.recent.forget();
    }
    try {
      const due = await this.outbox.dueIds(new Date(), SWEEP_BATCH);
      const now = Date.now();
      const enqueue = this.recent.select(due, now);
      if (enqueue.length > 0) {
        await withinTimeout(this.queue.enqueue(enqueue), ENQUEUE_TIMEOUT_MS);
      }
      this.recent.remember(due, enqueue, now);
    } catch (error) {
      // Nothing is lost: the emails stay due in the outbox and the next sweep enqueues them.
      this.logger.warn({ err: error }, 'Could not enqueue the due emails; retrying at the next sweep');
    }
  }
}

function withinTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  // The work may still finish after the timeout: a late job is as harmless as a duplicate one.
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Redis did not answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
    timer.unref();
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
