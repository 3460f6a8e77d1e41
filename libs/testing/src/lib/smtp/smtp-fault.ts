/**
 * The SMTP stage a fault is injected at:
 * - `connect`: before the 220 greeting (after the handshake on an implicit-TLS server);
 * - `auth`: the AUTH command, before the credentials are checked;
 * - `mail`: MAIL FROM;
 * - `rcpt`: RCPT TO (optionally of one recipient only);
 * - `data`: after the whole message body arrived, before the final reply.
 */
export type SmtpStage = 'connect' | 'auth' | 'mail' | 'rcpt' | 'data';

interface SmtpFaultBase {
  stage: SmtpStage;
  /** How many times in a row the fault fires at its stage. Default 1. */
  times?: number;
}

/** Answer the stage with this reply instead of going on. At `connect` the server then closes the connection. */
export interface SmtpReplyFault extends SmtpFaultBase {
  action: 'reply';
  /** A 4xx (transient) or 5xx (permanent) SMTP reply code. */
  code: number;
  /** Reply text, e.g. `4.3.2 Try again later`. One line. */
  message: string;
  /** For `rcpt` only: refuse just this address (case-insensitive) and accept the others. */
  recipient?: string;
}

/** Destroy the client's socket at that stage, without a reply. */
export interface SmtpDropFault extends SmtpFaultBase {
  action: 'drop';
}

/** Never answer that stage; the connection stays open until the client gives up or the server closes. */
export interface SmtpStallFault extends SmtpFaultBase {
  action: 'stall';
}

/** A misbehaviour queued with `TestSmtpServer.failNext`. */
export type SmtpFault = SmtpReplyFault | SmtpDropFault | SmtpStallFault;

const STAGES: readonly SmtpStage[] = ['connect', 'auth', 'mail', 'rcpt', 'data'];

/** Throws a descriptive error for a fault that could not do what its author meant. */
export function assertValidFault(fault: SmtpFault): void {
  if (!STAGES.includes(fault.stage)) {
    throw new Error(`Unknown SMTP stage "${String(fault.stage)}"; use one of ${STAGES.join(', ')}`);
  }
  if (fault.times !== undefined && (!Number.isInteger(fault.times) || fault.times < 1)) {
    throw new Error(`times must be a positive integer, got ${fault.times}`);
  }
  switch (fault.action) {
    case 'reply':
      if (!Number.isInteger(fault.code) || fault.code < 400 || fault.code > 599) {
        throw new Error(`A reply fault needs a 4xx or 5xx code, got ${fault.code}`);
      }
      if (!fault.message || /[\r\n]/.test(fault.message)) {
        throw new Error('A reply fault needs a one-line message');
      }
      if (fault.recipient !== undefined && fault.stage !== 'rcpt') {
        throw new Error(`recipient only applies to the rcpt stage, not ${fault.stage}`);
      }
      return;
    case 'drop':
    case 'stall':
      return;
    default:
      throw new Error(`Unknown fault action "${String((fault as { action: unknown }).action)}"`);
  }
}
