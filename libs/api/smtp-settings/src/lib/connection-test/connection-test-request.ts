import type { SmtpSecurityMode } from '@mailroute/shared/contracts';

/** The test email, already rendered by the caller; composed to MIME by the tester. */
export interface ConnectionTestMessage {
  from: { address: string; name?: string };
  to: string;
  replyTo?: string | null;
  subject: string;
  text: string;
  html: string;
  /** With its angle brackets, e.g. `<0190…@mailroute.example>`. */
  messageId: string;
  headers?: Record<string, string>;
}

/** The settings to test, as the admin entered them (validated), and the test email. */
export interface ConnectionTestRequest {
  host: string;
  port: number;
  security: SmtpSecurityMode;
  /** Empty: do not authenticate. */
  username: string;
  password: string;
  senderAddress: string;
  /** PEM of an extra authority to trust for this server; null to trust the public ones only. */
  caCertificate: string | null;
  testRecipient: string;
  message: ConnectionTestMessage;
}
