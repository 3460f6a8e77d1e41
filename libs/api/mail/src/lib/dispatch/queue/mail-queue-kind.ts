import { ConfigError } from '@mailroute/api/core';

/**
 * How due emails reach a sender. `in-process`: the embedded dispatcher claims them from the
 * outbox. `redis`: a BullMQ queue hands them to the workers of any number of processes.
 */
export type MailQueueKind = 'in-process' | 'redis';

export const MAIL_QUEUE_KIND = Symbol('MailQueueKind');

/**
 * The queue this process uses: the one the app asked for, else `redis` exactly when REDIS_URL is
 * set (the product's rule: "With REDIS_URL: BullMQ queue").
 */
export function chooseMailQueue(
  requested: MailQueueKind | undefined,
  redisUrl: string | null,
): MailQueueKind {
  const kind = requested ?? (redisUrl ? 'redis' : 'in-process');
  if (kind === 'redis' && !redisUrl) {
    throw new ConfigError([
      { variable: 'REDIS_URL', reason: 'is required to dispatch mail through the Redis queue' },
    ]);
  }
  return kind;
}
