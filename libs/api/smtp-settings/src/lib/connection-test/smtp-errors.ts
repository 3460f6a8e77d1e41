import type { StepBudget } from './deadline';

/**
 * Errors of the connection test's own SMTP client. Their messages name what Mailroute was waiting
 * for (`the reply to AUTH`), never the command line itself: a command may carry credentials.
 */

/** A step, or the whole test, ran out of time. */
export class SmtpTimeoutError extends Error {
  constructor(
    readonly budget: StepBudget,
    readonly waitingFor: string,
  ) {
    super(
      budget.limitedByDeadline
        ? `timed out after ${budget.deadlineMs} ms (the limit of the whole connection test) waiting for ${waitingFor}`
        : `timed out after ${budget.ms} ms waiting for ${waitingFor}`,
    );
    this.name = 'SmtpTimeoutError';
  }
}

/** The server closed the connection while Mailroute waited for something. */
export class SmtpConnectionClosedError extends Error {
  constructor(readonly waitingFor: string) {
    super(`the server closed the connection while Mailroute waited for ${waitingFor}`);
    this.name = 'SmtpConnectionClosedError';
  }
}

/** The server sent something that is not SMTP, or more than a sane server would. */
export class SmtpProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SmtpProtocolError';
  }
}

/** The connection failed (reset, broken pipe…) while Mailroute waited for something. */
export class SmtpSocketError extends Error {
  /** The system code, e.g. `ECONNRESET`, or null. */
  readonly code: string | null;

  constructor(cause: Error, waitingFor: string) {
    const code = errorCode(cause);
    super(
      `connection error${code ? ` (${code})` : ''} while Mailroute waited for ${waitingFor}: ${cause.message}`,
    );
    this.name = 'SmtpSocketError';
    this.code = code;
  }
}

/** The `code` of a Node.js error (`ECONNREFUSED`, `ERR_SSL_WRONG_VERSION_NUMBER`…), or null. */
export function errorCode(error: unknown): string | null {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return null;
}
