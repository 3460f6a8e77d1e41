import { readFileSync } from 'node:fs';
import { ConfigError, type PlatformSmtpConfig } from '@mailroute/api/core';
import addressparser from 'nodemailer/lib/addressparser';
import type { Mailbox, PlatformSmtpRoute } from '../routing/smtp-route';

/** An email should go through the platform SMTP, but this deployment has none (development only). */
export class PlatformSmtpNotConfiguredError extends Error {
  constructor() {
    super(
      'No platform SMTP server is configured (set PLATFORM_SMTP_URL): emails that use the platform SMTP cannot be sent',
    );
    this.name = 'PlatformSmtpNotConfiguredError';
  }
}

/**
 * The platform route from PLATFORM_SMTP_URL, PLATFORM_SMTP_CA_FILE and PLATFORM_SENDER.
 * The operator controls the host, so it is also the address connected to (no address policy).
 * Reads the CA file: call it once, at start-up. Errors name the variable, never the URL (it
 * holds the password).
 */
export function platformSmtpRoute(
  config: PlatformSmtpConfig,
  readCaFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): PlatformSmtpRoute {
  const url = new URL(config.url);
  const security = url.protocol === 'smtps:' ? 'tls' : 'starttls';
  // An IPv6 literal keeps its brackets in URL.hostname; the socket and the certificate check need the bare address.
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  const username = url.username === '' ? null : decodeURIComponent(url.username);
  return {
    type: 'platform',
    host,
    connectAddress: host,
    port: url.port === '' ? (security === 'tls' ? 465 : 587) : Number(url.port),
    security,
    username,
    password: username === null ? null : decodeURIComponent(url.password),
    caCertificate: config.caFile === null ? null : readCa(config.caFile, readCaFile),
    sender: parseSender(config.sender),
  };
}

function readCa(path: string, readCaFile: (path: string) => string): string {
  let pem: string;
  try {
    pem = readCaFile(path);
  } catch (error) {
    const reason =
      typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'unreadable';
    throw new ConfigError([
      { variable: 'PLATFORM_SMTP_CA_FILE', reason: `cannot be read (${reason}): ${path}` },
    ]);
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
    throw new ConfigError([
      { variable: 'PLATFORM_SMTP_CA_FILE', reason: `holds no PEM certificate: ${path}` },
    ]);
  }
  return pem;
}

function parseSender(sender: string): Mailbox {
  const mailboxes = /[\r\n]/.test(sender) ? [] : addressparser(sender);
  const mailbox = mailboxes.length === 1 ? mailboxes[0] : undefined;
  if (mailbox?.address === undefined || !/^[^@\s]+@[^@\s]+$/.test(mailbox.address)) {
    throw new ConfigError([
      {
        variable: 'PLATFORM_SENDER',
        reason: 'must be one mailbox, e.g. "Mailroute <notifications@example.com>"',
      },
    ]);
  }
  return mailbox.name === ''
    ? { address: mailbox.address }
    : { address: mailbox.address, name: mailbox.name };
}
