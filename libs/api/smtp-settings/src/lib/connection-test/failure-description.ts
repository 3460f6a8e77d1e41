import type { ConnectionTestStage, LocalizedText, SmtpSecurityMode } from '@mailroute/shared/contracts';
import { connectionTestHints as hints } from './connection-test-hints';
import { printable } from './display-text';
import {
  errorCode,
  SmtpConnectionClosedError,
  SmtpProtocolError,
  SmtpSocketError,
  SmtpTimeoutError,
} from './smtp-errors';
import { StageFailure } from './stage-outcome';

export interface FailureContext {
  host: string;
  port: number;
  security: SmtpSecurityMode;
}

/**
 * A failure that the stage runner did not describe itself (timeouts, dropped connections,
 * protocol violations, system errors), turned into the stage's detail and hint.
 */
export function describeFailure(
  stage: ConnectionTestStage,
  error: unknown,
  context: FailureContext,
): StageFailure {
  if (error instanceof StageFailure) {
    return error;
  }
  if (error instanceof SmtpTimeoutError) {
    return new StageFailure(error.message, timeoutHint(stage, error, context));
  }
  if (error instanceof SmtpConnectionClosedError) {
    return new StageFailure(error.message, closedHint(stage, context));
  }
  if (error instanceof SmtpProtocolError) {
    return new StageFailure(error.message, hints.notSmtp(context.security, context.port));
  }
  const code = error instanceof SmtpSocketError ? error.code : errorCode(error);
  const hint = (code ? systemErrorHint(stage, code, context) : null) ?? hints.unexpected();
  if (stage === 'tls' && code !== null && /^ERR_(SSL|OSSL)_/.test(code)) {
    return new StageFailure(`TLS handshake failed (${code}): ${opensslReason(error)}`, hint);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new StageFailure(printable(message, 300), hint);
}

/** OpenSSL's short reason (`wrong version number`) rather than its whole error stack line. */
function opensslReason(error: unknown): string {
  const reason = (error as { reason?: unknown }).reason;
  if (typeof reason === 'string' && reason !== '') {
    return printable(reason, 200);
  }
  return printable(error instanceof Error ? error.message : String(error), 300);
}

function timeoutHint(
  stage: ConnectionTestStage,
  error: SmtpTimeoutError,
  context: FailureContext,
): LocalizedText {
  if (stage === 'connect') {
    return hints.connectTimeout(context.port);
  }
  if (stage === 'greeting' && context.security === 'starttls') {
    // A TLS server waits for our handshake and never greets a plaintext client.
    return hints.implicitTlsExpected(context.port);
  }
  return error.budget.limitedByDeadline ? hints.deadlineExceeded() : hints.stepTimeout();
}

function closedHint(stage: ConnectionTestStage, context: FailureContext): LocalizedText {
  if (stage === 'tls' && context.security === 'tls') {
    return hints.plaintextServer(context.port);
  }
  if (stage === 'greeting' && context.security === 'starttls' && context.port === 465) {
    return hints.implicitTlsExpected(context.port);
  }
  return hints.connectionClosed();
}

function systemErrorHint(
  stage: ConnectionTestStage,
  code: string,
  context: FailureContext,
): LocalizedText | null {
  switch (code) {
    case 'ECONNREFUSED':
      return hints.connectionRefused(context.port);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EADDRNOTAVAIL':
      return hints.hostUnreachable();
    case 'ETIMEDOUT':
      return hints.connectTimeout(context.port);
    case 'ECONNRESET':
    case 'EPIPE':
      return stage === 'tls' && context.security === 'tls'
        ? hints.plaintextServer(context.port)
        : hints.connectionClosed();
    default:
      return stage === 'tls' ? tlsErrorHint(code, context) : null;
  }
}

/** OpenSSL failures of the handshake itself (certificate problems are reported after it). */
function tlsErrorHint(code: string, context: FailureContext): LocalizedText {
  if (/WRONG_VERSION_NUMBER|PACKET_LENGTH_TOO_LONG|RECORD_LAYER_FAILURE|HTTP_REQUEST/.test(code)) {
    // The bytes that came back are not TLS: most often the server's plaintext greeting.
    return context.security === 'tls'
      ? hints.plaintextServer(context.port)
      : hints.tlsHandshakeFailed('starttls');
  }
  if (/PROTOCOL_VERSION|UNSUPPORTED_PROTOCOL|NO_PROTOCOLS_AVAILABLE/.test(code)) {
    return hints.tlsVersionTooOld();
  }
  if (/PEM|ASN1|X509|NO_START_LINE|BAD_BASE64/.test(code)) {
    return hints.invalidCaCertificate();
  }
  return hints.tlsHandshakeFailed(context.security);
}
