/** `tls`: implicit TLS from the first byte (usually port 465). `starttls`: upgrade required (587, 25). */
export type SmtpSecurity = 'tls' | 'starttls';

/** What to do with an organization's emails while its own server fails. */
export type FailurePolicy = 'hold' | 'fallback';

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
  security: SmtpSecurity;
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
  organizationId: string;
  /** Changes whenever the settings change; a transport built for an old version is replaced. */
  version: string;
  sender: Mailbox;
  replyTo: string | null;
  failurePolicy: FailurePolicy;
}

export type SmtpRoute = PlatformSmtpRoute | CustomSmtpRoute;
