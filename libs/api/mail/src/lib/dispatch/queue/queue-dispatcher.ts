import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '@mailroute/api/core';
import { MAIL_QUEUE_KIND, type MailQueueKind } from './mail-queue-kind';
import { OutboundEmailQueue } from './outbound-email-queue';
import { OutboundEmailWorker } from './outbound-email-worker';
import { OutboxSweeper } from './outbox-sweeper';

/**
 * The Redis variant of dispatching (REDIS_URL set): every process sweeps due emails into the
 * BullMQ queue, and processes with the dispatcher on (MAIL_DISPATCHER) also run a worker. The
 * embedded OutboxDispatcher does not run in this mode.
 */
@Injectable()
export class QueueDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(
    @Inject(MAIL_QUEUE_KIND) private readonly kind: MailQueueKind,
    private readonly config: AppConfig,
    private readonly queue: OutboundEmailQueue,
    private readonly sweeper: OutboxSweeper,
    private readonly worker: OutboundEmailWorker,
  ) {}

  onApplicationBootstrap(): void {
    if (this.kind === 'redis') {
      this.start();
    }
  }

  start(): void {
    this.queue.open();
    this.sweeper.start();
    if (this.config.mail.dispatcher) {
      this.worker.start();
    }
  }

  /** Stops enqueueing, lets the worker finish its deliveries, then closes the queue and Redis. */
  async stop(): Promise<void> {
    await this.sweeper.stop();
    await this.worker.stop();
    await this.queue.close();
  }

  /**
   * Like the embedded dispatcher: every onModuleDestroy runs before the transports close
   * (beforeApplicationShutdown) and the database connection goes, so the deliveries in flight
   * finish and record their outcome.
   */
  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }
}
