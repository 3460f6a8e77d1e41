import { connectionTestHints as hints } from './connection-test-hints';
import { describeFailure, type FailureContext } from './failure-description';
import {
  SmtpConnectionClosedError,
  SmtpProtocolError,
  SmtpSocketError,
  SmtpTimeoutError,
} from './smtp-errors';
import { StageFailure } from './stage-outcome';

const tls: FailureContext = { host: 'smtp.example.com', port: 587, security: 'tls' };
const starttls: FailureContext = { host: 'smtp.example.com', port: 465, security: 'starttls' };
const stepBudget = { ms: 10_000, limitedByDeadline: false, deadlineMs: 30_000 };

function systemError(code: string, message: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), { code, ...extra });
}

describe('describeFailure', () => {
  it('keeps a stage runner’s own failure as it is', () => {
    const failure = new StageFailure('detail', null);
    expect(describeFailure('auth', failure, tls)).toBe(failure);
  });

  it('reports a plaintext answer to implicit TLS with the STARTTLS hint for the port', () => {
    const error = systemError('ERR_SSL_WRONG_VERSION_NUMBER', 'long openssl text', {
      reason: 'wrong version number',
    });
    const failure = describeFailure('tls', error, tls);
    expect(failure.detail).toBe('TLS handshake failed (ERR_SSL_WRONG_VERSION_NUMBER): wrong version number');
    expect(failure.hint).toEqual(hints.plaintextServer(587));
  });

  it('reports a server that only speaks old TLS', () => {
    const error = systemError('ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION', 'x', {
      reason: 'tlsv1 alert protocol version',
    });
    expect(describeFailure('tls', error, tls).hint).toEqual(hints.tlsVersionTooOld());
  });

  it('hints at implicit TLS when a STARTTLS test gets no greeting on port 465', () => {
    const timeout = new SmtpTimeoutError(
      { ms: 10_000, limitedByDeadline: false, deadlineMs: 30_000 },
      'the greeting',
    );
    const failure = describeFailure('greeting', timeout, starttls);
    expect(failure.detail).toBe('timed out after 10000 ms waiting for the greeting');
    expect(failure.hint).toEqual(hints.implicitTlsExpected(465));
    expect(describeFailure('greeting', new SmtpConnectionClosedError('the greeting'), starttls).hint).toEqual(
      hints.implicitTlsExpected(465),
    );
  });

  it('tells a step timeout from the whole test running out', () => {
    expect(describeFailure('send', new SmtpTimeoutError(stepBudget, 'x'), tls).hint).toEqual(
      hints.stepTimeout(),
    );
    const deadline = new SmtpTimeoutError({ ms: 5, limitedByDeadline: true, deadlineMs: 30_000 }, 'x');
    expect(describeFailure('send', deadline, tls).hint).toEqual(hints.deadlineExceeded());
    expect(describeFailure('connect', deadline, tls).hint).toEqual(hints.connectTimeout(587));
  });

  it('maps connection errors to what the admin can check', () => {
    expect(describeFailure('connect', systemError('ECONNREFUSED', 'connect ECONNREFUSED'), tls).hint).toEqual(
      hints.connectionRefused(587),
    );
    expect(describeFailure('connect', systemError('EHOSTUNREACH', 'x'), tls).hint).toEqual(
      hints.hostUnreachable(),
    );
    const reset = new SmtpSocketError(systemError('ECONNRESET', 'read ECONNRESET'), 'the reply to EHLO');
    const failure = describeFailure('ehlo', reset, tls);
    expect(failure.detail).toBe(
      'connection error (ECONNRESET) while Mailroute waited for the reply to EHLO: read ECONNRESET',
    );
    expect(failure.hint).toEqual(hints.connectionClosed());
  });

  it('reports a protocol violation with the server’s text', () => {
    const failure = describeFailure('greeting', new SmtpProtocolError('not SMTP: "x"'), tls);
    expect(failure.detail).toBe('not SMTP: "x"');
    expect(failure.hint).toEqual(hints.notSmtp('tls', 587));
  });

  it('falls back to a generic hint for anything else', () => {
    const failure = describeFailure('auth', new Error('something odd'), tls);
    expect(failure).toMatchObject({ detail: 'something odd', hint: hints.unexpected() });
  });
});
