import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { AppConfig } from '@mailroute/api/core';
import { DispatchSignal } from '../dispatch-signal';
import {
  type DueEmail,
  OUTBOUND_EMAIL_QUEUE,
  type OutboundEmailJob,
  outboundEmailJob,
} from './outbound-email-jobs';

/**
 * This process's side of the BullMQ queue: its Redis connection (the worker shares it; BullMQ
 * adds its own duplicate for blocking reads), the queue the sweeper adds jobs to, and whether
 * Redis is reachable right now.
 *
 * Plain `bullmq` classes rather than @nestjs/bullmq: BullModule wants its connection when the
 * module is defined and starts a worker for every @Processor at module init in every process that
 * imports it. Here the queue exists only in redis mode, the worker only where the dispatcher is
 * on, with the configured concurrency and this process's lease owner, and shutdown runs in an
 * order (sweeper, worker, queue, connection) that Nest's per-module shutdown hooks, called
 * concurrently, would not guarantee. A few services owning these objects say that directly.
 */
@Injectable()
export class OutboundEmailQueue {
  private readonly logger = new Logger('OutboundEmailQueue');
  private redis: Redis | null = null;
  private queue: Queue<OutboundEmailJob> | null = null;
  private reachable = true;
  private readyCount = 0;

  constructor(
    private readonly config: AppConfig,
    private readonly signal: DispatchSignal,
  ) {}

  /** Connects in the background: an unreachable Redis is reported, never fatal. */
  open(): void {
    if (this.redis) {
      return;
    }
    if (!this.config.redisUrl) {
      throw new Error('The Redis mail queue needs REDIS_URL');
    }
    // maxRetriesPerRequest null: BullMQ's worker requires it on a connection it shares; a command
    // issued during an outage then waits for the reconnection instead of failing (the sweeper
    // bounds its own wait and does not enqueue while Redis is unreachable).
    const redis = new Redis(this.config.redisUrl, {
      maxRetriesPerRequest: null,
      connectionName: 'mailroute-mail',
    });
    redis.on('ready', () => this.connected());
    redis.on('error', (error: Error) => this.unreachable(error));
    this.redis = redis;
    this.queue = new Queue<OutboundEmailJob>(OUTBOUND_EMAIL_QUEUE, { connection: redis });
    // Connection errors reach the queue too; they are reported once per outage above.
    this.queue.on('error', (error: Error) => this.logger.debug({ err: error }, 'Queue error'));
  }

  /** True while Redis answers: jobs can be added now. */
  get available(): boolean {
    return this.redis?.status === 'ready';
  }

  /**
   * How many times the connection became ready. A change means Redis was away, maybe restarted
   * without its data: jobs may be gone, so the sweeper enqueues every due email again.
   */
  get connections(): number {
    return this.readyCount;
  }

  /** The connection the worker shares. */
  connection(): Redis {
    if (!this.redis) {
      throw new Error('The outbound email queue is not open');
    }
    return this.redis;
  }

  async enqueue(emails: DueEmail[]): Promise<void> {
    if (!this.queue) {
      throw new Error('The outbound email queue is not open');
    }
    await this.queue.addBulk(emails.map((email) => outboundEmailJob(email)));
  }

  /** Closes the queue, then the connection (at once when Redis is unreachable). */
  async close(): Promise<void> {
    const { queue, redis } = this;
    this.queue = null;
    this.redis = null;
    await queue?.close();
    if (redis?.status === 'ready') {
      await redis.quit().catch(() => redis.disconnect());
    } else {
      redis?.disconnect();
    }
  }

  private connected(): void {
    this.readyCount += 1;
    if (!this.reachable) {
      this.logger.log('Redis is reachable again: enqueueing the due emails');
    }
    this.reachable = true;
    this.signal.notify();
  }

  private unreachable(error: Error & { code?: string }): void {
    if (this.reachable) {
      this.logger.warn(
        { code: error.code, message: error.message },
        'Redis is unreachable: emails stay in the outbox and are enqueued once it is back',
      );
    }
    this.reachable = false;
  }
}
