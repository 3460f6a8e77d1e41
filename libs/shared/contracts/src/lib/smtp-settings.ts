import type { EmailRouteType } from './email';
import type { LocalizedText } from './locale';

/** `tls`: implicit TLS from the first byte (usually port 465). `starttls`: upgrade required (587, 25). */
export const SMTP_SECURITY_MODES = ['tls', 'starttls'] as const;
export type SmtpSecurityMode = (typeof SMTP_SECURITY_MODES)[number];

/** While the organization's own server fails: hold its emails and retry, or send them through the platform. */
export const SMTP_FAILURE_POLICIES = ['hold', 'fallback'] as const;
export type SmtpFailurePolicy = (typeof SMTP_FAILURE_POLICIES)[number];

/** The port the product documentation pre-fills, and the usual ports with their security mode. */
export const DEFAULT_SMTP_PORT = 25;
export const SUGGESTED_SMTP_PORTS: readonly { port: number; security: SmtpSecurityMode }[] = [
  { port: 465, security: 'tls' },
  { port: 587, security: 'starttls' },
];

/** Bounds shared by the API's validation and the web form. */
export const SMTP_SETTINGS_LIMITS = {
  hostLength: 253,
  usernameLength: 320,
  passwordLength: 1024,
  addressLength: 320,
  senderNameLength: 128,
  caCertificateLength: 32_768,
} as const;

/**
 * The stages of a connection test, in the order an implicit-TLS test runs them. With STARTTLS
 * the `tls` stage comes after `greeting` (the upgrade happens inside the plaintext session).
 */
export const CONNECTION_TEST_STAGES = [
  'resolve',
  'policy',
  'connect',
  'tls',
  'greeting',
  'ehlo',
  'auth',
  'sender',
  'send',
] as const;
export type ConnectionTestStage = (typeof CONNECTION_TEST_STAGES)[number];

export interface TlsDetails {
  protocol: string | null;
  cipher: string | null;
  subject: string | null;
  issuer: string | null;
  validTo: string | null;
  /** Whether the certificate chain and host name verified. */
  verified: boolean;
  /** Why the certificate did not verify, e.g. `CERT_HAS_EXPIRED`. */
  verifyError: string | null;
}

export interface ConnectionTestStageResult {
  stage: ConnectionTestStage;
  ok: boolean;
  durationMs: number;
  /** What happened, technically: addresses, the server's reply, the certificate… */
  detail: string;
  /** What to do about a failure (or a caveat on a success); null when there is nothing to add. */
  hint: LocalizedText | null;
  /** Structured facts for the stage, when it has some. */
  tls?: TlsDetails;
  addresses?: string[];
  extensions?: string[];
  authMechanisms?: string[];
  /** The server's reply line (e.g. `250 2.0.0 Ok: queued as 4Bq3`). */
  serverResponse?: string;
  queueId?: string;
}

export interface ConnectionTestReport {
  ok: boolean;
  /** The stages run, in order, up to and including the first failure. */
  stages: ConnectionTestStageResult[];
  startedAt: string;
  durationMs: number;
  /** Where the test email went, when it was sent. */
  testRecipient: string;
  /** The Message-ID of the test email. */
  messageId: string | null;
}

/** The body of `PUT` and `POST .../test` on `/api/organizations/current/smtp-settings`. */
export interface SmtpSettingsInput {
  host: string;
  port: number;
  security: SmtpSecurityMode;
  username: string;
  /** Omitted: keep (or test with) the stored password. */
  password?: string;
  senderAddress: string;
  senderName?: string | null;
  replyTo?: string | null;
  /** PEM. Omitted: keep the stored one; null or empty: trust only the public authorities. */
  caCertificate?: string | null;
  failurePolicy?: SmtpFailurePolicy;
  /** Where the test email goes; default the admin making the change. */
  testRecipient?: string;
}

export interface CaCertificateSummary {
  subject: string;
  validTo: string;
}

export type SmtpHealthState = 'ok' | 'degraded' | 'unknown';

export interface SmtpHealthView {
  state: SmtpHealthState;
  lastSuccessAt: string | null;
  lastFailure: { at: string; message: string; code: string | null } | null;
  /** The organization's emails are held (e.g. the server refused the credentials) until the settings are fixed. */
  held: boolean;
}

/** `GET /api/organizations/current/smtp-settings`. Never the password. */
export interface SmtpSettingsView {
  /** The route the organization's emails take: the platform SMTP, or its own server. */
  mode: EmailRouteType;
  host: string | null;
  port: number | null;
  security: SmtpSecurityMode | null;
  username: string | null;
  hasPassword: boolean;
  senderAddress: string | null;
  senderName: string | null;
  replyTo: string | null;
  caCertificate: CaCertificateSummary | null;
  failurePolicy: SmtpFailurePolicy;
  health: SmtpHealthView;
  /** When the custom route became active (the last activation). */
  activeSince: string | null;
  updatedAt: string | null;
  updatedBy: { id: string; email: string } | null;
}

/** `PUT` answer: the stored settings and the report of the test that allowed them. */
export interface SmtpSettingsSaved {
  settings: SmtpSettingsView;
  report: ConnectionTestReport;
}

/** A 422 answer from `PUT`: the test failed, nothing changed. */
export interface SmtpSettingsTestFailed {
  statusCode: 422;
  code: 'smtp_test_failed';
  message: string;
  report: ConnectionTestReport;
}

export interface SmtpSettingsFieldChange {
  field: string;
  /** Null for the password (recorded only as changed) and for an empty value. */
  from: string | null;
  to: string | null;
}

export interface SmtpSettingsHistoryEntry {
  id: string;
  at: string;
  action: 'activated' | 'updated' | 'deleted';
  by: { id: string; email: string } | null;
  changes: SmtpSettingsFieldChange[];
}
