import { ReceivedMessage } from './received-message';

interface Waiter {
  count: number;
  resolve(messages: ReceivedMessage[]): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/** Messages in arrival order, and the callers waiting for a number of them. */
export class ReceivedMessageLog {
  private readonly messages: ReceivedMessage[] = [];
  private readonly waiters = new Set<Waiter>();

  /** A snapshot, so later arrivals do not change an array a test already holds. */
  list(): ReceivedMessage[] {
    return [...this.messages];
  }

  add(message: ReceivedMessage): void {
    this.messages.push(message);
    for (const waiter of this.waiters) {
      if (this.messages.length >= waiter.count) {
        this.settle(waiter);
        waiter.resolve(this.list());
      }
    }
  }

  clear(): void {
    this.messages.length = 0;
  }

  /** Resolves with all messages once at least `count` arrived; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs: number): Promise<ReceivedMessage[]> {
    if (this.messages.length >= count) {
      return Promise.resolve(this.list());
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        count,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.settle(waiter);
          reject(
            new Error(`Expected ${count} message(s) within ${timeoutMs} ms, but ${this.describeArrivals()}`),
          );
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  /** Rejects every pending wait, e.g. because the server closed. */
  abandonWaits(reason: string): void {
    for (const waiter of this.waiters) {
      this.settle(waiter);
      waiter.reject(
        new Error(`${reason} while waiting for ${waiter.count} message(s); ${this.describeArrivals()}`),
      );
    }
  }

  private settle(waiter: Waiter): void {
    clearTimeout(waiter.timer);
    this.waiters.delete(waiter);
  }

  private describeArrivals(): string {
    if (this.messages.length === 0) {
      return 'none arrived';
    }
    const list = this.messages
      .map(
        (message) =>
          `${message.envelope.mailFrom} → ${message.envelope.rcptTo.join(', ')} "${message.subject ?? ''}"`,
      )
      .join('; ');
    return `${this.messages.length} arrived: ${list}`;
  }
}
