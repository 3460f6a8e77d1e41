import { assertValidFault, SmtpFault, SmtpStage } from './smtp-fault';

interface QueuedFault {
  fault: SmtpFault;
  remaining: number;
}

/**
 * Faults waiting for their stage, in the order they were queued. Each stage takes the oldest
 * fault that names it (at `rcpt`, the oldest one for any recipient or for this recipient), and a
 * fault fires `times` times before it leaves the queue. Faults of other stages wait their turn.
 */
export class SmtpFaultQueue {
  private readonly queued: QueuedFault[] = [];

  add(fault: SmtpFault): void {
    assertValidFault(fault);
    this.queued.push({ fault: { ...fault }, remaining: fault.times ?? 1 });
  }

  /** Removes one firing of the fault that applies to this stage, if any, and returns it. */
  take(stage: SmtpStage, recipient?: string): SmtpFault | undefined {
    const index = this.queued.findIndex(({ fault }) => fault.stage === stage && appliesTo(fault, recipient));
    if (index < 0) {
      return undefined;
    }
    const entry = this.queued[index];
    entry.remaining -= 1;
    if (entry.remaining === 0) {
      this.queued.splice(index, 1);
    }
    return entry.fault;
  }

  clear(): void {
    this.queued.length = 0;
  }

  /** Firings still queued, over all stages. */
  get pending(): number {
    return this.queued.reduce((sum, entry) => sum + entry.remaining, 0);
  }
}

function appliesTo(fault: SmtpFault, recipient: string | undefined): boolean {
  if (fault.action !== 'reply' || fault.recipient === undefined) {
    return true;
  }
  return recipient !== undefined && fault.recipient.toLowerCase() === recipient.toLowerCase();
}
