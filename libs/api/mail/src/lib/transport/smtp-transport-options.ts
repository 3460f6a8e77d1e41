import { isIP } from 'node:net';
import { checkServerIdentity, type SecureContext } from 'node:tls';
import type { AppConfig } from '@mailroute/api/core';
import type { SMTPPoolOptions } from 'nodemailer';
import type { SmtpRoute } from '../routing/smtp-route';
import { ehloNameOf } from './ehlo-name';

export type SmtpPoolTransportOptions = SMTPPoolOptions & { pool: true };

/**
 * The nodemailer options of the pooled transport for one route. Every value that reaches the
 * SMTP conversation comes from the route (already checked by the address policy) or from the
 * operator's configuration; the EHLO name in particular is never organization input. `trust` is
 * the route's TLS context from {@link TlsTrustStore} (public roots plus the route's CA, TLS 1.2+).
 */
export function smtpTransportOptions(
  route: SmtpRoute,
  config: Pick<AppConfig, 'mail' | 'publicUrl'>,
  trust: SecureContext,
): SmtpPoolTransportOptions {
  const { mail } = config;
  return {
    pool: true,
    maxConnections: mail.poolConnections,
    // No silent re-sends inside the pool: the outbox owns retries (its schedule, its attempt
    // count, its lease), and a message the server may already have accepted is not sent again.
    maxRequeues: 0,
    // The pool's own per-connection idle close, so no socket outlives an idle period even while a lease is held.
    idleTimeout: mail.poolIdleMs,
    host: route.connectAddress,
    port: route.port,
    secure: route.security === 'tls',
    // Never `opportunisticTLS`: a server that cannot upgrade must fail, not receive the message in plaintext.
    requireTLS: route.security === 'starttls',
    tls: {
      // SNI carries DNS names only (RFC 6066 §3); an IP literal host is verified below all the same.
      servername: isIP(route.host) === 0 ? route.host : undefined,
      // We connect to the checked address, but the certificate must be valid for the configured host name.
      checkServerIdentity: (_connectedTo, certificate) => checkServerIdentity(route.host, certificate),
      rejectUnauthorized: true,
      // Trusted roots and the minimum version live in the shared context.
      secureContext: trust,
    },
    auth: route.username === null ? undefined : { user: route.username, pass: route.password ?? '' },
    connectionTimeout: mail.smtpTimeouts.connectionMs,
    greetingTimeout: mail.smtpTimeouts.greetingMs,
    socketTimeout: mail.smtpTimeouts.socketMs,
    disableFileAccess: true,
    disableUrlAccess: true,
    name: ehloNameOf(config.publicUrl),
  };
}
