import { createSecureContext, type PeerCertificate } from 'node:tls';
import { trustedOrganizationId } from '@mailroute/api/core';
import { testConfig } from '@mailroute/api/core/testing';
import type { CustomSmtpRoute, PlatformSmtpRoute } from '../routing/smtp-route';
import { smtpTransportOptions } from './smtp-transport-options';
import { localCustomRoute } from '../../testing/in-memory-route-source';

const TRUST = createSecureContext({ minVersion: 'TLSv1.2' });

const config = testConfig({
  PUBLIC_URL: 'https://app.mailroute.example/base',
  MAIL_POOL_CONNECTIONS: '3',
  MAIL_POOL_IDLE_MS: '15000',
  SMTP_CONNECTION_TIMEOUT_MS: '1100',
  SMTP_GREETING_TIMEOUT_MS: '1200',
  SMTP_SOCKET_TIMEOUT_MS: '1300',
});

function orgRoute(overrides: Partial<CustomSmtpRoute> = {}): CustomSmtpRoute {
  return localCustomRoute(
    trustedOrganizationId('org-a'),
    { port: 465 },
    { host: 'smtp.org-a.example', connectAddress: '203.0.113.7', ...overrides },
  );
}

function certificateFor(dnsName: string): PeerCertificate {
  return { subject: { CN: dnsName }, subjectaltname: `DNS:${dnsName}` } as PeerCertificate;
}

describe('smtpTransportOptions', () => {
  it('builds a pool to the checked address with the configured size, idle close and timeouts', () => {
    expect(smtpTransportOptions(orgRoute(), config, TRUST)).toMatchObject({
      pool: true,
      maxConnections: 3,
      idleTimeout: 15000,
      host: '203.0.113.7',
      port: 465,
      connectionTimeout: 1100,
      greetingTimeout: 1200,
      socketTimeout: 1300,
    });
  });

  it('uses implicit TLS for a tls route', () => {
    const options = smtpTransportOptions(orgRoute({ security: 'tls' }), config, TRUST);
    expect(options.secure).toBe(true);
    expect(options.requireTLS).toBe(false);
  });

  it('requires the STARTTLS upgrade for a starttls route and never falls back to plaintext', () => {
    const options = smtpTransportOptions(orgRoute({ security: 'starttls', port: 587 }), config, TRUST);
    expect(options.secure).toBe(false);
    expect(options.requireTLS).toBe(true);
    expect(options.opportunisticTLS).toBeUndefined();
    expect(options.ignoreTLS).toBeUndefined();
  });

  it('never accepts an unverified certificate, and trusts what the given TLS context trusts', () => {
    expect(smtpTransportOptions(orgRoute(), config, TRUST).tls).toMatchObject({
      rejectUnauthorized: true,
      secureContext: TRUST,
    });
  });

  it('sends the configured host name as SNI while connecting to the checked address', () => {
    expect(smtpTransportOptions(orgRoute(), config, TRUST).tls?.servername).toBe('smtp.org-a.example');
  });

  it('checks the certificate against the configured host name, not the address connected to', () => {
    const check = smtpTransportOptions(orgRoute(), config, TRUST).tls?.checkServerIdentity;
    expect(check?.('203.0.113.7', certificateFor('smtp.org-a.example'))).toBeUndefined();
    expect(check?.('203.0.113.7', certificateFor('smtp.other.example'))).toMatchObject({
      code: 'ERR_TLS_CERT_ALTNAME_INVALID',
    });
  });

  it('sends no SNI for an IP address host (RFC 6066) but still checks the certificate for it', () => {
    const options = smtpTransportOptions(
      orgRoute({ host: '198.51.100.4', connectAddress: '198.51.100.4' }),
      config,
      TRUST,
    );
    expect(options.tls?.servername).toBeUndefined();
    const ipCertificate = {
      subject: { CN: 'x' },
      subjectaltname: 'IP Address:198.51.100.4',
    } as PeerCertificate;
    expect(options.tls?.checkServerIdentity?.('198.51.100.4', ipCertificate)).toBeUndefined();
    expect(
      options.tls?.checkServerIdentity?.('198.51.100.4', certificateFor('smtp.org-a.example')),
    ).toMatchObject({
      code: 'ERR_TLS_CERT_ALTNAME_INVALID',
    });
  });

  it('authenticates only when the route has a username', () => {
    expect(
      smtpTransportOptions(orgRoute({ username: 'mailer', password: 's3cret' }), config, TRUST).auth,
    ).toEqual({
      user: 'mailer',
      pass: 's3cret',
    });
    expect(
      smtpTransportOptions(orgRoute({ username: null, password: null }), config, TRUST).auth,
    ).toBeUndefined();
  });

  it('refuses file and URL content in messages', () => {
    expect(smtpTransportOptions(orgRoute(), config, TRUST)).toMatchObject({
      disableFileAccess: true,
      disableUrlAccess: true,
    });
  });

  it("greets with the public URL's host name whatever the organization configured", () => {
    const route = orgRoute({
      host: 'evil.example\r\nMAIL FROM:<x@y>',
      sender: { address: 'a@evil.example', name: 'Evil' },
    });
    expect(smtpTransportOptions(route, config, TRUST).name).toBe('app.mailroute.example');
  });

  it('greets with an address literal when the public URL has an IP address', () => {
    expect(
      smtpTransportOptions(orgRoute(), { ...config, publicUrl: 'http://192.0.2.10:3000' }, TRUST).name,
    ).toBe('[192.0.2.10]');
    expect(
      smtpTransportOptions(orgRoute(), { ...config, publicUrl: 'http://[2001:db8::1]:3000' }, TRUST).name,
    ).toBe('[IPv6:2001:db8::1]');
  });

  it('builds the platform route the same way', () => {
    const platform: PlatformSmtpRoute = {
      type: 'platform',
      host: 'smtp.mailroute.example',
      connectAddress: 'smtp.mailroute.example',
      port: 587,
      security: 'starttls',
      username: 'platform',
      password: 'pw',
      caCertificate: null,
      sender: { address: 'notifications@mailroute.example' },
    };
    expect(smtpTransportOptions(platform, config, TRUST)).toMatchObject({
      host: 'smtp.mailroute.example',
      port: 587,
      secure: false,
      requireTLS: true,
      auth: { user: 'platform', pass: 'pw' },
      tls: { servername: 'smtp.mailroute.example' },
    });
  });
});
