import { Injectable } from '@nestjs/common';

/** Lets a new email wake an idle dispatcher instead of waiting for its next poll. */
@Injectable()
export class DispatchSignal {
  private waiters: Array<() => void> = [];

  notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((wake) => wake());
  }

  /** Resolves on the next notify() or after `timeoutMs`, whichever comes first. */
  wait(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        // Removed from the current list only: notify() iterates the list it detached, and removing
        // from that one while it is being iterated would skip the next waiter.
        const index = this.waiters.indexOf(done);
        if (index >= 0) {
          this.waiters.splice(index, 1);
        }
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      timer.unref();
      this.waiters.push(done);
    });
  }
}
