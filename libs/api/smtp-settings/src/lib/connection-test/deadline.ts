import { SmtpTimeoutError } from './smtp-errors';

/** How long one step may wait: its own limit, or what is left of the whole test if less. */
export interface StepBudget {
  ms: number;
  /** True when the whole test's limit, not the step's own, decides. */
  limitedByDeadline: boolean;
  /** The limit of the whole test, for messages. */
  deadlineMs: number;
}

/**
 * A safety net, not the bound: every step's own timer already fires by the deadline, with a
 * message naming what it waited for. `race` only catches a step that has no timer (a bug), a
 * moment later so that it never pre-empts the precise message.
 */
const SAFETY_NET_GRACE_MS = 100;

/**
 * The bound of one connection test (SMTP_TEST_TIMEOUT_MS): every step's wait is capped by what
 * is left, and `race` ends a stage shortly after the deadline even if something below forgot a timer.
 */
export class Deadline {
  private readonly startedAt: number;
  private readonly timer: NodeJS.Timeout;
  private readonly expiry: Promise<void>;

  constructor(
    readonly totalMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.startedAt = now();
    let expire: () => void = () => undefined;
    this.expiry = new Promise<void>((resolve) => (expire = resolve));
    this.timer = setTimeout(expire, totalMs + SAFETY_NET_GRACE_MS);
  }

  elapsedMs(): number {
    return Math.round(this.now() - this.startedAt);
  }

  remainingMs(): number {
    return Math.max(0, this.totalMs - (this.now() - this.startedAt));
  }

  budget(stepMs: number): StepBudget {
    const remaining = Math.floor(this.remainingMs());
    return remaining < stepMs
      ? { ms: remaining, limitedByDeadline: true, deadlineMs: this.totalMs }
      : { ms: stepMs, limitedByDeadline: false, deadlineMs: this.totalMs };
  }

  /** `work`, or an `SmtpTimeoutError` naming `waitingFor` when the deadline comes first. */
  async race<T>(work: Promise<T>, waitingFor: string): Promise<T> {
    // The loser still settles later; its outcome is of no interest once the race is decided.
    work.catch(() => undefined);
    const outcome = await Promise.race([work.then((value) => ({ value })), this.expiry.then(() => null)]);
    if (outcome === null) {
      throw new SmtpTimeoutError({ ms: 0, limitedByDeadline: true, deadlineMs: this.totalMs }, waitingFor);
    }
    return outcome.value;
  }

  /** Stops the timer; call once the test is over. */
  dispose(): void {
    clearTimeout(this.timer);
  }
}
