import type { OrganizationId } from '@mailroute/api/core';
import type { SmtpRoute } from '../routing/smtp-route';
import type { SmtpTransporter, TransportLease } from './transport-lease';

export interface PooledTransportEvents {
  /** No lease for the idle period: the owner should drop the transport and retire it. */
  onIdle(transport: PooledTransport): void;
  onClosed(transport: PooledTransport): void;
}

/**
 * One route's pooled transporter with its lease count. Retired (replaced, evicted, invalidated,
 * idle) it closes as soon as its last lease is released, so closing never cuts a send in flight.
 */
export class PooledTransport {
  private leases = 0;
  private retired = false;
  private closed = false;
  private idleTimer: NodeJS.Timeout | undefined;
  private readonly closedSignal: Promise<void>;
  private signalClosed!: () => void;

  constructor(
    /** The organization the transport belongs to; `null` for the platform transport. */
    readonly organizationId: OrganizationId | null,
    readonly route: SmtpRoute,
    private readonly transporter: SmtpTransporter,
    private readonly idleMs: number,
    private readonly events: PooledTransportEvents,
  ) {
    this.closedSignal = new Promise((resolve) => {
      this.signalClosed = resolve;
    });
    this.startIdleTimer();
  }

  /** The settings version it was built from; `null` for the platform transport. */
  get version(): string | null {
    return this.route.type === 'custom' ? this.route.version : null;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  get inFlight(): number {
    return this.leases;
  }

  /** A lease, or `null` when the transport is already closed. */
  tryLease(): TransportLease | null {
    if (this.closed) {
      return null;
    }
    this.leases += 1;
    this.stopIdleTimer();
    let released = false;
    const transporter = this.transporter;
    return {
      route: this.route,
      transporter: {
        sendMail: (message) =>
          released
            ? Promise.reject(new Error('This transport lease was released; acquire a new one to send'))
            : transporter.sendMail(message),
      },
      release: () => {
        if (released) {
          return;
        }
        released = true;
        this.leases -= 1;
        if (this.leases > 0) {
          return;
        }
        if (this.retired) {
          this.close();
        } else {
          this.startIdleTimer();
        }
      },
    };
  }

  /** Closes now if nothing is in flight, otherwise when the last lease is released. */
  retire(): void {
    this.retired = true;
    if (this.leases === 0) {
      this.close();
    }
  }

  /** Closes at once, failing the sends in flight (shutdown after the drain bound). */
  forceClose(): void {
    this.close({ force: true });
  }

  whenClosed(): Promise<void> {
    return this.closedSignal;
  }

  private close(options?: { force: boolean }): void {
    if (this.closed) {
      return;
    }
    this.closed = true;
    this.retired = true;
    this.stopIdleTimer();
    this.transporter.close(options);
    this.events.onClosed(this);
    this.signalClosed();
  }

  private startIdleTimer(): void {
    this.stopIdleTimer();
    this.idleTimer = setTimeout(() => {
      this.idleTimer = undefined;
      if (this.leases === 0 && !this.closed) {
        this.events.onIdle(this);
      }
    }, this.idleMs);
    // An idle transport must never keep the process alive.
    this.idleTimer.unref();
  }

  private stopIdleTimer(): void {
    if (this.idleTimer !== undefined) {
      clearTimeout(this.idleTimer);
      this.idleTimer = undefined;
    }
  }
}
