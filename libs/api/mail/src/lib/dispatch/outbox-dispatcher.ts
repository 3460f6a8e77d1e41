import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { AppConfig } from '@mailroute/api/core';
import { OutboxRepository } from '../outbox/outbox.repository';
import { MAIL_QUEUE_KIND, type MailQueueKind } from './queue/mail-queue-kind';
import { DispatchSignal } from './dispatch-signal';
import { newLeaseOwner } from './lease-owner';
import { EmailDelivery } from '../delivery/email-delivery';

/**
 * The embedded sender: claims due emails from the outbox and delivers them with bounded
 * concurrency, in this process. Several processes may run it against one database: claims are
 * atomic, and an email whose sender died is taken over once its lease expires (the same
 * Message-ID is reused, so a rare duplicate is recognisable).
 */
@Injectable()
export class OutboxDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('OutboxDispatcher');
  /** Unique per process start, so a restarted process never mistakes old claims for its own. */
  readonly owner = newLeaseOwner();
  /** Deliveries running now, by email id: this process never claims those emails again meanwhile. */
  private readonly inFlight = new Map<string, Promise<void>>();
  private running = false;
  private loop: Promise<void> | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly outbox: OutboxRepository,
    private readonly delivery: EmailDelivery,
    private readonly signal: DispatchSignal,
    @Inject(MAIL_QUEUE_KIND) private readonly queue: MailQueueKind,
  ) {}

  /** Runs where the dispatcher is on, unless the Redis queue's workers send instead. */
  onApplicationBootstrap(): void {
    if (this.config.mail.dispatcher && this.queue === 'in-process') {
      this.start();
    }
  }

  start(): void {
    if (this.running) {
      return;
    }
    this.running = true;
    this.loop = this.run();
  }

  /** Stops claiming, then waits for the emails in flight (each bounded by the SMTP timeouts). */
  async stop(): Promise<void> {
    this.running = false;
    this.signal.notify();
    await this.loop;
    await Promise.allSettled([...this.inFlight.values()]);
  }

  /**
   * Nest runs every onModuleDestroy before any later shutdown hook: stopping here drains the
   * sends in flight while the database and the transports are still open.
   */
  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  private async run(): Promise<void> {
    const { concurrency, pollIntervalMs, sendLeaseSeconds } = this.config.mail;
    while (this.running) {
      const free = concurrency - this.inFlight.size;
      let claimed = 0;
      if (free > 0) {
        try {
          const now = new Date();
          const emails = await this.outbox.claimDue(
            this.owner,
            free,
            now,
            new Date(now.getTime() + sendLeaseSeconds * 1000),
            [...this.inFlight.keys()],
          );
          claimed = emails.length;
          for (const email of emails) {
            const delivery = this.delivery.deliver(email, this.owner).finally(() => {
              this.inFlight.delete(email.id);
              this.signal.notify();
            });
            this.inFlight.set(email.id, delivery);
          }
        } catch (error) {
          this.logger.error({ err: error }, 'Could not claim emails; retrying after the poll interval');
        }
      }
      if (claimed === 0 || this.inFlight.size >= concurrency) {
        await this.signal.wait(pollIntervalMs);
      } else {
        // better-sqlite3 answers without leaving the microtask queue: let I/O and timers run.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
  }
}
