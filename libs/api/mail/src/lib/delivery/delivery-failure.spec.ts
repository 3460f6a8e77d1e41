import type { NodemailerError } from 'nodemailer';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { classifyDeliveryFailure, type DeliveryAction, type DeliveryFailureCode } from './delivery-failure';

/**
 * Builds an error the way nodemailer 10.6 does (`SMTPConnection#_formatError`): the message gets
 * `: <response>` appended, `responseCode` is the number the response starts with, a system code
 * already on the error moves to `originalCode`. The shapes below were measured against real
 * servers (scripted TCP servers and smtp-server with bad certificates) with nodemailer 10.6.1.
 */
function nodemailerError(
  message: string | Error,
  code: string,
  response: string | false,
  command: string,
  extra: Partial<NodemailerError> = {},
): NodemailerError {
  const err: NodemailerError = typeof message === 'string' ? new Error(message) : message;
  if (err.code && err.code !== code && !err.originalCode) {
    err.originalCode = err.code;
  }
  err.code = code;
  if (response) {
    err.response = response;
    err.message += ': ' + response;
    const responseCode = Number(/^\d+/.exec(response)?.[0]);
    if (responseCode) {
      err.responseCode = responseCode;
      err.permanent = responseCode >= 500 && responseCode < 600 && responseCode !== 503;
    }
  }
  err.command = command;
  return Object.assign(err, extra);
}

/** A Node system error (what `net`/`tls`/`dns` emit), before nodemailer wraps it. */
function systemError(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

/** "all recipients were rejected", with one refusal per recipient (`[address, reply]`). */
function allRecipientsRefused(refusals: Array<[string, string]>): NodemailerError {
  const rejectedErrors = refusals.map(([recipient, reply]) =>
    nodemailerError('Recipient command failed', 'EENVELOPE', reply, 'RCPT TO', { recipient }),
  );
  // nodemailer reports the first temporary refusal if there is one, else the last reply.
  const deferred = rejectedErrors.find((refusal) => (refusal.responseCode ?? 0) < 500);
  const reply = deferred?.response ?? rejectedErrors[rejectedErrors.length - 1]?.response ?? false;
  const err = nodemailerError(
    "Can't send mail - all recipients were rejected",
    'EENVELOPE',
    reply,
    'RCPT TO',
  );
  err.rejected = refusals.map(([recipient]) => recipient);
  err.rejectedErrors = rejectedErrors;
  return err;
}

interface Case {
  name: string;
  error: unknown;
  action: DeliveryAction;
  code: DeliveryFailureCode;
  smtpCode: number | null;
}

const cases: Case[] = [
  // 4xx: the server asks to try later.
  {
    name: '421 to MAIL FROM (service closing)',
    error: nodemailerError('Mail command failed', 'EENVELOPE', '421 4.4.2 closing now', 'MAIL FROM'),
    action: 'retry',
    code: 'smtp_temporary',
    smtpCode: 421,
  },
  {
    name: '421 to EHLO',
    error: nodemailerError(
      'Server terminates connection. response=421 4.7.0 closing',
      'ECONNECTION',
      '421 4.7.0 closing',
      'EHLO',
    ),
    action: 'retry',
    code: 'smtp_temporary',
    smtpCode: 421,
  },
  {
    name: '421 as the greeting (too many connections)',
    error: nodemailerError(
      'Invalid greeting. response=421 4.3.2 Too busy',
      'EPROTOCOL',
      '421 4.3.2 Too busy',
      'CONN',
    ),
    action: 'retry',
    code: 'smtp_temporary',
    smtpCode: 421,
  },
  {
    name: '421 sent while the message was in flight',
    error: nodemailerError(
      'Server closed the connection',
      'ECONNECTION',
      '421 4.4.2 timeout exceeded',
      'CONN',
    ),
    action: 'retry',
    code: 'smtp_temporary',
    smtpCode: 421,
  },
  {
    name: '450 to RCPT TO (greylisted), the only recipient',
    error: allRecipientsRefused([
      ['x@example.com', '450 4.2.0 <x@example.com>: Recipient address rejected: Greylisted'],
    ]),
    action: 'retry',
    code: 'all_recipients_refused',
    smtpCode: 450,
  },
  {
    name: '451 to MAIL FROM',
    error: nodemailerError('Mail command failed', 'EENVELOPE', '451 4.3.0 try later', 'MAIL FROM'),
    action: 'retry',
    code: 'smtp_temporary',
    smtpCode: 451,
  },
  {
    name: '451 after DATA',
    error: nodemailerError('Message failed', 'EMESSAGE', '451 4.3.0 Error: queue file write error', 'DATA'),
    action: 'retry',
    code: 'smtp_temporary',
    smtpCode: 451,
  },
  {
    name: '452 to RCPT TO (insufficient storage)',
    error: allRecipientsRefused([['x@example.com', '452 4.3.1 Insufficient system storage']]),
    action: 'retry',
    code: 'all_recipients_refused',
    smtpCode: 452,
  },
  {
    name: '454 to STARTTLS (TLS temporarily unavailable)',
    error: nodemailerError(
      'Error upgrading connection with STARTTLS',
      'ETLS',
      '454 4.7.0 TLS not available due to temporary reason',
      'STARTTLS',
    ),
    action: 'retry',
    code: 'tls_failed',
    smtpCode: 454,
  },
  {
    name: '454 to AUTH (temporary authentication failure)',
    error: nodemailerError(
      'Invalid login',
      'EAUTH',
      '454 4.7.0 Temporary authentication failure',
      'AUTH PLAIN',
    ),
    action: 'retry',
    code: 'smtp_temporary',
    smtpCode: 454,
  },
  // 5xx: refused for good.
  {
    name: '500 to EHLO while STARTTLS is required',
    error: nodemailerError(
      'EHLO failed but HELO does not support required STARTTLS. response=500 5.5.1 unrecognized',
      'ECONNECTION',
      '500 5.5.1 unrecognized',
      'EHLO',
    ),
    action: 'fail',
    code: 'smtp_rejected',
    smtpCode: 500,
  },
  {
    name: '501 to MAIL FROM (syntax error in parameters)',
    error: nodemailerError(
      'Mail command failed',
      'EENVELOPE',
      '501 5.1.7 Bad sender address syntax',
      'MAIL FROM',
    ),
    action: 'fail',
    code: 'smtp_rejected',
    smtpCode: 501,
  },
  {
    name: '503 to MAIL FROM (bad sequence: the session, not the email)',
    error: nodemailerError(
      'Mail command failed',
      'EENVELOPE',
      '503 5.5.1 Error: nested MAIL command',
      'MAIL FROM',
    ),
    action: 'retry',
    code: 'protocol_error',
    smtpCode: 503,
  },
  {
    name: '550 to MAIL FROM (sender refused)',
    error: nodemailerError(
      'Mail command failed',
      'EENVELOPE',
      '550 5.7.1 Sender address rejected: not owned by user',
      'MAIL FROM',
    ),
    action: 'fail',
    code: 'smtp_rejected',
    smtpCode: 550,
  },
  {
    name: '550 to RCPT TO, the only recipient',
    error: allRecipientsRefused([
      ['x@example.com', '550 5.1.1 <x@example.com>: Recipient address rejected: User unknown'],
    ]),
    action: 'fail',
    code: 'all_recipients_refused',
    smtpCode: 550,
  },
  {
    name: '551 to RCPT TO (user not local)',
    error: allRecipientsRefused([['x@example.com', '551 5.1.6 User not local; please try <x@example.org>']]),
    action: 'fail',
    code: 'all_recipients_refused',
    smtpCode: 551,
  },
  {
    name: '552 to MAIL FROM (message size exceeds the fixed limit)',
    error: nodemailerError(
      'Mail command failed',
      'EENVELOPE',
      '552 5.3.4 Message size exceeds fixed limit',
      'MAIL FROM',
    ),
    action: 'fail',
    code: 'smtp_rejected',
    smtpCode: 552,
  },
  {
    name: '552 to RCPT TO (too many recipients: temporary, RFC 5321 §4.5.3.1.10)',
    error: allRecipientsRefused([['x@example.com', '552 5.5.3 Too many recipients']]),
    action: 'retry',
    code: 'all_recipients_refused',
    smtpCode: 552,
  },
  {
    name: '552 after DATA (exceeded storage allocation)',
    error: nodemailerError('Message failed', 'EMESSAGE', '552 5.2.2 Mailbox full', 'DATA'),
    action: 'fail',
    code: 'smtp_rejected',
    smtpCode: 552,
  },
  {
    name: '553 to RCPT TO (mailbox name not allowed)',
    error: allRecipientsRefused([['x@example.com', '553 5.1.3 Bad recipient address syntax']]),
    action: 'fail',
    code: 'all_recipients_refused',
    smtpCode: 553,
  },
  {
    name: '554 after DATA (content refused)',
    error: nodemailerError('Message failed', 'EMESSAGE', '554 5.7.1 Message rejected as spam', 'DATA'),
    action: 'fail',
    code: 'smtp_rejected',
    smtpCode: 554,
  },
  {
    name: '554 to the DATA command',
    error: nodemailerError(
      'Data command failed',
      'EENVELOPE',
      '554 5.5.1 Error: no valid recipients',
      'DATA',
    ),
    action: 'fail',
    code: 'smtp_rejected',
    smtpCode: 554,
  },
  {
    name: '554 as the greeting (no SMTP service here)',
    error: nodemailerError(
      'Invalid greeting. response=554 5.7.1 No SMTP service here',
      'EPROTOCOL',
      '554 5.7.1 No SMTP service here',
      'CONN',
    ),
    action: 'fail',
    code: 'smtp_rejected',
    smtpCode: 554,
  },
  {
    name: '555 to MAIL FROM (parameters not recognized)',
    error: nodemailerError(
      'Mail command failed',
      'EENVELOPE',
      '555 5.5.4 Unsupported option: SMTPUTF8',
      'MAIL FROM',
    ),
    action: 'fail',
    code: 'smtp_rejected',
    smtpCode: 555,
  },
  {
    name: '521 as the greeting (host does not accept mail, RFC 7504)',
    error: nodemailerError(
      'Invalid greeting. response=521 5.3.2 does not accept mail',
      'EPROTOCOL',
      '521 5.3.2 does not accept mail',
      'CONN',
    ),
    action: 'fail',
    code: 'smtp_rejected',
    smtpCode: 521,
  },
  // Authentication: hold the organization's queue.
  {
    name: '530 to MAIL FROM (the server requires AUTH and we sent none)',
    error: nodemailerError(
      'Mail command failed',
      'EENVELOPE',
      '530 5.7.0 Authentication required',
      'MAIL FROM',
    ),
    action: 'hold',
    code: 'auth_failed',
    smtpCode: 530,
  },
  {
    name: '534 to AUTH (mechanism too weak)',
    error: nodemailerError(
      'Invalid login',
      'EAUTH',
      '534 5.7.9 Authentication mechanism is too weak',
      'AUTH PLAIN',
    ),
    action: 'hold',
    code: 'auth_failed',
    smtpCode: 534,
  },
  {
    name: '535 to AUTH LOGIN (credentials invalid)',
    error: nodemailerError(
      'Invalid login',
      'EAUTH',
      '535 5.7.8 Username and Password not accepted',
      'AUTH LOGIN',
    ),
    action: 'hold',
    code: 'auth_failed',
    smtpCode: 535,
  },
  {
    name: '538 to AUTH (encryption required for the mechanism)',
    error: nodemailerError(
      'Invalid login',
      'EAUTH',
      '538 5.7.11 Encryption required for requested authentication mechanism',
      'AUTH PLAIN',
    ),
    action: 'hold',
    code: 'auth_failed',
    smtpCode: 538,
  },
  {
    name: '432 to AUTH (a password transition is needed)',
    error: nodemailerError(
      'Invalid login',
      'EAUTH',
      '432 4.7.12 A password transition is needed',
      'AUTH PLAIN',
    ),
    action: 'hold',
    code: 'auth_failed',
    smtpCode: 432,
  },
  {
    name: 'EAUTH without a reply (credentials missing for the mechanism)',
    error: nodemailerError('Missing credentials for "PLAIN"', 'EAUTH', false, 'API'),
    action: 'hold',
    code: 'auth_failed',
    smtpCode: null,
  },
  {
    name: 'ENOAUTH (the server requires AUTH, the transport has no credentials)',
    error: Object.assign(new Error('Authentication info was not provided'), { code: 'ENOAUTH' }),
    action: 'hold',
    code: 'auth_failed',
    smtpCode: null,
  },
  // Network.
  {
    name: 'connection refused (ESOCKET, ECONNREFUSED)',
    error: nodemailerError(
      systemError('connect ECONNREFUSED 192.0.2.10:587', 'ECONNREFUSED'),
      'ESOCKET',
      false,
      'CONN',
    ),
    action: 'retry',
    code: 'connection_failed',
    smtpCode: null,
  },
  {
    name: 'connection refused on every address (AggregateError with an empty message)',
    error: nodemailerError(
      Object.assign(
        new AggregateError([systemError('connect ECONNREFUSED 192.0.2.10:587', 'ECONNREFUSED')], ''),
        {
          code: 'ECONNREFUSED',
        },
      ),
      'ESOCKET',
      false,
      'CONN',
    ),
    action: 'retry',
    code: 'connection_failed',
    smtpCode: null,
  },
  {
    name: 'connection reset (ESOCKET, ECONNRESET)',
    error: nodemailerError(systemError('read ECONNRESET', 'ECONNRESET'), 'ESOCKET', false, 'CONN'),
    action: 'retry',
    code: 'connection_lost',
    smtpCode: null,
  },
  {
    name: 'ECONNECTION: closed before the greeting',
    error: nodemailerError(new Error('Connection closed unexpectedly'), 'ECONNECTION', false, 'CONN'),
    action: 'retry',
    code: 'connection_lost',
    smtpCode: null,
  },
  {
    name: 'ECONNECTION: closed in the middle of DATA (treated as 451, RFC 5321 §3.8)',
    error: nodemailerError(new Error('Connection closed unexpectedly'), 'ECONNECTION', false, 'CONN'),
    action: 'retry',
    code: 'connection_lost',
    smtpCode: null,
  },
  {
    name: 'ETIMEDOUT: connection timeout',
    error: nodemailerError(
      Object.assign(new Error('Connection timeout'), { timeoutType: 'CONNECT_TIMEOUT' }),
      'ETIMEDOUT',
      false,
      'CONN',
    ),
    action: 'retry',
    code: 'timeout',
    smtpCode: null,
  },
  {
    name: 'ETIMEDOUT: no greeting',
    error: nodemailerError(
      Object.assign(new Error('Greeting never received'), { timeoutType: 'GREETING_TIMEOUT' }),
      'ETIMEDOUT',
      false,
      'CONN',
    ),
    action: 'retry',
    code: 'timeout',
    smtpCode: null,
  },
  {
    name: 'ETIMEDOUT: the socket went idle mid-session',
    error: nodemailerError(
      Object.assign(new Error('Timeout'), { timeoutType: 'SOCKET_TIMEOUT' }),
      'ETIMEDOUT',
      false,
      'CONN',
    ),
    action: 'retry',
    code: 'timeout',
    smtpCode: null,
  },
  {
    name: 'ESOCKET from the OS: connect ETIMEDOUT',
    error: nodemailerError(
      systemError('connect ETIMEDOUT 192.0.2.10:587', 'ETIMEDOUT'),
      'ESOCKET',
      false,
      'CONN',
    ),
    action: 'retry',
    code: 'timeout',
    smtpCode: null,
  },
  // TLS.
  {
    name: 'TLS: certificate expired (ESOCKET, CERT_HAS_EXPIRED)',
    error: nodemailerError(
      systemError('certificate has expired', 'CERT_HAS_EXPIRED'),
      'ESOCKET',
      false,
      'CONN',
    ),
    action: 'retry',
    code: 'tls_failed',
    smtpCode: null,
  },
  {
    name: 'TLS: self-signed certificate (ESOCKET, DEPTH_ZERO_SELF_SIGNED_CERT)',
    error: nodemailerError(
      systemError('self-signed certificate', 'DEPTH_ZERO_SELF_SIGNED_CERT'),
      'ESOCKET',
      false,
      'CONN',
    ),
    action: 'retry',
    code: 'tls_failed',
    smtpCode: null,
  },
  {
    name: 'TLS: host name mismatch (ESOCKET, ERR_TLS_CERT_ALTNAME_INVALID)',
    error: nodemailerError(
      systemError(
        "Hostname/IP does not match certificate's altnames: Host: smtp.example.com. is not in the cert's altnames: DNS:other.example",
        'ERR_TLS_CERT_ALTNAME_INVALID',
      ),
      'ESOCKET',
      false,
      'CONN',
    ),
    action: 'retry',
    code: 'tls_failed',
    smtpCode: null,
  },
  {
    name: 'TLS: implicit TLS to a plaintext port (ERR_SSL_WRONG_VERSION_NUMBER)',
    error: nodemailerError(
      systemError(
        '804C63D52E7F0000:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:../deps/openssl/openssl/ssl/record/ssl3_record.c:350:\n',
        'ERR_SSL_WRONG_VERSION_NUMBER',
      ),
      'ESOCKET',
      false,
      'CONN',
    ),
    action: 'retry',
    code: 'tls_failed',
    smtpCode: null,
  },
  {
    name: 'TLS: connection closed during the STARTTLS upgrade (ETLS)',
    error: nodemailerError(new Error('Connection closed unexpectedly'), 'ETLS', false, 'CONN'),
    action: 'retry',
    code: 'tls_failed',
    smtpCode: null,
  },
  // DNS.
  {
    name: 'EDNS: no such host (ENOTFOUND)',
    error: nodemailerError(
      systemError('getaddrinfo ENOTFOUND smtp.example.invalid', 'ENOTFOUND'),
      'EDNS',
      false,
      'CONN',
    ),
    action: 'retry',
    code: 'dns_failed',
    smtpCode: null,
  },
  {
    name: 'EDNS: lookup timed out',
    error: nodemailerError(
      systemError('DNS lookup for smtp.example.com timed out', 'ETIMEOUT'),
      'EDNS',
      false,
      'CONN',
    ),
    action: 'retry',
    code: 'dns_failed',
    smtpCode: null,
  },
  {
    name: 'ENOTFOUND not wrapped by nodemailer',
    error: systemError('getaddrinfo ENOTFOUND smtp.example.invalid', 'ENOTFOUND'),
    action: 'retry',
    code: 'dns_failed',
    smtpCode: null,
  },
  // Protocol.
  {
    name: 'EPROTOCOL: a reply larger than nodemailer accepts',
    error: nodemailerError(
      new Error('Server response exceeds maximum allowed size'),
      'EPROTOCOL',
      false,
      'CONN',
    ),
    action: 'retry',
    code: 'protocol_error',
    smtpCode: null,
  },
  {
    name: 'EPROTOCOL: an unexpected 250 nobody asked for',
    error: nodemailerError(new Error('Unexpected Response'), 'EPROTOCOL', '250 unexpected', 'CONN'),
    action: 'retry',
    code: 'protocol_error',
    smtpCode: 250,
  },
  {
    name: 'EMESSAGE: 354 to the end of the message',
    error: nodemailerError('Message failed', 'EMESSAGE', '354 go ahead', 'DATA'),
    action: 'retry',
    code: 'protocol_error',
    smtpCode: 354,
  },
  // All recipients refused, mixed.
  {
    name: 'all recipients refused: 550 and 553 (every refusal permanent)',
    error: allRecipientsRefused([
      ['x@example.com', '550 5.1.1 <x@example.com>: no such user'],
      ['y@example.com', '553 5.1.3 bad address'],
    ]),
    action: 'fail',
    code: 'all_recipients_refused',
    smtpCode: 550,
  },
  {
    name: 'all recipients refused: 550 and 450 (one only deferred)',
    error: allRecipientsRefused([
      ['x@example.com', '550 5.1.1 <x@example.com>: no such user'],
      ['y@example.com', '450 4.2.0 greylisted'],
    ]),
    action: 'retry',
    code: 'all_recipients_refused',
    smtpCode: 450,
  },
  {
    name: 'all recipients refused: 550 and 552 too many recipients',
    error: allRecipientsRefused([
      ['x@example.com', '550 5.1.1 <x@example.com>: no such user'],
      ['y@example.com', '552 5.5.3 Too many recipients'],
    ]),
    action: 'retry',
    code: 'all_recipients_refused',
    smtpCode: 552,
  },
  {
    name: 'all recipients refused: 550 and 530 authentication required',
    error: allRecipientsRefused([
      ['x@example.com', '550 5.1.1 no such user'],
      ['y@example.com', '530 5.7.0 Authentication required'],
    ]),
    action: 'hold',
    code: 'auth_failed',
    smtpCode: 530,
  },
  // Refused before sending.
  {
    name: 'EMESSAGE: larger than the SIZE the server announced',
    error: nodemailerError('Message size larger than allowed 10240000', 'EMESSAGE', false, 'MAIL FROM'),
    action: 'fail',
    code: 'message_too_large',
    smtpCode: null,
  },
  {
    name: 'EMESSAGE: empty message',
    error: nodemailerError('Empty message', 'EMESSAGE', false, 'API'),
    action: 'fail',
    code: 'invalid_message',
    smtpCode: null,
  },
  {
    name: 'EENVELOPE: invalid recipient, refused locally',
    error: nodemailerError(
      'Invalid recipient "a@example.com\\r\\nRCPT TO:<b@example.com>"',
      'EENVELOPE',
      false,
      'API',
    ),
    action: 'fail',
    code: 'invalid_message',
    smtpCode: null,
  },
  {
    name: 'EMAXRECIPIENTS',
    error: Object.assign(
      new Error('Message has 1200 recipients, which is over the 1000 allowed by maxRecipients'),
      { code: 'EMAXRECIPIENTS' },
    ),
    action: 'fail',
    code: 'invalid_message',
    smtpCode: null,
  },
  {
    name: 'ESTREAM: the message stream failed',
    error: nodemailerError(new Error('Unexpected end of stream'), 'ESTREAM', false, 'API'),
    action: 'retry',
    code: 'stream_error',
    smtpCode: null,
  },
  {
    name: 'EABORT: the send was cancelled',
    error: Object.assign(new Error('Message sending aborted'), { name: 'AbortError', code: 'EABORT' }),
    action: 'retry',
    code: 'aborted',
    smtpCode: null,
  },
  {
    name: 'EMAXLIMIT: the pooled connection was exhausted',
    error: Object.assign(new Error('Resource exhausted'), { code: 'EMAXLIMIT' }),
    action: 'retry',
    code: 'connection_lost',
    smtpCode: null,
  },
  {
    name: 'ECONNECTION: the pool was closed',
    error: Object.assign(new Error('Connection pool was closed'), { code: 'ECONNECTION' }),
    action: 'retry',
    code: 'connection_lost',
    smtpCode: null,
  },
  // Not nodemailer's.
  {
    name: 'a plain Error',
    error: new Error('boom'),
    action: 'retry',
    code: 'unexpected_error',
    smtpCode: null,
  },
  { name: 'a thrown string', error: 'boom', action: 'retry', code: 'unexpected_error', smtpCode: null },
  { name: 'undefined', error: undefined, action: 'retry', code: 'unexpected_error', smtpCode: null },
];

describe('classifyDeliveryFailure', () => {
  it.each(cases)('$name → $action / $code', ({ error, action, code, smtpCode }) => {
    const failure = classifyDeliveryFailure(error);

    expect({ action: failure.action, code: failure.code, smtpCode: failure.smtpCode }).toEqual({
      action,
      code,
      smtpCode,
    });
    expect(failure.message).not.toBe('');
  });

  it('covers the required reply codes', () => {
    const covered = new Set(
      cases.flatMap(({ error }) => {
        if (!(error instanceof Error)) {
          return [];
        }
        const err: NodemailerError = error;
        return [err.responseCode, ...(err.rejectedErrors ?? []).map((refusal) => refusal.responseCode)];
      }),
    );
    for (const code of [
      421, 450, 451, 452, 454, 500, 501, 503, 550, 551, 552, 553, 554, 555, 521, 530, 534, 535, 538,
    ]) {
      expect(covered).toContain(code);
    }
  });

  describe('message', () => {
    it("gives the server's own words and the step for a refusal", () => {
      const failure = classifyDeliveryFailure(
        nodemailerError(
          'Mail command failed',
          'EENVELOPE',
          '550 5.7.1 Sender address rejected: not owned by user',
          'MAIL FROM',
        ),
      );

      expect(failure.message).toBe('550 5.7.1 Sender address rejected: not owned by user (MAIL FROM)');
    });

    it('lists each refused recipient with its reply when all were refused', () => {
      const failure = classifyDeliveryFailure(
        allRecipientsRefused([
          ['x@example.com', '550 5.1.1 no such user'],
          ['y@example.com', '553 5.1.3 bad address'],
        ]),
      );

      expect(failure.message).toBe(
        'All recipients were refused: x@example.com: 550 5.1.1 no such user; y@example.com: 553 5.1.3 bad address',
      );
    });

    it('reads a multi-line reply as one line', () => {
      const failure = classifyDeliveryFailure(
        nodemailerError(
          'Message failed',
          'EMESSAGE',
          '550-5.7.26 Unauthenticated email is not accepted\n550-5.7.26 from this domain.\n550 5.7.26 See https://support.example.com',
          'DATA',
        ),
      );

      expect(failure.message).toBe(
        '550-5.7.26 Unauthenticated email is not accepted 550-5.7.26 from this domain. 550 5.7.26 See https://support.example.com (DATA)',
      );
    });

    it('keeps the system code of a network error', () => {
      const failure = classifyDeliveryFailure(
        nodemailerError(systemError('certificate has expired', 'CERT_HAS_EXPIRED'), 'ESOCKET', false, 'CONN'),
      );

      expect(failure.message).toBe('certificate has expired (CERT_HAS_EXPIRED)');
    });

    it('says which wait timed out', () => {
      const failure = classifyDeliveryFailure(
        nodemailerError(
          Object.assign(new Error('Greeting never received'), { timeoutType: 'GREETING_TIMEOUT' }),
          'ETIMEDOUT',
          false,
          'CONN',
        ),
      );

      expect(failure.message).toBe('The server sent no greeting in time (ETIMEDOUT)');
    });

    it("keeps only OpenSSL's reason from its error text", () => {
      const failure = classifyDeliveryFailure(
        nodemailerError(
          systemError(
            '804C63D52E7F0000:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:../deps/openssl/openssl/ssl/record/ssl3_record.c:350:\n',
            'ERR_SSL_WRONG_VERSION_NUMBER',
          ),
          'ESOCKET',
          false,
          'CONN',
        ),
      );

      expect(failure.message).toBe('TLS error: wrong version number (ERR_SSL_WRONG_VERSION_NUMBER)');
    });

    it('uses the inner message of an AggregateError', () => {
      const failure = classifyDeliveryFailure(
        nodemailerError(
          Object.assign(
            new AggregateError([systemError('connect ECONNREFUSED 192.0.2.10:587', 'ECONNREFUSED')], ''),
            {
              code: 'ECONNREFUSED',
            },
          ),
          'ESOCKET',
          false,
          'CONN',
        ),
      );

      expect(failure.message).toBe('connect ECONNREFUSED 192.0.2.10:587');
    });

    it('is shortened when the server sends a very long reply', () => {
      const failure = classifyDeliveryFailure(
        nodemailerError('Message failed', 'EMESSAGE', `554 ${'x'.repeat(5000)}`, 'DATA'),
      );

      expect(failure.message.length).toBeLessThanOrEqual(500);
      expect(failure.message.startsWith('554 xxx')).toBe(true);
    });

    it('never carries an AUTH payload, even when the command or the reply echoes it', () => {
      const payload = Buffer.from('\u0000user@example.com\u0000SeCrEt-pw').toString('base64');
      const failure = classifyDeliveryFailure(
        nodemailerError(
          'Invalid login',
          'EAUTH',
          `535 5.7.8 Bad credentials in AUTH PLAIN ${payload}`,
          `AUTH PLAIN ${payload}`,
        ),
      );

      expect(failure.message).not.toContain(payload);
      expect(failure.message).toBe('535 5.7.8 Bad credentials in AUTH PLAIN [redacted] (AUTH PLAIN)');
    });

    it('redacts the known secrets and their base64 form', () => {
      const secret = 'SeCrEt-pw';
      const base64 = Buffer.from(secret).toString('base64');
      const failure = classifyDeliveryFailure(
        nodemailerError('Invalid login', 'EAUTH', `535 password ${secret} (${base64}) refused`, 'AUTH LOGIN'),
        { secrets: [secret] },
      );

      expect(failure.message).toBe('535 password [redacted] ([redacted]) refused (AUTH LOGIN)');
    });

    it('drops the user information of a URL', () => {
      const failure = classifyDeliveryFailure(
        new Error('cannot reach smtps://user:SeCrEt-pw@smtp.example.com:465'),
      );

      expect(failure.message).toBe('cannot reach smtps://[redacted]@smtp.example.com:465');
    });
  });

  it('reads errors built here exactly as nodemailer builds them', () => {
    // The table above relies on `nodemailerError` mirroring nodemailer; compare with the real one
    // so that a nodemailer upgrade that changes the shape fails here.
    const connection = new SMTPConnection({}) as unknown as {
      _formatError(
        message: string | Error,
        type: string,
        response: string | false,
        command: string,
      ): NodemailerError;
    };
    const samples: Array<[string | (() => Error), string, string | false, string]> = [
      ['Mail command failed', 'EENVELOPE', '552 5.3.4 Message size exceeds fixed limit', 'MAIL FROM'],
      ['Invalid login', 'EAUTH', '535 5.7.8 bad', 'AUTH LOGIN'],
      [() => systemError('certificate has expired', 'CERT_HAS_EXPIRED'), 'ESOCKET', false, 'CONN'],
      ['Mail command failed', 'EENVELOPE', '503 5.5.1 Error: nested MAIL command', 'MAIL FROM'],
    ];
    for (const [message, type, response, command] of samples) {
      const real = connection._formatError(
        typeof message === 'string' ? message : message(),
        type,
        response,
        command,
      );
      const ours = nodemailerError(
        typeof message === 'string' ? message : message(),
        type,
        response,
        command,
      );
      const shape = (err: NodemailerError) => ({
        message: err.message,
        code: err.code,
        originalCode: err.originalCode,
        response: err.response,
        responseCode: err.responseCode,
        permanent: err.permanent,
        command: err.command,
      });

      expect(shape(ours)).toEqual(shape(real));
      expect(classifyDeliveryFailure(ours)).toEqual(classifyDeliveryFailure(real));
    }
  });
});
