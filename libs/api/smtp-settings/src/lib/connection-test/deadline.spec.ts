import { Deadline } from './deadline';
import { SmtpTimeoutError } from './smtp-errors';

describe('Deadline', () => {
  let now = 0;
  const clock = (): number => now;

  beforeEach(() => {
    jest.useFakeTimers();
    now = 0;
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('gives a step its own limit while the test has more time left', () => {
    const deadline = new Deadline(30_000, clock);
    now = 5_000;
    expect(deadline.budget(10_000)).toEqual({ ms: 10_000, limitedByDeadline: false, deadlineMs: 30_000 });
    deadline.dispose();
  });

  it('caps a step by what is left of the test, and says so', () => {
    const deadline = new Deadline(30_000, clock);
    now = 25_500.7;
    expect(deadline.budget(10_000)).toEqual({ ms: 4_499, limitedByDeadline: true, deadlineMs: 30_000 });
    now = 31_000;
    expect(deadline.budget(10_000).ms).toBe(0);
    expect(deadline.remainingMs()).toBe(0);
    deadline.dispose();
  });

  it('passes the result of work that finishes in time', async () => {
    const deadline = new Deadline(1_000, clock);
    await expect(deadline.race(Promise.resolve('done'), 'the work')).resolves.toBe('done');
    await expect(deadline.race(Promise.reject(new Error('broken')), 'the work')).rejects.toThrow('broken');
    deadline.dispose();
  });

  it('ends work that outlives the deadline with a timeout naming the whole-test limit', async () => {
    const deadline = new Deadline(1_000, clock);
    const never = new Promise<string>(() => undefined);
    const raced = deadline.race(never, 'the greeting stage to finish');
    jest.advanceTimersByTime(1_200);
    await expect(raced).rejects.toThrow(
      new SmtpTimeoutError(
        { ms: 0, limitedByDeadline: true, deadlineMs: 1_000 },
        'the greeting stage to finish',
      ).message,
    );
    deadline.dispose();
  });
});

describe('SmtpTimeoutError', () => {
  it("names the step's own limit, or the whole test's", () => {
    expect(
      new SmtpTimeoutError({ ms: 10_000, limitedByDeadline: false, deadlineMs: 30_000 }, 'X').message,
    ).toBe('timed out after 10000 ms waiting for X');
    expect(
      new SmtpTimeoutError({ ms: 1_234, limitedByDeadline: true, deadlineMs: 30_000 }, 'X').message,
    ).toBe('timed out after 30000 ms (the limit of the whole connection test) waiting for X');
  });
});
