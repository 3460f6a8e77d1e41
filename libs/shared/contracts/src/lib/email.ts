import type { Page } from './page';

/** Why an email is sent; each module sends its own kinds. */
export const EMAIL_KINDS = [
  'notification',
  'dsr_message',
  'audit_invitation',
  'user_invitation',
  'smtp_test',
  'system_alert',
] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

/**
 * Where an email is in its life: `queued` (stored, waiting), `sending` (claimed by a sender),
 * `retrying` (a temporary failure; another attempt is scheduled), `held` (not attempted: the
 * organization's SMTP needs attention, e.g. its credentials were refused), `sent` (the server
 * accepted it), `failed` (refused for good, or out of retries: a dead letter, kept and replayable).
 */
export const EMAIL_STATUSES = ['queued', 'sending', 'retrying', 'held', 'sent', 'failed'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

export type EmailRouteType = 'platform' | 'custom';

/** The SMTP server that carried (or last tried to carry) an email. */
export interface EmailRouteView {
  type: EmailRouteType;
  host: string;
  port: number;
  /** The `From` address the route used. */
  sender: string;
}

export interface EmailErrorView {
  /** A stable category: e.g. `smtp_rejected`, `connection_failed`, `timeout`, `auth_failed`, `tls_failed`. */
  code: string;
  /** The SMTP reply code, when the server answered. */
  smtpCode: number | null;
  /** The server's text or the network error, for people. */
  message: string;
  at: string;
}

export interface RecipientStatusView {
  address: string;
  accepted: boolean;
  response: string | null;
}

/** One line of `GET /api/organizations/current/emails`. */
export interface EmailLogItem {
  id: string;
  createdAt: string;
  kind: EmailKind;
  to: string[];
  subject: string;
  status: EmailStatus;
  attempts: number;
  nextAttemptAt: string | null;
  route: EmailRouteView | null;
  /** The server's final reply line, e.g. `250 2.0.0 Ok: queued as 4Bq3`. */
  serverResponse: string | null;
  messageId: string;
  lastError: EmailErrorView | null;
  recipients: RecipientStatusView[];
  sentAt: string | null;
}

export type EmailLogPage = Page<EmailLogItem>;

/**
 * Where one email stands, shown beside the record that caused it (an invitation, a message to a
 * data subject), read from the email log.
 */
export interface DeliveryView {
  emailId: string;
  /** `unknown` when the email is no longer in the organization's email log. */
  status: EmailStatus | 'unknown';
  /**
   * The server that carried (or last tried to carry) it; null before the first attempt. Host and
   * port are given for the organization's own server only, not for the platform's.
   */
  route: { type: EmailRouteType; host?: string; port?: number } | null;
  /** The last failure, for people (the server's reply or the network error); null once sent. */
  lastError: string | null;
  sentAt: string | null;
}
