import { REDACTED, SecretRedactor } from './secret-redactor';
import type { SmtpFailure } from './smtp-failure';

/**
 * The text of a failure, for people: composed from what nodemailer reported, and made safe to store
 * and show. An email's error is kept on its outbox row and shown to the organization's admins, so it
 * must carry no secret and no server-controlled layout.
 */

/** Longest failure text kept. A server may send a reply of up to 1 MB before nodemailer stops it. */
export const MAX_FAILURE_TEXT_LENGTH = 500;

/**
 * The SMTP command as shown to people: only the verb and, for AUTH, the mechanism.
 * nodemailer's built-in mechanisms set `command` to `AUTH PLAIN` / `AUTH LOGIN` and keep the
 * credentials out of it, but a custom mechanism or a later version could append its payload
 * (`AUTH PLAIN <base64 of user and password>`), so everything after the mechanism is dropped.
 */
export function safeCommand(command: unknown): string | null {
  if (typeof command !== 'string') {
    return null;
  }
  const auth = /^\s*(AUTH\s+[^\s]+)/i.exec(command);
  const kept = auth ? (auth[1] ?? '') : command;
  const text = collapseControlCharacters(kept).slice(0, 40);
  return text === '' ? null : text;
}

/**
 * A failure text with secrets and control characters removed, shortened to
 * {@link MAX_FAILURE_TEXT_LENGTH}.
 *
 * - `AUTH <mechanism> <payload>` keeps the mechanism only (the payload encodes the password);
 * - `scheme://user:password@` loses its user information (a transport URL in an error message);
 * - every known secret, and its base64 form, is replaced by `[redacted]` ({@link SecretRedactor});
 * - CR, LF and other control characters become single spaces (multi-line SMTP replies read as one
 *   line, and a hostile server cannot forge extra lines in a log).
 */
export function safeFailureText(text: string, secrets: readonly string[] = []): string {
  const scrubbed = text
    .replace(/\b(AUTH\s+[A-Z0-9_-]+)\s+\S+/gi, `$1 ${REDACTED}`)
    .replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@]*@/gi, `$1${REDACTED}@`);
  const safe = collapseControlCharacters(new SecretRedactor(secrets).redact(scrubbed));
  return safe.length > MAX_FAILURE_TEXT_LENGTH ? `${safe.slice(0, MAX_FAILURE_TEXT_LENGTH - 1)}…` : safe;
}

function collapseControlCharacters(text: string): string {
  return text
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/**
 * The text for people. With a reply: the server's own words and the step, e.g.
 * `550 5.1.1 <a@example.com>: no such user (RCPT TO)`. Without: nodemailer's message and the
 * system code, e.g. `certificate has expired (CERT_HAS_EXPIRED)`.
 */
export function describeFailure(failure: SmtpFailure, secrets: readonly string[]): string {
  const command = safeCommand(failure.command);
  const step = command !== null && command !== 'CONN' && command !== 'API' ? ` (${command})` : '';
  if (failure.response !== null) {
    return safeFailureText(`${failure.response}${step}`, secrets);
  }
  const systemCode = failure.originalCode ?? failure.code;
  const detail = systemCode !== null && !failure.message.includes(systemCode) ? ` (${systemCode})` : '';
  return safeFailureText(`${readableMessage(failure)}${detail}${step}`, secrets);
}

const TIMEOUT_MESSAGES: Record<string, string> = {
  CONNECT_TIMEOUT: 'Connection timed out',
  GREETING_TIMEOUT: 'The server sent no greeting in time',
  UPGRADE_TIMEOUT: 'The TLS handshake timed out',
  SOCKET_TIMEOUT: 'The server stopped answering (socket timeout)',
};

function readableMessage(failure: SmtpFailure): string {
  if (failure.timeoutType !== null && TIMEOUT_MESSAGES[failure.timeoutType] !== undefined) {
    return TIMEOUT_MESSAGES[failure.timeoutType] ?? failure.message;
  }
  // OpenSSL messages read "80...:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:
  // ../deps/openssl/…"; keep the reason.
  const openssl = /SSL routines:[^:]*:([^:]+)/.exec(failure.message);
  if (openssl?.[1]) {
    return `TLS error: ${openssl[1]}`;
  }
  return failure.message;
}
