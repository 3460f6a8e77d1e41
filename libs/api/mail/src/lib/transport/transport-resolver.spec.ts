import { Logger } from '@nestjs/common';
import { type OrganizationId, trustedOrganizationId } from '@mailroute/api/core';
import { testConfig } from '@mailroute/api/core/testing';
import { waitUntil } from '@mailroute/testing';
import { SmtpRouteUnavailableError } from '../routing/smtp-route-source';
import type { CustomSmtpRoute } from '../routing/smtp-route';
import { PlatformSmtpNotConfiguredError } from './platform-route';
import { InMemoryRouteSource, localCustomRoute } from '../../testing/in-memory-route-source';
import { TransportResolver, TransportResolverClosedError } from './transport-resolver';
import { TlsTrustStore } from './tls-trust-store';

// No test here sends: a pooled transport opens no socket before its first message, so these
// tests observe the resolver's bookkeeping without a server. Delivery is in the int-spec.

const orgA = trustedOrganizationId('org-a');
const orgB = trustedOrganizationId('org-b');
const PLATFORM = { PLATFORM_SMTP_URL: 'smtps://platform:pw@127.0.0.1:9' };

describe('TransportResolver', () => {
  let routes: InMemoryRouteSource;
  const resolvers: TransportResolver[] = [];

  function resolverWith(env: Record<string, string> = {}): TransportResolver {
    const resolver = new TransportResolver(testConfig({ ...PLATFORM, ...env }), routes, new TlsTrustStore());
    resolvers.push(resolver);
    return resolver;
  }

  function useRoute(organizationId: OrganizationId, version = 'v1', port = 10_000): void {
    routes.use(localCustomRoute(organizationId, { port }, { version }));
  }

  beforeAll(() => Logger.overrideLogger(false));

  beforeEach(() => {
    routes = new InMemoryRouteSource();
  });

  afterEach(async () => {
    await Promise.all(resolvers.splice(0).map((resolver) => resolver.closeAll({ drainTimeoutMs: 10 })));
  });

  describe('routing', () => {
    it('uses the platform route for an organization without custom settings', async () => {
      const lease = await resolverWith().acquire(orgA);
      expect(lease.route).toMatchObject({ type: 'platform', host: '127.0.0.1', port: 9 });
      lease.release();
    });

    it("uses the organization's own route when it has one", async () => {
      useRoute(orgA);
      const lease = await resolverWith().acquire(orgA);
      expect(lease.route).toMatchObject({ type: 'custom', organizationId: 'org-a' });
      lease.release();
    });

    it('uses the platform for platform-only emails without asking for the organization route', async () => {
      useRoute(orgA);
      const lease = await resolverWith().acquire(orgA, { platformOnly: true });
      expect(lease.route.type).toBe('platform');
      expect(routes.routeReads(orgA)).toBe(0);
      lease.release();
    });

    it('says so when an email needs the platform SMTP and none is configured', async () => {
      const resolver = resolverWith({ PLATFORM_SMTP_URL: '' });
      await expect(resolver.acquire(orgA)).rejects.toBeInstanceOf(PlatformSmtpNotConfiguredError);
      await expect(resolver.acquire(orgA, { platformOnly: true })).rejects.toBeInstanceOf(
        PlatformSmtpNotConfiguredError,
      );
    });

    it('still sends custom-route emails when no platform SMTP is configured', async () => {
      useRoute(orgA);
      const lease = await resolverWith({ PLATFORM_SMTP_URL: '' }).acquire(orgA);
      expect(lease.route.type).toBe('custom');
      lease.release();
    });

    it('passes errors of the route source through unchanged, without falling back to the platform', async () => {
      const unavailable = new SmtpRouteUnavailableError('undecryptable', 'cannot decrypt', 'fallback');
      routes.failWith(orgA, unavailable);
      await expect(resolverWith().acquire(orgA)).rejects.toBe(unavailable);
    });

    it("refuses a route source answer that is another organization's route", async () => {
      class ConfusedRouteSource extends InMemoryRouteSource {
        override customRouteFor(): Promise<CustomSmtpRoute | null> {
          return super.customRouteFor(orgB);
        }
      }
      routes = new ConfusedRouteSource();
      useRoute(orgA);
      useRoute(orgB);
      const resolver = resolverWith();
      await expect(resolver.acquire(orgA)).rejects.toThrow(
        "answered organization org-a with another organization's route",
      );
      expect(resolver.liveTransports()).toBe(0);
    });
  });

  describe('caching', () => {
    it('reuses one transport per organization while its settings version stays the same', async () => {
      useRoute(orgA);
      const resolver = resolverWith();
      for (let i = 0; i < 5; i += 1) {
        (await resolver.acquire(orgA)).release();
      }
      expect(routes.routeReads(orgA)).toBe(1);
      expect(resolver.liveTransports()).toBe(1);
    });

    it('builds the transport once for a burst of concurrent sends', async () => {
      useRoute(orgA);
      const resolver = resolverWith();
      const leases = await Promise.all(Array.from({ length: 20 }, () => resolver.acquire(orgA)));
      expect(routes.routeReads(orgA)).toBe(1);
      expect(resolver.liveTransports()).toBe(1);
      leases.forEach((lease) => lease.release());
    });

    it('keeps organizations apart: each lease carries its own organization route', async () => {
      useRoute(orgA, 'v1', 10_001);
      useRoute(orgB, 'v1', 10_002);
      const resolver = resolverWith();
      const [a, b] = await Promise.all([resolver.acquire(orgA), resolver.acquire(orgB)]);
      expect(a.route).toMatchObject({ organizationId: 'org-a', port: 10_001 });
      expect(b.route).toMatchObject({ organizationId: 'org-b', port: 10_002 });
      expect(resolver.liveTransports()).toBe(2);
      a.release();
      b.release();
    });

    it('rebuilds on a new settings version and closes the old transport once its send finishes', async () => {
      useRoute(orgA, 'v1', 10_001);
      const resolver = resolverWith();
      const old = await resolver.acquire(orgA);
      useRoute(orgA, 'v2', 10_002);
      const fresh = await resolver.acquire(orgA);
      expect(fresh.route).toMatchObject({ version: 'v2', port: 10_002 });
      expect(resolver.liveTransports()).toBe(2);
      old.release();
      expect(resolver.liveTransports()).toBe(1);
      fresh.release();
    });

    it('drops a transport built for old settings even when the new settings cannot be read', async () => {
      useRoute(orgA);
      const resolver = resolverWith();
      (await resolver.acquire(orgA)).release();
      routes.failWith(orgA, new SmtpRouteUnavailableError('unreadable', 'cannot read'));
      await expect(resolver.acquire(orgA)).rejects.toBeInstanceOf(SmtpRouteUnavailableError);
      expect(resolver.liveTransports()).toBe(0);
    });

    it('drops the custom transport when the organization goes back to the platform', async () => {
      useRoute(orgA);
      const resolver = resolverWith();
      (await resolver.acquire(orgA)).release();
      routes.remove(orgA);
      const lease = await resolver.acquire(orgA);
      expect(lease.route.type).toBe('platform');
      expect(resolver.liveTransports()).toBe(1);
      lease.release();
    });

    it('evicts the least recently used organization beyond the cache size', async () => {
      const [a, b, c] = ['org-a', 'org-b', 'org-c'].map(trustedOrganizationId);
      [a, b, c].forEach((id) => useRoute(id));
      const resolver = resolverWith({ MAIL_TRANSPORT_CACHE_SIZE: '2' });
      (await resolver.acquire(a)).release();
      (await resolver.acquire(b)).release();
      (await resolver.acquire(a)).release(); // a is now more recent than b
      (await resolver.acquire(c)).release(); // evicts b
      expect(resolver.liveTransports()).toBe(2);
      (await resolver.acquire(a)).release();
      expect(routes.routeReads(a)).toBe(1);
      (await resolver.acquire(b)).release();
      expect(routes.routeReads(b)).toBe(2);
      expect(resolver.liveTransports()).toBe(2);
    });

    it('keeps an evicted transport open until its send in flight is released', async () => {
      const [a, b] = [orgA, orgB];
      useRoute(a);
      useRoute(b);
      const resolver = resolverWith({ MAIL_TRANSPORT_CACHE_SIZE: '1' });
      const inFlight = await resolver.acquire(a);
      (await resolver.acquire(b)).release();
      expect(resolver.liveTransports()).toBe(2);
      inFlight.release();
      expect(resolver.liveTransports()).toBe(1);
    });

    it('invalidate drops the transport after its sends in flight and rebuilds on the next send', async () => {
      useRoute(orgA);
      const resolver = resolverWith();
      const inFlight = await resolver.acquire(orgA);
      resolver.invalidate(orgA);
      expect(resolver.liveTransports()).toBe(1);
      inFlight.release();
      expect(resolver.liveTransports()).toBe(0);
      (await resolver.acquire(orgA)).release();
      expect(routes.routeReads(orgA)).toBe(2);
    });

    it('does not cache a route read that an invalidation overtook', async () => {
      let releaseFirstRead: () => void = () => undefined;
      class SlowFirstRead extends InMemoryRouteSource {
        override async customRouteFor(organizationId: OrganizationId): Promise<CustomSmtpRoute | null> {
          const route = await super.customRouteFor(organizationId);
          if (this.routeReads(organizationId) === 1) {
            await new Promise<void>((resolve) => (releaseFirstRead = resolve));
          }
          return route;
        }
      }
      routes = new SlowFirstRead();
      useRoute(orgA, 'v1', 10_001);
      const resolver = resolverWith();
      const acquiring = resolver.acquire(orgA);
      await waitUntil(() => routes.routeReads(orgA) === 1, { description: 'the first route read' });
      useRoute(orgA, 'v1', 10_002); // same version string on purpose: only the invalidation tells
      resolver.invalidate(orgA);
      releaseFirstRead();
      const lease = await acquiring;
      expect(lease.route.port).toBe(10_002);
      lease.release();
    });
  });

  describe('leases', () => {
    it('ignores a second release, so one caller cannot close a transport another is sending on', async () => {
      useRoute(orgA);
      const resolver = resolverWith({ MAIL_TRANSPORT_CACHE_SIZE: '1' });
      const first = await resolver.acquire(orgA);
      const second = await resolver.acquire(orgA);
      resolver.invalidate(orgA);
      first.release();
      first.release();
      expect(resolver.liveTransports()).toBe(1);
      second.release();
      expect(resolver.liveTransports()).toBe(0);
    });

    it('refuses to send through a released lease', async () => {
      useRoute(orgA);
      const lease = await resolverWith().acquire(orgA);
      lease.release();
      await expect(
        lease.transporter.sendMail({ from: 'a@org-a.test', to: 'b@example.test', text: 'x' }),
      ).rejects.toThrow('This transport lease was released');
    });

    it('closes a transport nobody leased for the idle period', async () => {
      useRoute(orgA);
      const resolver = resolverWith({ MAIL_POOL_IDLE_MS: '100' });
      (await resolver.acquire(orgA)).release();
      (await resolver.acquire(orgB)).release(); // the platform transport
      expect(resolver.liveTransports()).toBe(2);
      await waitUntil(() => resolver.liveTransports() === 0, {
        description: 'both idle transports to close',
        timeoutMs: 2000,
      });
      (await resolver.acquire(orgA)).release();
      expect(routes.routeReads(orgA)).toBe(2);
    });

    it('never closes a transport for idleness while a lease is held', async () => {
      useRoute(orgA);
      const resolver = resolverWith({ MAIL_POOL_IDLE_MS: '100' });
      const held = await resolver.acquire(orgA);
      const idleCheck = resolverWith({ MAIL_POOL_IDLE_MS: '100' });
      (await idleCheck.acquire(orgA)).release();
      // Once the second resolver's transport closed for idleness, the first one had as long.
      await waitUntil(() => idleCheck.liveTransports() === 0, {
        description: 'the reference transport to go idle',
        timeoutMs: 2000,
      });
      expect(resolver.liveTransports()).toBe(1);
      held.release();
    });
  });

  describe('shutdown', () => {
    it('waits for leases in flight, then closes every transport', async () => {
      useRoute(orgA);
      const resolver = resolverWith();
      const inFlight = await resolver.acquire(orgA);
      (await resolver.acquire(orgB)).release();
      let closed = false;
      const closing = resolver.closeAll({ drainTimeoutMs: 5000 }).then(() => (closed = true));
      await expect(resolver.acquire(orgB)).rejects.toBeInstanceOf(TransportResolverClosedError);
      expect(closed).toBe(false);
      expect(resolver.liveTransports()).toBe(1);
      inFlight.release();
      await closing;
      expect(resolver.liveTransports()).toBe(0);
    });

    it('cuts leases still held after the drain bound', async () => {
      useRoute(orgA);
      const resolver = resolverWith();
      const forgotten = await resolver.acquire(orgA);
      await resolver.closeAll({ drainTimeoutMs: 20 });
      expect(resolver.liveTransports()).toBe(0);
      forgotten.release();
    });

    it('refuses a transport whose route was still being read when shutdown began', async () => {
      useRoute(orgA);
      const resolver = resolverWith();
      const acquiring = resolver.acquire(orgA);
      const closing = resolver.closeAll();
      await expect(acquiring).rejects.toBeInstanceOf(TransportResolverClosedError);
      await closing;
      expect(resolver.liveTransports()).toBe(0);
    });
  });
});
