import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { type OrganizationId, trustedOrganizationId } from '@mailroute/api/core';
import { testConfig } from '@mailroute/api/core/testing';
import {
  type BlackholeServer,
  createTestCertificate,
  startBlackholeServer,
  startTestSmtpServer,
  type TestSmtpServer,
  type TestSmtpServerOptions,
  waitUntil,
} from '@mailroute/testing';
import { InMemoryRouteSource, localCustomRoute } from '../../testing/in-memory-route-source';
import type { TransportLease } from './transport-lease';
import { TransportResolver, TransportResolverClosedError } from './transport-resolver';
import { TlsTrustStore } from './tls-trust-store';

const PLATFORM_USER = { username: 'platform', password: 'p@ss:word/1' };
const GREETING_TIMEOUT_MS = 500;

const org = (id: string): OrganizationId => trustedOrganizationId(id);

/** A promise that the test settles when it chooses: holds a server's reply without sleeping. */
function gate(): { opened: Promise<void>; open(): void } {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('TransportResolver against real SMTP servers', () => {
  let platform: TestSmtpServer;
  let platformCaFile: string;
  let routes: InMemoryRouteSource;
  const servers: Array<TestSmtpServer | BlackholeServer> = [];
  const resolvers: TransportResolver[] = [];

  async function server(options: TestSmtpServerOptions = {}): Promise<TestSmtpServer> {
    const started = await startTestSmtpServer(options);
    servers.push(started);
    return started;
  }

  function resolverWith(env: Record<string, string> = {}): TransportResolver {
    const config = testConfig({
      PUBLIC_URL: 'https://app.mailroute.test',
      PLATFORM_SMTP_URL: `smtps://${encodeURIComponent(PLATFORM_USER.username)}:${encodeURIComponent(PLATFORM_USER.password)}@127.0.0.1:${platform.port}`,
      PLATFORM_SMTP_CA_FILE: platformCaFile,
      PLATFORM_SENDER: 'Mailroute <notifications@mailroute.test>',
      MAIL_POOL_CONNECTIONS: '2',
      MAIL_POOL_IDLE_MS: '60000',
      SMTP_CONNECTION_TIMEOUT_MS: '2000',
      SMTP_GREETING_TIMEOUT_MS: String(GREETING_TIMEOUT_MS),
      SMTP_SOCKET_TIMEOUT_MS: '5000',
      ...env,
    });
    const resolver = new TransportResolver(config, routes, new TlsTrustStore());
    resolvers.push(resolver);
    return resolver;
  }

  /** Sends the way the dispatcher does: acquire, send from the route's sender, always release. */
  async function send(
    resolver: TransportResolver,
    organizationId: OrganizationId,
    subject: string,
    options = {},
  ): Promise<void> {
    const lease = await resolver.acquire(organizationId, options);
    try {
      await sendThrough(lease, subject);
    } finally {
      lease.release();
    }
  }

  async function sendThrough(lease: TransportLease, subject: string): Promise<void> {
    await lease.transporter.sendMail({
      from: lease.route.sender,
      to: 'ada@example.test',
      subject,
      text: `Body of ${subject}`,
    });
  }

  const subjects = (smtp: TestSmtpServer): string[] =>
    smtp.messages.map((message) => message.subject ?? '').sort();

  beforeAll(async () => {
    Logger.overrideLogger(false);
    platform = await server({ security: 'tls', users: [PLATFORM_USER] });
    platformCaFile = join(mkdtempSync(join(tmpdir(), 'mailroute-platform-ca-')), 'ca.pem');
    writeFileSync(platformCaFile, platform.ca);
  });

  beforeEach(() => {
    routes = new InMemoryRouteSource();
  });

  afterEach(async () => {
    await Promise.all(resolvers.splice(0).map((resolver) => resolver.closeAll({ drainTimeoutMs: 1000 })));
    // Every test leaves no socket open behind it: closing the resolver closed its connections.
    await waitUntil(() => servers.every((smtp) => smtp.activeConnections() === 0), {
      description: 'every client connection to close',
      timeoutMs: 3000,
    });
    platform.clear();
  });

  afterAll(async () => {
    await Promise.all(servers.map((smtp) => smtp.close()));
  });

  it('delivers a platform email over implicit TLS, trusting the CA of PLATFORM_SMTP_CA_FILE', async () => {
    await send(resolverWith(), org('no-settings'), 'Platform welcome');

    const [message] = await platform.waitForMessages(1);
    expect(message).toMatchObject({
      subject: 'Platform welcome',
      secure: true,
      authenticatedUser: 'platform',
      from: { address: 'notifications@mailroute.test', name: 'Mailroute' },
    });
  });

  it("delivers an organization's email over STARTTLS with its own credentials", async () => {
    const smtp = await server({
      security: 'starttls',
      users: [{ username: 'org-a-mailer', password: 'org-a-secret' }],
    });
    routes.use(
      localCustomRoute(org('org-a'), smtp, {
        security: 'starttls',
        username: 'org-a-mailer',
        password: 'org-a-secret',
      }),
    );

    await send(resolverWith(), org('org-a'), 'Hello from A');

    const [message] = await smtp.waitForMessages(1);
    expect(message).toMatchObject({
      subject: 'Hello from A',
      secure: true,
      authenticatedUser: 'org-a-mailer',
    });
    expect(message.tlsProtocol).toMatch(/^TLSv1\.[23]$/);
    expect(platform.messages).toHaveLength(0);
  });

  it('refuses to send in plaintext to a STARTTLS route whose server offers no TLS', async () => {
    const plain = await server({ security: 'plain' });
    routes.use(localCustomRoute(org('org-a'), plain, { security: 'starttls' }));

    await expect(send(resolverWith(), org('org-a'), 'Must not leak')).rejects.toThrow(/STARTTLS/);
    expect(plain.messages).toHaveLength(0);
  });

  it('sends 50 emails of one organization over at most MAIL_POOL_CONNECTIONS connections', async () => {
    const smtp = await server();
    routes.use(localCustomRoute(org('org-a'), smtp));
    const resolver = resolverWith({ MAIL_POOL_CONNECTIONS: '2' });

    await Promise.all(Array.from({ length: 50 }, (_, i) => send(resolver, org('org-a'), `Pooled ${i}`)));

    await smtp.waitForMessages(50);
    expect(smtp.totalConnections()).toBeGreaterThanOrEqual(1);
    expect(smtp.totalConnections()).toBeLessThanOrEqual(2);
    expect(routes.routeReads('org-a')).toBe(1);
    expect(resolver.liveTransports()).toBe(1);
  });

  it("never lets one organization's email leave through another organization's server", async () => {
    const [serverA, serverB] = [await server(), await server()];
    routes.use(localCustomRoute(org('org-a'), serverA));
    routes.use(localCustomRoute(org('org-b'), serverB));
    const resolver = resolverWith();

    await Promise.all(
      Array.from({ length: 20 }, (_, i) => [
        send(resolver, org('org-a'), `A ${i}`),
        send(resolver, org('org-b'), `B ${i}`),
      ]).flat(),
    );

    await serverA.waitForMessages(20);
    await serverB.waitForMessages(20);
    expect(subjects(serverA).every((subject) => subject.startsWith('A '))).toBe(true);
    expect(subjects(serverB).every((subject) => subject.startsWith('B '))).toBe(true);
    expect(serverA.messages).toHaveLength(20);
    expect(serverB.messages).toHaveLength(20);
    expect(serverA.messages.every((message) => message.from?.address === 'notifications@org-a.test')).toBe(
      true,
    );
  });

  it('keeps the credentials of two organizations on the same server apart', async () => {
    const shared = await server({
      users: [
        { username: 'a-user', password: 'a-pass' },
        { username: 'b-user', password: 'b-pass' },
      ],
    });
    routes.use(localCustomRoute(org('org-a'), shared, { username: 'a-user', password: 'a-pass' }));
    routes.use(localCustomRoute(org('org-b'), shared, { username: 'b-user', password: 'b-pass' }));
    const resolver = resolverWith();

    await Promise.all(
      Array.from({ length: 10 }, (_, i) => [
        send(resolver, org('org-a'), `A ${i}`),
        send(resolver, org('org-b'), `B ${i}`),
      ]).flat(),
    );

    const messages = await shared.waitForMessages(20);
    for (const message of messages) {
      expect(`${message.subject?.[0]}:${message.authenticatedUser}`).toMatch(/^(A:a-user|B:b-user)$/);
    }
  });

  it("trusts an organization's CA for that organization only, not for another one pointing at the same server", async () => {
    // The platform trusts this very certificate too (PLATFORM_SMTP_CA_FILE): that must not leak to organizations either.
    const selfSigned = await server();
    routes.use(localCustomRoute(org('org-a'), selfSigned, { caCertificate: selfSigned.ca }));
    routes.use(localCustomRoute(org('org-b'), selfSigned, { caCertificate: null }));
    const resolver = resolverWith();

    await send(resolver, org('org-a'), 'Trusted');
    await expect(send(resolver, org('org-b'), 'Untrusted')).rejects.toThrow(/self[- ]signed certificate/);

    expect(subjects(selfSigned)).toEqual(['Trusted']);
  });

  it('verifies the certificate for the configured host name while connecting to the checked address', async () => {
    const certificate = await createTestCertificate({
      commonName: 'mail.org-a.test',
      altNames: ['mail.org-a.test'],
    });
    const smtp = await server({ certificate });
    routes.use(
      localCustomRoute(org('org-a'), smtp, { host: 'mail.org-a.test', connectAddress: '127.0.0.1' }),
    );
    routes.use(
      localCustomRoute(org('org-b'), smtp, { host: 'mail.org-b.test', connectAddress: '127.0.0.1' }),
    );
    const resolver = resolverWith();

    await send(resolver, org('org-a'), 'Right name');
    await expect(send(resolver, org('org-b'), 'Wrong name')).rejects.toThrow(
      /Hostname\/IP does not match certificate's altnames/,
    );

    expect(subjects(smtp)).toEqual(['Right name']);
  });

  it("switches to the new server on a settings change and closes the old transport's connections", async () => {
    const [oldServer, newServer] = [await server(), await server()];
    routes.use(localCustomRoute(org('org-a'), oldServer, { version: 'v1' }));
    const resolver = resolverWith();
    await send(resolver, org('org-a'), 'Before');
    expect(oldServer.activeConnections()).toBeGreaterThan(0);

    routes.use(localCustomRoute(org('org-a'), newServer, { version: 'v2' }));
    await send(resolver, org('org-a'), 'After');

    expect(subjects(oldServer)).toEqual(['Before']);
    expect(subjects(newServer)).toEqual(['After']);
    await waitUntil(() => oldServer.activeConnections() === 0, {
      description: 'the replaced transport to close its connection',
    });
    expect(resolver.liveTransports()).toBe(1);
  });

  it('keeps at most MAIL_TRANSPORT_CACHE_SIZE transports and leaves no socket open once idle', async () => {
    const pool = [await server(), await server(), await server(), await server()];
    // Idle long enough for the five most recent transports (~120 ms per new connection) to be alive together.
    const resolver = resolverWith({ MAIL_TRANSPORT_CACHE_SIZE: '5', MAIL_POOL_IDLE_MS: '2000' });
    let mostLive = 0;

    for (let i = 0; i < 20; i += 1) {
      routes.use(localCustomRoute(org(`org-${i}`), pool[i % pool.length]));
      await send(resolver, org(`org-${i}`), `From org-${i}`);
      expect(resolver.liveTransports()).toBeLessThanOrEqual(5);
      mostLive = Math.max(mostLive, resolver.liveTransports());
    }

    expect(mostLive).toBe(5);
    pool.forEach((smtp, index) => {
      expect(subjects(smtp)).toEqual(
        Array.from({ length: 5 }, (_, k) => `From org-${index + k * pool.length}`).sort(),
      );
    });
    await waitUntil(
      () => resolver.liveTransports() === 0 && pool.every((smtp) => smtp.activeConnections() === 0),
      {
        description: 'the idle transports to close and every server to see its connections end',
      },
    );
  });

  it('closes an idle transport with its sockets and builds a new one for the next email', async () => {
    const smtp = await server();
    routes.use(localCustomRoute(org('org-a'), smtp));
    const resolver = resolverWith({ MAIL_POOL_IDLE_MS: '200' });

    await send(resolver, org('org-a'), 'First');
    await waitUntil(() => resolver.liveTransports() === 0 && smtp.activeConnections() === 0, {
      description: 'the idle transport and its connection to close',
    });
    await send(resolver, org('org-a'), 'Second');

    expect(subjects(smtp)).toEqual(['First', 'Second']);
    expect(smtp.totalConnections()).toBe(2);
  });

  it('fails a send to a server that never greets within the greeting timeout, and stays usable', async () => {
    const blackhole = await startBlackholeServer();
    servers.push(blackhole);
    const healthy = await server();
    routes.use(localCustomRoute(org('org-a'), blackhole, { security: 'starttls', version: 'v1' }));
    routes.use(localCustomRoute(org('org-b'), healthy));
    const resolver = resolverWith();

    const started = Date.now();
    await expect(send(resolver, org('org-a'), 'Into the void')).rejects.toMatchObject({
      code: 'ETIMEDOUT',
      message: expect.stringContaining('Greeting never received'),
    });
    expect(Date.now() - started).toBeLessThan(GREETING_TIMEOUT_MS + 1000);

    await send(resolver, org('org-b'), 'Other organization');
    routes.use(localCustomRoute(org('org-a'), healthy, { version: 'v2' }));
    await send(resolver, org('org-a'), 'After the fix');
    expect(subjects(healthy)).toEqual(['After the fix', 'Other organization']);
  });

  it('completes a send in flight on a transport that is evicted meanwhile', async () => {
    const held = gate();
    let dataReceived = false;
    const slow = await server({
      onMessage: async () => {
        dataReceived = true;
        await held.opened;
      },
    });
    const other = await server();
    routes.use(localCustomRoute(org('org-a'), slow));
    routes.use(localCustomRoute(org('org-b'), other));
    const resolver = resolverWith({ MAIL_TRANSPORT_CACHE_SIZE: '1' });

    const sending = send(resolver, org('org-a'), 'Slow one');
    await waitUntil(() => dataReceived, { description: 'the slow server to hold the message' });
    await send(resolver, org('org-b'), 'Evicts A'); // cache size 1: A's transport is evicted
    expect(resolver.liveTransports()).toBe(2);

    held.open();
    await sending;

    expect(subjects(slow)).toEqual(['Slow one']);
    expect(subjects(other)).toEqual(['Evicts A']);
    await waitUntil(() => slow.activeConnections() === 0, {
      description: 'the evicted transport to close after its send',
    });
    expect(resolver.liveTransports()).toBe(1);
  });

  it('sends platform-only emails through the platform even when the organization has its own server', async () => {
    const own = await server();
    routes.use(localCustomRoute(org('org-a'), own));

    await send(resolverWith(), org('org-a'), 'Delivery problems alert', { platformOnly: true });

    await platform.waitForMessages(1);
    expect(subjects(platform)).toEqual(['Delivery problems alert']);
    expect(own.messages).toHaveLength(0);
  });

  it('shuts down gracefully: refuses new emails, lets the one in flight finish, then closes every connection', async () => {
    const held = gate();
    let dataReceived = false;
    const slow = await server({
      onMessage: async () => {
        dataReceived = true;
        await held.opened;
      },
    });
    routes.use(localCustomRoute(org('org-a'), slow));
    const resolver = resolverWith();

    const sending = send(resolver, org('org-a'), 'Last one');
    await waitUntil(() => dataReceived, { description: 'the slow server to hold the message' });
    let closed = false;
    const closing = resolver.closeAll({ drainTimeoutMs: 5000 }).then(() => (closed = true));
    await expect(resolver.acquire(org('org-b'))).rejects.toBeInstanceOf(TransportResolverClosedError);
    expect(closed).toBe(false);

    held.open();
    await sending;
    await closing;

    expect(subjects(slow)).toEqual(['Last one']);
    expect(resolver.liveTransports()).toBe(0);
    await waitUntil(() => slow.activeConnections() === 0, {
      description: 'the connection to close at shutdown',
    });
  });
});
