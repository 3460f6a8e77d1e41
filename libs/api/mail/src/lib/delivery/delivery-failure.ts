import { describeFailure, safeFailureText } from './failure-text';
import { readSmtpFailure, type RecipientRefusal, type SmtpFailure } from './smtp-failure';

/**
 * What the outbox does with an email after a failed attempt (RFC 5321 §4.5.4.1):
 * - `retry`: a temporary failure; try again later, with backoff, until the retry window ends;
 * - `fail`: the server refused this email for good; it becomes a dead letter (kept, replayable);
 * - `hold`: the organization's SMTP needs attention (its credentials were refused); its queue is
 *   held and its admins alerted. Nothing is lost: the emails go once the settings are fixed.
 */
export type DeliveryAction = 'retry' | 'fail' | 'hold';

/** Stable categories, for admins (the email log) and programs (alerts, metrics). */
export const DELIVERY_FAILURE_CODES = [
  /** A 4xx reply: the server asks to try again later. */
  'smtp_temporary',
  /** A 5xx reply: the server refused the email for good. */
  'smtp_rejected',
  /** Every recipient was refused at RCPT TO; see `action` for whether some were only deferred. */
  'all_recipients_refused',
  /** The server refused our credentials, or requires credentials we do not have. */
  'auth_failed',
  /** No connection could be opened (refused, unreachable, dropped before the greeting). */
  'connection_failed',
  /** An open connection ended before the server's final reply. */
  'connection_lost',
  'timeout',
  /** The TLS handshake failed (certificate not trusted, expired, for another name; wrong port). */
  'tls_failed',
  'dns_failed',
  /** The server answered something SMTP does not allow there. */
  'protocol_error',
  /** Larger than the size the server announced (SIZE extension). */
  'message_too_large',
  /** The email cannot be sent as built (empty, malformed address, options nodemailer refuses). */
  'invalid_message',
  /** Reading the composed message failed while sending it. */
  'stream_error',
  /** The send was cancelled by us (e.g. shutdown). */
  'aborted',
  /** Anything not recognized: retried, so that a surprise never loses an email. */
  'unexpected_error',
] as const;
export type DeliveryFailureCode = (typeof DELIVERY_FAILURE_CODES)[number];

export interface DeliveryFailure {
  action: DeliveryAction;
  code: DeliveryFailureCode;
  /** The server's reply code, when the failure is a reply; `null` for network and local errors. */
  smtpCode: number | null;
  /** For people: the server's text or the network error. Never holds a password. */
  message: string;
}

export interface ClassifyOptions {
  /**
   * Values to redact from the message if they appear in it, raw or base64: pass the route's
   * password. AUTH LOGIN sends it as a bare base64 line, so a server that echoed it back in its
   * reply could not be recognized any other way.
   */
  secrets?: readonly string[];
}

/**
 * Decides what to do after a failed send, from the error nodemailer (10.x) reported.
 * The order of the checks matters: authentication and TLS are recognized before the generic reply
 * classes because their fix is the organization's settings, not time.
 */
export function classifyDeliveryFailure(error: unknown, options: ClassifyOptions = {}): DeliveryFailure {
  const failure = readSmtpFailure(error);
  const secrets = options.secrets ?? [];
  const make = (action: DeliveryAction, code: DeliveryFailureCode): DeliveryFailure => ({
    action,
    code,
    smtpCode: failure.responseCode,
    message: describeFailure(failure, secrets),
  });

  if (isAuthenticationFailure(failure)) {
    // RFC 4954 §6: 454 4.7.0 "Temporary authentication failure" asks the client to try again
    // later and not to doubt the password; 421 closes the session (RFC 5321 §3.8). Both retry.
    // 432 4.7.12 "A password transition is needed" is temporary in form but only a person can
    // resolve it, so it holds like a refused password.
    const temporary =
      failure.responseCode !== null && isTransientReply(failure.responseCode) && failure.responseCode !== 432;
    return temporary ? make('retry', 'smtp_temporary') : make('hold', 'auth_failed');
  }

  if (isTlsFailure(failure)) {
    // Certificate verification errors (expired, self-signed, issued for another name) and a
    // refused STARTTLS are configuration problems: retried rather than failed, so that fixing the
    // settings (a CA certificate, the host name, the security mode) still delivers the email, but
    // under their own code so the email log says what to fix. This covers a 454 reply to STARTTLS
    // ("TLS not available due to temporary reason", RFC 3207 §4) and a 5xx one (the server does
    // not offer TLS, which we require): the server refuses the session's security, not this email.
    return make('retry', 'tls_failed');
  }

  if (failure.code === 'EENVELOPE' && failure.rejectedErrors.length > 0) {
    return classifyAllRecipientsRefused(failure, secrets);
  }

  if (failure.responseCode !== null) {
    const reply = classifyReply(failure.responseCode, failure.command);
    return make(reply.action, reply.code);
  }

  return classifyWithoutReply(failure, make);
}

/** Codes RFC 4954 and RFC 5321 give to authentication failures, wherever they are sent. */
const AUTHENTICATION_REPLY_CODES = new Set([
  // 5.7.0 Authentication required: sent to MAIL FROM when we have no credentials for a server that
  // needs them. (Some servers also use 530 for "Must issue a STARTTLS command first"; holding is
  // right for that too: only the settings can fix it.)
  530,
  534, // 5.7.9 Authentication mechanism is too weak
  535, // 5.7.8 Authentication credentials invalid
  538, // 5.7.11 Encryption required for requested authentication mechanism
]);

function isAuthenticationFailure(failure: SmtpFailure): boolean {
  return (
    // EAUTH: the server refused AUTH, or credentials are missing for the mechanism (`API`).
    // ENOAUTH: the server requires AUTH and the transport has no credentials.
    failure.code === 'EAUTH' ||
    failure.code === 'ENOAUTH' ||
    failure.code === 'EOAUTH2' ||
    (failure.responseCode !== null && AUTHENTICATION_REPLY_CODES.has(failure.responseCode))
  );
}

/** OpenSSL certificate verification codes Node reports (nodemailer keeps them in `originalCode`). */
const CERTIFICATE_ERROR_CODES = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'CERT_CHAIN_TOO_LONG',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_DECRYPT_CERT_SIGNATURE',
  'UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY',
  'ERROR_IN_CERT_NOT_BEFORE_FIELD',
  'ERROR_IN_CERT_NOT_AFTER_FIELD',
  'INVALID_CA',
  'INVALID_PURPOSE',
  'PATH_LENGTH_EXCEEDED',
  'HOSTNAME_MISMATCH',
]);

function isTlsCode(code: string | null): boolean {
  return (
    code !== null &&
    // ERR_TLS_CERT_ALTNAME_INVALID (host name mismatch), ERR_SSL_WRONG_VERSION_NUMBER (TLS spoken
    // to a plaintext port), ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION…; EPROTO is how older OpenSSL
    // builds report a failed handshake.
    (CERTIFICATE_ERROR_CODES.has(code) || /^ERR_(SSL|TLS)_/.test(code) || code === 'EPROTO')
  );
}

function isTlsFailure(failure: SmtpFailure): boolean {
  // ETLS: STARTTLS refused, or the connection closed during the upgrade.
  // EREQUIRETLS: RFC 8689 REQUIRETLS asked for and not available.
  // A certificate error during the handshake arrives as ESOCKET with the OpenSSL code kept in
  // `originalCode` (measured with nodemailer 10.6 for both implicit TLS and STARTTLS).
  return (
    failure.code === 'ETLS' ||
    failure.code === 'EREQUIRETLS' ||
    isTlsCode(failure.originalCode) ||
    isTlsCode(failure.code)
  );
}

function isTransientReply(code: number): boolean {
  return code >= 400 && code < 500;
}

interface ReplyClass {
  action: DeliveryAction;
  code: DeliveryFailureCode;
}

/** What a reply code means once authentication and TLS were ruled out (RFC 5321 §4.2.1). */
function classifyReply(code: number, command: string | null): ReplyClass {
  if (code === 552 && command === 'RCPT TO') {
    // RFC 5321 §4.5.3.1.10: some servers answer 552 instead of 452 to "too many recipients";
    // a client must treat 552 on RCPT TO as temporary. (552 on MAIL FROM, for the SIZE
    // extension, and after DATA, for storage, stays permanent: RFC 1870 §6.)
    return { action: 'retry', code: 'smtp_temporary' };
  }
  if (isTransientReply(code)) {
    // 421 (closing, RFC 5321 §3.8), 450/451/452 (mailbox busy, local error, storage), 454…
    return { action: 'retry', code: 'smtp_temporary' };
  }
  if (code === 503) {
    // 503 "Bad sequence of commands" says our session was in the wrong state (e.g. a pooled
    // connection out of step), not that the email is refused: a new connection sends it.
    // nodemailer 10 marks 503 non-permanent for the same reason. The retry window bounds it.
    return { action: 'retry', code: 'protocol_error' };
  }
  if (code >= 500) {
    // 5yz is a permanent negative completion (RFC 5321 §4.2.1): the same email would be refused
    // again. Includes 521/554 at the greeting ("does not accept mail", RFC 7504 §3: do not retry),
    // 500/501/555 (syntax, parameters), 550/551/553 (mailbox), 552 on MAIL FROM or after DATA,
    // 554 after DATA (content refused).
    return { action: 'fail', code: 'smtp_rejected' };
  }
  // A 2xx or 3xx reply where the server should have said something else (e.g. 354 to the final
  // dot): a broken or confused server; try again later rather than decide on nonsense.
  return { action: 'retry', code: 'protocol_error' };
}

/**
 * Every recipient was refused at RCPT TO (nodemailer: EENVELOPE with `rejectedErrors`). Each
 * refusal is classified on its own, then:
 * - any refusal for authentication (530, 535…) holds the queue, as for AUTH itself;
 * - any temporary refusal (4xx, or 552 on RCPT TO) retries: those recipients were only deferred,
 *   and failing would drop them. This mirrors a partial refusal, where the email goes to the
 *   accepted recipients and the refused ones are recorded: the next attempt sends to everyone
 *   again, and the permanently refused addresses are refused again and recorded then;
 * - otherwise (every refusal permanent) the email fails, reporting the first permanent refusal's
 *   code in `smtpCode` and every recipient's reply in `message`.
 */
function classifyAllRecipientsRefused(failure: SmtpFailure, secrets: readonly string[]): DeliveryFailure {
  const refusals = failure.rejectedErrors;
  const message = safeFailureText(
    `All recipients were refused: ${refusals.map((refusal) => `${refusal.recipient ?? '(unknown)'}: ${refusal.response ?? 'no reply'}`).join('; ')}`,
    secrets,
  );
  const classes = refusals.map((refusal) => ({
    refusal,
    reply: refusal.responseCode === null ? null : classifyReply(refusal.responseCode, 'RCPT TO'),
  }));
  const auth = refusals.find(
    (refusal) => refusal.responseCode !== null && AUTHENTICATION_REPLY_CODES.has(refusal.responseCode),
  );
  if (auth) {
    return { action: 'hold', code: 'auth_failed', smtpCode: auth.responseCode, message };
  }
  // A refusal without a reply code cannot be shown to be permanent: it counts as temporary.
  const temporary = classes.find(({ reply }) => reply === null || reply.action === 'retry');
  if (temporary) {
    return {
      action: 'retry',
      code: 'all_recipients_refused',
      smtpCode: temporary.refusal.responseCode,
      message,
    };
  }
  return {
    action: 'fail',
    code: 'all_recipients_refused',
    smtpCode: firstCode(refusals) ?? failure.responseCode,
    message,
  };
}

function firstCode(refusals: readonly RecipientRefusal[]): number | null {
  return refusals.find((refusal) => refusal.responseCode !== null)?.responseCode ?? null;
}

/** Failures without a server reply: the network, timeouts, and errors raised before sending. */
function classifyWithoutReply(
  failure: SmtpFailure,
  make: (action: DeliveryAction, code: DeliveryFailureCode) => DeliveryFailure,
): DeliveryFailure {
  const network = networkCategory(failure.originalCode) ?? networkCategory(failure.code);
  switch (failure.code) {
    case 'ETIMEDOUT':
      return make('retry', 'timeout');
    case 'EDNS':
      // Even "no such host" is retried: for a relay the organization configured, it is a settings
      // or DNS outage problem that fixing makes go away, and RFC 5321 §4.5.4.1 asks to keep trying.
      return make('retry', 'dns_failed');
    case 'ECONNECTION':
      // A connection that closed before the final reply: RFC 5321 §3.8 says to treat the
      // transaction as if 451 had been received. Also: the pool was closed, or nodemailer gave up
      // requeueing after repeated drops. `smtpCode` stays null: no reply was received.
      return make('retry', network ?? 'connection_lost');
    case 'ESOCKET':
    case 'EPROXY':
      return make('retry', network ?? 'connection_failed');
    case 'EMAXLIMIT':
      // The pooled connection reached its message limit while this email was on it.
      return make('retry', 'connection_lost');
    case 'EPROTOCOL':
      // An unparseable or unexpected reply (without a reply code), or one larger than 1 MB.
      return make('retry', 'protocol_error');
    case 'ESTREAM':
      // The composed message could not be read. The message is built again from the stored email
      // on each attempt, so a passing fault heals; a lasting one ends with the retry window.
      return make('retry', 'stream_error');
    case 'EABORT':
      return make('retry', 'aborted');
    case 'EMESSAGE':
      // Without a reply, EMESSAGE is raised before sending: larger than the SIZE the server
      // announced (on `MAIL FROM`; permanent, RFC 1870 §6.1), or an empty message (`API`).
      return failure.command === 'MAIL FROM'
        ? make('fail', 'message_too_large')
        : make('fail', 'invalid_message');
    case 'EENVELOPE':
      // Without a reply: no recipients, or an address with CR/LF or angle brackets. Checked
      // locally, so it would fail the same way on every attempt.
      return make('fail', 'invalid_message');
    case 'EMAXRECIPIENTS':
    case 'ECONFIG':
    case 'EOTP':
    case 'EFILEACCESS':
    case 'EURLACCESS':
      // Refused by nodemailer itself from the message options: deterministic.
      return make('fail', 'invalid_message');
    case null:
    default:
      return make('retry', network ?? 'unexpected_error');
  }
}

/** Node's system error codes, as found in `originalCode` (or as `code` when nodemailer did not wrap). */
function networkCategory(code: string | null): DeliveryFailureCode | null {
  switch (code) {
    case null:
      return null;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_FAIL':
    case 'EAI_NONAME':
    case 'EAI_NODATA':
    case 'ENODATA':
    case 'ESERVFAIL':
    case 'ETIMEOUT': // dns.TIMEOUT: nodemailer's own DNS lookup deadline
      return 'dns_failed';
    case 'ETIMEDOUT':
      return 'timeout';
    case 'ECONNREFUSED':
    case 'EHOSTUNREACH':
    case 'EHOSTDOWN':
    case 'ENETUNREACH':
    case 'ENETDOWN':
    case 'EADDRNOTAVAIL':
      return 'connection_failed';
    case 'ECONNRESET':
    case 'EPIPE':
    case 'ECONNABORTED':
      return 'connection_lost';
    default:
      return isTlsCode(code) ? 'tls_failed' : null;
  }
}
