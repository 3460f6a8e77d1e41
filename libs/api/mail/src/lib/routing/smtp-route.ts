import type { SmtpFailurePolicy, SmtpSecurityMode } from '@mailroute/shared/contracts';
import type { OrganizationId } from '@mailroute/api/core';

export interface Mailbox {
  address: string;
  name?: string;
}

interface SmtpServerAddress {
  /** The host name as configured: shown to admins and used to verify the TLS certificate. */
  host: string;
  /**
   * The address to connect to, already checked by the outbound address policy. Connecting to it
   * (not to `host`) means a DNS answer changed after the check cannot redirect the connection.
   */
  connectAddress: string;
  port: number;
  security: SmtpSecurityMode;
  username: string | null;
  /** Decrypted only to build the transport; lives in memory, never logged or returned. */
  password: string | null;
  /** Extra certificate authority (PEM) trusted for this server only. */
  caCertificate: string | null;
}

/** The platform's own SMTP service, from PLATFORM_SMTP_URL. */
export interface PlatformSmtpRoute extends SmtpServerAddress {
  type: 'platform';
  sender: Mailbox;
}

/** An organization's own SMTP server, from its active SMTP settings. */
export interface CustomSmtpRoute extends SmtpServerAddress {
  type: 'custom';
  organizationId: OrganizationId;
  /** Changes whenever the settings change; a transport built for an old version is replaced. */
  version: string;
  sender: Mailbox;
  replyTo: string | null;
  /** What to do with the organization's emails while this server fails. */
  failurePolicy: SmtpFailurePolicy;
}

export type SmtpRoute = PlatformSmtpRoute | CustomSmtpRoute;
