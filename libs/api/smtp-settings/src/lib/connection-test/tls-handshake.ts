import { isIP, type Socket } from 'node:net';
import { checkServerIdentity, connect, type PeerCertificate, type TLSSocket } from 'node:tls';
import type { TlsDetails } from '@mailroute/shared/contracts';
import type { TlsTrustStore } from '@mailroute/api/mail';
import type { ConnectionResources } from './connection-resources';
import type { StepBudget } from './deadline';
import { printable } from './display-text';
import { socketReady } from './tcp-connect';

declare const verified: unique symbol;

/** A TLS socket whose certificate chain and host name verified. Only `tlsHandshake` makes one. */
export type VerifiedTlsSocket = TLSSocket & { readonly [verified]: true };

export interface TlsTarget {
  /** The configured host: the certificate must be valid for it, not for the address connected to. */
  host: string;
  /** PEM of an extra authority to trust for this server only. */
  caCertificate: string | null;
  /** Where the trust of every SMTP connection of Mailroute is built, shared with the mail transports. */
  trustStore: TlsTrustStore;
}

export type TlsHandshakeOutcome =
  | { verified: true; socket: VerifiedTlsSocket; details: TlsDetails }
  /** The socket is already destroyed: nothing can be sent over a connection that did not verify. */
  | { verified: false; details: TlsDetails; identityError: string | null };

/**
 * The TLS handshake over an open TCP socket, for implicit TLS or after STARTTLS.
 *
 * The handshake itself does not reject an untrusted certificate (`rejectUnauthorized: false`), so
 * that the report can show the certificate that failed and why; the outcome then says whether it
 * verified, and an unverified socket is destroyed here, before anyone can write to it.
 */
export async function tlsHandshake(
  plain: Socket,
  target: TlsTarget,
  budget: StepBudget,
  resources: ConnectionResources,
): Promise<TlsHandshakeOutcome> {
  const socket = resources.track(
    connect({
      socket: plain,
      // SNI carries DNS names only (RFC 6066 §3); an IP literal is verified all the same.
      servername: isIP(target.host) === 0 ? target.host : undefined,
      rejectUnauthorized: false,
      // Node checks the name it connected to by default: the policy made that an IP address.
      checkServerIdentity: (_connectedTo, certificate) => checkServerIdentity(target.host, certificate),
      // The public roots plus this server's CA, TLS 1.2 at least: what the mail transports trust.
      secureContext: target.trustStore.contextFor(target.caCertificate),
    }),
  );
  await socketReady(socket, 'secureConnect', budget, 'the TLS handshake');
  const outcome = verify(socket, target.host);
  if (!outcome.verified) {
    socket.destroy();
  }
  return outcome;
}

function verify(socket: TLSSocket, host: string): TlsHandshakeOutcome {
  const certificate = socket.getPeerCertificate();
  const hasCertificate = certificate !== null && Object.keys(certificate).length > 0;
  // Checked here as well as by Node: its check is skipped on resumed sessions and after a chain error.
  const identity = hasCertificate ? checkServerIdentity(host, certificate) : undefined;
  const chainError = socket.authorized ? null : authorizationCode(socket.authorizationError);
  const identityError = identity
    ? printable((identity as Error & { reason?: string }).reason ?? identity.message, 300)
    : null;
  const verifyError =
    chainError ?? (identity ? 'ERR_TLS_CERT_ALTNAME_INVALID' : hasCertificate ? null : 'NO_PEER_CERTIFICATE');
  const details: TlsDetails = {
    protocol: socket.getProtocol(),
    cipher: socket.getCipher()?.name ?? null,
    subject: hasCertificate ? distinguishedName(certificate.subject) : null,
    issuer: hasCertificate ? distinguishedName(certificate.issuer) : null,
    validTo: hasCertificate ? isoDate(certificate.valid_to) : null,
    verified: socket.authorized && verifyError === null,
    verifyError,
  };
  return details.verified
    ? { verified: true, socket: socket as VerifiedTlsSocket, details }
    : { verified: false, details, identityError };
}

function authorizationCode(error: unknown): string {
  // Typed as Error, but Node sets the OpenSSL code as a string (e.g. `CERT_HAS_EXPIRED`).
  if (typeof error === 'string') {
    return error;
  }
  if (error instanceof Error) {
    return (error as Error & { code?: string }).code ?? error.message;
  }
  return 'UNABLE_TO_VERIFY';
}

/** `CN=mail.example.com, O=Example` from Node's parsed subject or issuer. */
function distinguishedName(name: PeerCertificate['subject'] | undefined): string | null {
  if (!name) {
    return null;
  }
  const parts = Object.entries(name).flatMap(([key, value]: [string, string | string[] | undefined]) =>
    value === undefined ? [] : (Array.isArray(value) ? value : [value]).map((item) => `${key}=${item}`),
  );
  // The server chose these strings: keep them printable and short.
  return parts.length > 0 ? printable(parts.join(', '), 300) : null;
}

function isoDate(text: string | undefined): string | null {
  if (!text) {
    return null;
  }
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? text : date.toISOString();
}
