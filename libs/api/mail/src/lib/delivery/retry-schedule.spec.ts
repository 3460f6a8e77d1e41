import fc from 'fast-check';
import { nextAttemptAt, retryDeadline, retryDelayRange, type RetryPolicy } from './retry-schedule';

/** The defaults of `loadAppConfig` (libs/api/core/src/lib/config/load-app-config.ts). */
const DEFAULT_RETRY: RetryPolicy = {
  baseSeconds: 60,
  maxDelaySeconds: 3600,
  windowHours: 120,
  maxAttempts: 200,
};

const SECOND = 1000;
const HOUR = 3600 * SECOND;
const DAY = 24 * HOUR;
const createdAt = new Date('2025-03-01T08:00:00.000Z');

function delayAfter(
  attempts: number,
  random: number,
  retry: RetryPolicy = DEFAULT_RETRY,
  now = createdAt,
): number | null {
  const next = nextAttemptAt({ attempts, createdAt, now, retry, random: () => random });
  return next === null ? null : next.getTime() - now.getTime();
}

/** Every attempt time of an email that always fails: the first at `createdAt`, then as scheduled. */
function failingSchedule(random: number, retry: RetryPolicy = DEFAULT_RETRY): Date[] {
  const attemptsAt = [createdAt];
  for (;;) {
    const last = attemptsAt[attemptsAt.length - 1] ?? createdAt;
    const next = nextAttemptAt({
      attempts: attemptsAt.length,
      createdAt,
      now: last,
      retry,
      random: () => random,
    });
    if (next === null) {
      return attemptsAt;
    }
    attemptsAt.push(next);
  }
}

describe('nextAttemptAt', () => {
  it('doubles the delay after each failure', () => {
    expect([1, 2, 3, 4, 5, 6].map((attempts) => delayAfter(attempts, 1))).toEqual(
      [60, 120, 240, 480, 960, 1920].map((seconds) => seconds * SECOND),
    );
  });

  it('caps the delay at maxDelaySeconds', () => {
    expect(delayAfter(7, 1)).toBe(3600 * SECOND);
    expect(delayAfter(150, 1)).toBe(3600 * SECOND);
  });

  it('keeps half of the delay fixed and jitters the other half (equal jitter)', () => {
    expect(delayAfter(3, 0)).toBe(120 * SECOND);
    expect(delayAfter(3, 0.5)).toBe(180 * SECOND);
    expect(delayAfter(3, 0.999999)).toBeLessThanOrEqual(240 * SECOND);
    expect(delayAfter(50, 0)).toBe(1800 * SECOND);
  });

  it('treats a random source out of [0, 1] as its nearest bound', () => {
    expect(delayAfter(1, Number.NaN)).toBe(30 * SECOND);
    expect(delayAfter(1, -3)).toBe(30 * SECOND);
    expect(delayAfter(1, 7)).toBe(60 * SECOND);
  });

  it('gives up once the retry window since creation has passed', () => {
    const windowEnd = createdAt.getTime() + 120 * HOUR;

    expect(delayAfter(10, 0.5, DEFAULT_RETRY, new Date(windowEnd))).toBeNull();
    expect(delayAfter(10, 0.5, DEFAULT_RETRY, new Date(windowEnd + 1))).toBeNull();
    expect(delayAfter(10, 0.5, DEFAULT_RETRY, new Date(windowEnd - HOUR))).not.toBeNull();
  });

  it('gives up after maxAttempts attempts', () => {
    expect(delayAfter(199, 0.5)).not.toBeNull();
    expect(delayAfter(200, 0.5)).toBeNull();
    expect(delayAfter(201, 0.5)).toBeNull();
  });

  it('never schedules past the window: the last attempt is at its end', () => {
    const tenSecondsBefore = new Date(retryDeadline(createdAt, DEFAULT_RETRY).getTime() - 10 * SECOND);
    const next = nextAttemptAt({
      attempts: 100,
      createdAt,
      now: tenSecondsBefore,
      retry: DEFAULT_RETRY,
      random: () => 1,
    });

    expect(next).toEqual(retryDeadline(createdAt, DEFAULT_RETRY));
  });

  it('keeps trying for at least 4 days with the default policy, however the jitter falls', () => {
    for (const random of [0, 1]) {
      const schedule = failingSchedule(random);
      const last = schedule[schedule.length - 1] ?? createdAt;
      const span = last.getTime() - createdAt.getTime();

      expect(span).toBeGreaterThanOrEqual(4 * DAY);
      expect(span).toBeLessThanOrEqual(120 * HOUR);
      expect(schedule.length).toBeLessThanOrEqual(DEFAULT_RETRY.maxAttempts);
    }
    // Measured: with the shortest delays the 200 attempts end it after ~4.04 days; with the
    // longest, the 120-hour window does, with the last attempt at its very end.
    expect(failingSchedule(0)).toHaveLength(200);
    expect(failingSchedule(1).at(-1)).toEqual(retryDeadline(createdAt, DEFAULT_RETRY));
  });

  it('spaces attempts at least 30 minutes apart after the first hour with the default policy', () => {
    const schedule = failingSchedule(0);
    const afterFirstHour = schedule.filter((at) => at.getTime() - createdAt.getTime() > HOUR);
    const gaps = afterFirstHour.slice(1).map((at, i) => at.getTime() - (afterFirstHour[i] ?? at).getTime());

    expect(Math.min(...gaps.slice(0, -1))).toBeGreaterThanOrEqual(30 * 60 * SECOND);
  });
});

describe('retry delays (properties)', () => {
  const policy = fc
    .record({
      baseSeconds: fc.integer({ min: 1, max: 86400 }),
      maxDelaySeconds: fc.integer({ min: 1, max: 86400 }),
      windowHours: fc.integer({ min: 1, max: 8760 }),
      maxAttempts: fc.integer({ min: 1, max: 1000 }),
    })
    .map((retry): RetryPolicy => retry);

  it('schedules within [min, max] of the backoff, never past the window, always later than now', () => {
    fc.assert(
      fc.property(
        policy,
        fc.integer({ min: 1, max: 1000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        (retry, attempts, random, elapsedFraction) => {
          const deadline = retryDeadline(createdAt, retry).getTime();
          const now = new Date(
            createdAt.getTime() + Math.floor(elapsedFraction * (deadline - createdAt.getTime())),
          );
          const next = nextAttemptAt({ attempts, createdAt, now, retry, random: () => random });
          if (attempts >= retry.maxAttempts) {
            return next === null;
          }
          if (next === null) {
            return false;
          }
          const { minMs, maxMs } = retryDelayRange(attempts, retry);
          const delay = next.getTime() - now.getTime();
          const untilDeadline = deadline - now.getTime();
          return (
            next.getTime() <= deadline &&
            delay > 0 &&
            delay <= maxMs &&
            // Only the window's end may cut a delay below its minimum.
            (delay >= minMs || delay === untilDeadline)
          );
        },
      ),
    );
  });

  it('never lets the bounds shrink from one attempt to the next, and never collapses them to zero', () => {
    fc.assert(
      fc.property(policy, fc.integer({ min: 1, max: 999 }), (retry, attempts) => {
        const before = retryDelayRange(attempts, retry);
        const after = retryDelayRange(attempts + 1, retry);
        return (
          before.minMs > 0 &&
          before.minMs * 2 === before.maxMs &&
          after.minMs >= before.minMs &&
          after.maxMs >= before.maxMs &&
          after.maxMs <= retry.maxDelaySeconds * SECOND
        );
      }),
    );
  });
});
