import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { AppConfig, type OrganizationId } from '@mailroute/api/core';
import { createTransport } from 'nodemailer';
import { SMTP_ROUTE_SOURCE, type SmtpRouteSource } from '../routing/smtp-route-source';
import type { PlatformSmtpRoute, SmtpRoute } from '../routing/smtp-route';
import { PlatformSmtpNotConfiguredError, platformSmtpRoute } from './platform-route';
import { PooledTransport } from './pooled-transport';
import { smtpTransportOptions } from './smtp-transport-options';
import { TlsTrustStore } from './tls-trust-store';
import type { TransportLease } from './transport-lease';

export type { LeasedTransporter, TransportLease } from './transport-lease';

/** The process is shutting down: no more transports are handed out. */
export class TransportResolverClosedError extends Error {
  constructor() {
    super('The mail transports are shut down: no email can be sent from this process any more');
    this.name = 'TransportResolverClosedError';
  }
}

export interface AcquireOptions {
  /** Send through the platform SMTP whatever the organization configured (alerts to its admins). */
  platformOnly?: boolean;
}

/** A build of an organization's transport that concurrent acquires of the same version share. */
interface PendingBuild {
  readonly version: string;
  result?: Promise<PooledTransport | 'platform' | 'superseded'>;
}

/** Settings that change during every one of this many builds in a row are reported, not chased. */
const MAX_BUILD_ATTEMPTS = 3;

/**
 * Hands out the SMTP transport an organization's emails must leave through: its own server when
 * it configured one (one pooled transport per organization, rebuilt when the settings version
 * changes), otherwise the platform's.
 *
 * Transports are keyed by the organization id the caller passes and nothing else, so one
 * organization's email can never leave through another's server or credentials. At most
 * `MAIL_TRANSPORT_CACHE_SIZE` custom transports stay cached (least recently used evicted), any
 * transport unused for `MAIL_POOL_IDLE_MS` is closed, and a replaced, evicted or idle transport
 * is closed only once its last lease is released.
 */
@Injectable()
export class TransportResolver implements BeforeApplicationShutdown {
  private readonly logger = new Logger(TransportResolver.name);
  private readonly platformRoute: PlatformSmtpRoute | null;
  private platform: PooledTransport | undefined;
  /** Least recently used first: a Map iterates in insertion order and `touch` re-inserts. */
  private readonly custom = new Map<OrganizationId, PooledTransport>();
  private readonly building = new Map<OrganizationId, PendingBuild>();
  /** Every transport not closed yet: cached ones and retired ones still draining their leases. */
  private readonly open = new Set<PooledTransport>();
  private accepting = true;
  private shutdown: Promise<void> | undefined;

  constructor(
    private readonly config: AppConfig,
    @Inject(SMTP_ROUTE_SOURCE) private readonly routes: SmtpRouteSource,
    private readonly trust: TlsTrustStore,
  ) {
    // Read once at start-up: a missing CA file fails the boot, not the first email.
    this.platformRoute = config.platformSmtp === null ? null : platformSmtpRoute(config.platformSmtp);
  }

  /**
   * A lease on the transport for the organization's next email. Errors of the route source (e.g.
   * `SmtpRouteUnavailableError`) reach the caller unchanged: the email is then held, never sent
   * through the platform by this method.
   */
  async acquire(organizationId: OrganizationId, options: AcquireOptions = {}): Promise<TransportLease> {
    for (let attempt = 1; ; attempt += 1) {
      this.assertAccepting();
      const transport =
        options.platformOnly === true ? this.platformTransport() : await this.transportOf(organizationId);
      this.assertAccepting();
      const lease = transport === 'superseded' ? null : transport.tryLease();
      if (lease !== null) {
        return lease;
      }
      if (attempt >= MAX_BUILD_ATTEMPTS) {
        throw new Error(
          `The SMTP settings of organization ${organizationId} changed during ${attempt} transport builds in a row`,
        );
      }
    }
  }

  /** Drops the organization's transport (it closes once its sends in flight finish). Call it when its settings change. */
  invalidate(organizationId: OrganizationId): void {
    this.forget(organizationId, 'invalidated');
  }

  /** Transports open right now, including replaced ones still finishing their sends. */
  liveTransports(): number {
    return this.open.size;
  }

  /**
   * Graceful shutdown: hands out nothing more, waits up to `drainTimeoutMs` (default: the SMTP
   * socket timeout) for the leases in flight, then closes everything, failing what is still sending.
   */
  closeAll(options: { drainTimeoutMs?: number } = {}): Promise<void> {
    this.shutdown ??= this.shutDown(options.drainTimeoutMs ?? this.config.mail.smtpTimeouts.socketMs);
    return this.shutdown;
  }

  /**
   * After every module's onModuleDestroy (where the senders drain) and before the database
   * closes: the transports are the last thing the senders need.
   */
  beforeApplicationShutdown(): Promise<void> {
    return this.closeAll();
  }

  private async transportOf(organizationId: OrganizationId): Promise<PooledTransport | 'superseded'> {
    const version = await this.routes.currentVersion(organizationId);
    this.assertAccepting();
    if (version === null) {
      this.forget(organizationId, 'settings removed');
      return this.platformTransport();
    }
    const cached = this.custom.get(organizationId);
    if (cached?.version === version) {
      this.touch(organizationId, cached);
      return cached;
    }
    if (cached !== undefined) {
      // Built for settings that are no longer current: drop it now, even if the new ones cannot be read.
      this.custom.delete(organizationId);
      this.retire(cached, 'settings changed');
    }
    const built = await this.buildOnce(organizationId, version);
    return built === 'platform' ? this.platformTransport() : built;
  }

  /** One build per organization and version, however many sends ask at the same time. */
  private buildOnce(
    organizationId: OrganizationId,
    version: string,
  ): Promise<PooledTransport | 'platform' | 'superseded'> {
    const pending = this.building.get(organizationId);
    if (pending?.version === version && pending.result !== undefined) {
      return pending.result;
    }
    const build: PendingBuild = { version };
    this.building.set(organizationId, build);
    build.result = this.build(organizationId, build).finally(() => {
      if (this.building.get(organizationId) === build) {
        this.building.delete(organizationId);
      }
    });
    return build.result;
  }

  private async build(
    organizationId: OrganizationId,
    build: PendingBuild,
  ): Promise<PooledTransport | 'platform' | 'superseded'> {
    const route = await this.routes.customRouteFor(organizationId);
    if (this.building.get(organizationId) !== build || !this.accepting) {
      // Invalidated (or shutting down) while the route was read: it may be stale, read it again.
      return 'superseded';
    }
    if (route === null) {
      this.forget(organizationId, 'settings removed');
      return 'platform';
    }
    if (route.organizationId !== organizationId) {
      throw new Error(
        `The SMTP route source answered organization ${organizationId} with another organization's route`,
      );
    }
    const transport = this.createPooledTransport(organizationId, route);
    this.install(organizationId, transport);
    return transport;
  }

  private install(organizationId: OrganizationId, transport: PooledTransport): void {
    const previous = this.custom.get(organizationId);
    this.custom.delete(organizationId);
    this.custom.set(organizationId, transport);
    if (previous !== undefined) {
      this.retire(previous, 'settings changed');
    }
    for (const [oldestId, oldest] of this.custom) {
      if (this.custom.size <= this.config.mail.transportCacheSize) {
        break;
      }
      this.custom.delete(oldestId);
      this.retire(oldest, 'evicted');
    }
  }

  private touch(organizationId: OrganizationId, transport: PooledTransport): void {
    this.custom.delete(organizationId);
    this.custom.set(organizationId, transport);
  }

  private forget(organizationId: OrganizationId, reason: string): void {
    this.building.delete(organizationId);
    const cached = this.custom.get(organizationId);
    if (cached !== undefined) {
      this.custom.delete(organizationId);
      this.retire(cached, reason);
    }
  }

  private platformTransport(): PooledTransport {
    if (this.platformRoute === null) {
      throw new PlatformSmtpNotConfiguredError();
    }
    this.platform ??= this.createPooledTransport(null, this.platformRoute);
    return this.platform;
  }

  private createPooledTransport(organizationId: OrganizationId | null, route: SmtpRoute): PooledTransport {
    const transporter = createTransport(
      smtpTransportOptions(route, this.config, this.trust.contextFor(route.caCertificate)),
    );
    // Pool errors also fail the send that met them; this listener only keeps an unexpected one from crashing the process.
    transporter.on('error', (error: Error) =>
      this.logger.warn({
        msg: 'SMTP transport error',
        organizationId,
        route: route.type,
        error: error.message,
      }),
    );
    const transport = new PooledTransport(organizationId, route, transporter, this.config.mail.poolIdleMs, {
      onIdle: (idle) => this.dropIdle(idle),
      onClosed: (closed) => {
        this.open.delete(closed);
        this.logger.debug({ msg: 'SMTP transport closed', organizationId, route: route.type });
      },
    });
    this.open.add(transport);
    this.logger.debug({
      msg: 'SMTP transport created',
      organizationId,
      route: route.type,
      host: route.host,
      port: route.port,
    });
    return transport;
  }

  private dropIdle(transport: PooledTransport): void {
    if (this.platform === transport) {
      this.platform = undefined;
    } else if (transport.organizationId !== null && this.custom.get(transport.organizationId) === transport) {
      this.custom.delete(transport.organizationId);
    }
    this.retire(transport, 'idle');
  }

  private retire(transport: PooledTransport, reason: string): void {
    this.logger.debug({
      msg: 'SMTP transport retired',
      organizationId: transport.organizationId,
      reason,
      inFlight: transport.inFlight,
    });
    transport.retire();
  }

  private async shutDown(drainTimeoutMs: number): Promise<void> {
    this.accepting = false;
    this.building.clear();
    const cached = [...this.custom.values()];
    this.custom.clear();
    if (this.platform !== undefined) {
      cached.push(this.platform);
      this.platform = undefined;
    }
    for (const transport of cached) {
      this.retire(transport, 'shutdown');
    }
    const draining = [...this.open];
    if (draining.length === 0) {
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<true>((resolve) => {
      timer = setTimeout(() => resolve(true), drainTimeoutMs);
      timer.unref();
    });
    const expired = await Promise.race([
      Promise.all(draining.map((transport) => transport.whenClosed())).then(() => false),
      timedOut,
    ]);
    clearTimeout(timer);
    if (expired) {
      const stuck = [...this.open];
      this.logger.warn({
        msg: 'SMTP sends still in flight at shutdown were cut',
        transports: stuck.length,
        drainTimeoutMs,
      });
      for (const transport of stuck) {
        transport.forceClose();
      }
    }
  }

  private assertAccepting(): void {
    if (!this.accepting) {
      throw new TransportResolverClosedError();
    }
  }
}
