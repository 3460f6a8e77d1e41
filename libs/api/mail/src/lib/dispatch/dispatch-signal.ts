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
      const timer = setTimeout(done, timeoutMs);
      timer.unref();
      const waiters = this.waiters;
      function done() {
        clearTimeout(timer);
        const index = waiters.indexOf(done);
        if (index >= 0) {
          waiters.splice(index, 1);
        }
        resolve();
      }
      this.waiters.push(done);
    });
  }
}
