/**
 * Reading a send error of unknown type into the fields nodemailer 10 sets. Every property is
 * checked, because a failed send may also reject with a plain Error, a string, or anything else.
 *
 * What nodemailer 10 sets (read from `smtp-connection`, `smtp-transport` and `smtp-pool`):
 * - `code`: its own category (`ECONNECTION`, `ETIMEDOUT`, `ESOCKET`, `EDNS`, `ETLS`, `EPROTOCOL`,
 *   `EENVELOPE`, `EMESSAGE`, `ESTREAM`, `EAUTH`, `ENOAUTH`, `EABORT`, …);
 * - `originalCode`: the system code it replaced, e.g. `ECONNREFUSED` or `CERT_HAS_EXPIRED` under
 *   `ESOCKET`, `ENOTFOUND` under `EDNS`;
 * - `response` / `responseCode`: the server's reply line(s) and its number, when one was received;
 * - `command`: the step that failed: an SMTP verb (`MAIL FROM`, `RCPT TO`, `DATA`, `EHLO`,
 *   `STARTTLS`, `AUTH PLAIN`…), `CONN` (the connection itself) or `API` (refused before sending);
 * - `timeoutType` on `ETIMEDOUT`: `CONNECT_TIMEOUT`, `GREETING_TIMEOUT`, `UPGRADE_TIMEOUT`,
 *   `SOCKET_TIMEOUT`;
 * - on "all recipients were rejected" (`EENVELOPE`, `RCPT TO`): `rejected` and `rejectedErrors`,
 *   one error per refused recipient with its own `recipient`, `response` and `responseCode`.
 */

export interface RecipientRefusal {
  recipient: string | null;
  responseCode: number | null;
  response: string | null;
}

export interface SmtpFailure {
  code: string | null;
  originalCode: string | null;
  /** The reply code, when it is a real one (200–599). */
  responseCode: number | null;
  response: string | null;
  command: string | null;
  timeoutType: string | null;
  message: string;
  rejectedErrors: RecipientRefusal[];
}

type Fields = Record<string, unknown>;

export function readSmtpFailure(error: unknown): SmtpFailure {
  if (typeof error !== 'object' || error === null) {
    return {
      code: null,
      originalCode: null,
      responseCode: null,
      response: null,
      command: null,
      timeoutType: null,
      message: typeof error === 'string' ? error : `Unexpected failure: ${String(error)}`,
      rejectedErrors: [],
    };
  }
  const fields = error as Fields;
  return {
    code: stringField(fields, 'code'),
    originalCode: stringField(fields, 'originalCode'),
    responseCode: replyCode(fields),
    response: stringField(fields, 'response'),
    command: stringField(fields, 'command'),
    timeoutType: stringField(fields, 'timeoutType'),
    message: errorMessage(fields),
    rejectedErrors: Array.isArray(fields['rejectedErrors']) ? fields['rejectedErrors'].map(readRefusal) : [],
  };
}

function readRefusal(entry: unknown): RecipientRefusal {
  if (typeof entry !== 'object' || entry === null) {
    return { recipient: null, responseCode: null, response: null };
  }
  const fields = entry as Fields;
  return {
    recipient: stringField(fields, 'recipient'),
    responseCode: replyCode(fields),
    response: stringField(fields, 'response') ?? stringField(fields, 'message'),
  };
}

function stringField(fields: Fields, key: string): string | null {
  const value = fields[key];
  return typeof value === 'string' && value !== '' ? value : null;
}

/** `responseCode`, or the number a `response` starts with (nodemailer derives it the same way). */
function replyCode(fields: Fields): number | null {
  const declared = fields['responseCode'];
  const response = fields['response'];
  const code =
    typeof declared === 'number'
      ? declared
      : typeof response === 'string'
        ? Number(/^(\d{3})[ -]/.exec(response)?.[1])
        : NaN;
  return Number.isInteger(code) && code >= 200 && code <= 599 ? code : null;
}

/**
 * The error's own message. Node reports a connection that failed on every address of a host as an
 * AggregateError with an empty message (nodemailer keeps it as is), so the first inner error's
 * message is used then.
 */
function errorMessage(fields: Fields): string {
  const own = stringField(fields, 'message');
  if (own) {
    return own;
  }
  const inner = Array.isArray(fields['errors']) ? (fields['errors'] as unknown[])[0] : undefined;
  if (typeof inner === 'object' && inner !== null) {
    const innerMessage = stringField(inner as Fields, 'message');
    if (innerMessage) {
      return innerMessage;
    }
  }
  return 'Unknown failure';
}
