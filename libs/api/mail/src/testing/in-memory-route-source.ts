import type { SmtpFailurePolicy } from '@mailroute/shared/contracts';
import type { OrganizationId } from '@mailroute/api/core';
import type { SmtpSecurity as TestServerSecurity } from '@mailroute/testing';
import type { CustomSmtpRoute } from '../lib/routing/smtp-route';
import type { SmtpRouteSource } from '../lib/routing/smtp-route-source';

/**
 * A test implementation of the SmtpRouteSource port: custom routes held in memory, settable per
 * organization, a way to make one organization's settings unusable (fail-closed tests), and a
 * count of the (expensive) route reads so tests can see when a transport is rebuilt.
 */
export class InMemoryRouteSource implements SmtpRouteSource {
  private readonly entries = new Map<string, { version: string; route: CustomSmtpRoute | Error }>();
  private readonly reads = new Map<string, number>();
  private versions = 0;

  /** Sets (or replaces) the organization's custom route under a new version. */
  set(route: Omit<CustomSmtpRoute, 'version'>): CustomSmtpRoute {
    const versioned = { ...route, version: `v${++this.versions}` };
    this.use(versioned);
    return versioned;
  }

  /** Sets the route with the version it carries (a same-version set is "no change"). */
  use(route: CustomSmtpRoute): void {
    this.entries.set(route.organizationId, { version: route.version, route });
  }

  /** The organization goes back to the platform SMTP. */
  remove(organizationId: string): void {
    this.entries.delete(organizationId);
  }

  /** The organization has settings, but reading them fails with `error` (e.g. SmtpRouteUnavailableError). */
  failWith(organizationId: string, error: Error): void {
    this.entries.set(organizationId, { version: `failing-${++this.versions}`, route: error });
  }

  /** How many times `customRouteFor` was asked for the organization. */
  routeReads(organizationId: string): number {
    return this.reads.get(organizationId) ?? 0;
  }

  currentVersion(organizationId: OrganizationId): Promise<string | null> {
    return Promise.resolve(this.entries.get(organizationId)?.version ?? null);
  }

  customRouteFor(organizationId: OrganizationId): Promise<CustomSmtpRoute | null> {
    this.reads.set(organizationId, this.routeReads(organizationId) + 1);
    const entry = this.entries.get(organizationId);
    return entry?.route instanceof Error
      ? Promise.reject(entry.route)
      : Promise.resolve(entry?.route ?? null);
  }
}

/** A custom route to a server of `@mailroute/testing` (its certificate is for `localhost`). */
export function customRouteTo(
  server: { port: number; ca: string; security: TestServerSecurity },
  route: {
    organizationId: OrganizationId;
    username: string;
    password: string;
    sender: string;
    senderName?: string;
    replyTo?: string;
    failurePolicy?: SmtpFailurePolicy;
    trustCa?: boolean;
  },
): Omit<CustomSmtpRoute, 'version'> {
  return {
    type: 'custom',
    organizationId: route.organizationId,
    host: 'localhost',
    connectAddress: '127.0.0.1',
    port: server.port,
    security: server.security === 'tls' ? 'tls' : 'starttls',
    username: route.username,
    password: route.password,
    caCertificate: route.trustCa === false ? null : server.ca,
    sender: { address: route.sender, ...(route.senderName ? { name: route.senderName } : {}) },
    replyTo: route.replyTo ?? null,
    failurePolicy: route.failurePolicy ?? 'hold',
  };
}

/**
 * A custom route to a local test server: host `localhost` (what the default test certificate is
 * for), connected through 127.0.0.1, implicit TLS, no credentials, unless overridden.
 */
export function localCustomRoute(
  organizationId: OrganizationId,
  server: { port: number; ca?: string | null },
  overrides: Partial<Omit<CustomSmtpRoute, 'type' | 'organizationId'>> = {},
): CustomSmtpRoute {
  return {
    type: 'custom',
    organizationId,
    version: 'v1',
    host: 'localhost',
    connectAddress: '127.0.0.1',
    port: server.port,
    security: 'tls',
    username: null,
    password: null,
    caCertificate: server.ca ?? null,
    sender: { address: `notifications@${organizationId}.test`, name: `Organization ${organizationId}` },
    replyTo: null,
    failurePolicy: 'hold',
    ...overrides,
  };
}
