import type { Socket } from 'node:net';
import { TLSSocket } from 'node:tls';
import type { StepBudget } from './deadline';
import {
  SmtpConnectionClosedError,
  SmtpProtocolError,
  SmtpSocketError,
  SmtpTimeoutError,
} from './smtp-errors';
import { describeReply, type SmtpReply, SmtpReplyReader } from './smtp-reply';
import type { VerifiedTlsSocket } from './tls-handshake';

interface PendingRead {
  waitingFor: string;
  resolve(reply: SmtpReply): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/** Replies nobody asked for that are kept; a server that floods them is cut off. */
const MAX_UNSOLICITED_REPLIES = 8;

type SessionFailure = { kind: 'closed' } | { kind: 'error'; error: Error };

/**
 * One SMTP conversation over a socket: send a command, await its reply within a budget. No
 * pipelining: each command waits for its reply, which keeps every stage's outcome unambiguous.
 *
 * Commands that carry credentials or mail are refused unless the socket is TLS whose certificate
 * and host name were verified (`requireVerifiedTls`), whatever the caller did before.
 */
export class SmtpSession {
  private socket: Socket;
  private verifiedTls: boolean;
  private readonly reader = new SmtpReplyReader();
  private readonly replies: SmtpReply[] = [];
  private pending: PendingRead | null = null;
  private failure: SessionFailure | null = null;

  private readonly onData = (chunk: Buffer): void => this.receive(chunk);
  private readonly onError = (error: Error): void => this.fail({ kind: 'error', error });
  private readonly onClose = (): void => this.fail({ kind: 'closed' });

  private constructor(socket: Socket, verifiedTls: boolean) {
    this.socket = socket;
    this.verifiedTls = verifiedTls;
    this.attach(socket);
  }

  /** A session over plain TCP, until STARTTLS upgrades it. */
  static plaintext(socket: Socket): SmtpSession {
    return new SmtpSession(socket, false);
  }

  /** A session over implicit TLS that verified. */
  static overVerifiedTls(socket: VerifiedTlsSocket): SmtpSession {
    return new SmtpSession(socket, true);
  }

  get isVerifiedTls(): boolean {
    return this.verifiedTls && this.socket instanceof TLSSocket && this.socket.authorized;
  }

  /** Throws unless the session runs over verified TLS: call before AUTH, MAIL, RCPT and DATA. */
  requireVerifiedTls(): void {
    if (!this.isVerifiedTls) {
      throw new Error('Refusing to continue: the connection is not protected by verified TLS');
    }
  }

  /** The next reply from the server (the greeting, or a reply already asked for). */
  readReply(budget: StepBudget, waitingFor: string): Promise<SmtpReply> {
    const queued = this.replies.shift();
    if (queued) {
      return Promise.resolve(queued);
    }
    if (this.failure) {
      return Promise.reject(this.errorFor(this.failure, waitingFor));
    }
    if (this.pending) {
      return Promise.reject(new Error(`Already waiting for ${this.pending.waitingFor}`));
    }
    return new Promise<SmtpReply>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending = null;
        // After a timeout the conversation is out of step: nothing more can be trusted on it.
        this.socket.destroy();
        reject(new SmtpTimeoutError(budget, waitingFor));
      }, budget.ms);
      this.pending = { waitingFor, resolve, reject, timer };
    });
  }

  /**
   * Sends one command line and returns its reply. `waitingFor` names the reply in errors; the
   * line itself never appears in an error, since it may hold credentials.
   */
  command(line: string, budget: StepBudget, waitingFor: string): Promise<SmtpReply> {
    if (/[\r\n]/.test(line)) {
      return Promise.reject(new Error('Refusing to send an SMTP command that contains a line break'));
    }
    return this.write(Buffer.from(`${line}\r\n`, 'utf8'), budget, waitingFor);
  }

  /** Sends raw bytes (the dot-stuffed message and its terminator) and returns the reply. */
  sendData(data: Buffer, budget: StepBudget, waitingFor: string): Promise<SmtpReply> {
    return this.write(data, budget, waitingFor);
  }

  /**
   * Hands the plaintext socket over for the STARTTLS handshake. Refuses when the server sent
   * anything after its reply to STARTTLS: those bytes would be read as if they came through TLS
   * (plaintext command injection, CVE-2011-0411 and its client-side kin).
   */
  detachForTls(): Socket {
    if (this.replies.length > 0 || this.reader.hasPartialReply) {
      throw new SmtpProtocolError(
        'the server sent data after accepting STARTTLS, before the TLS handshake (refused: it could be injected)',
      );
    }
    this.detach(this.socket);
    return this.socket;
  }

  /** Continues the conversation over the verified TLS socket that replaced the plaintext one. */
  continueOverVerifiedTls(socket: VerifiedTlsSocket): void {
    this.socket = socket;
    this.verifiedTls = true;
    this.failure = null;
    this.attach(socket);
  }

  /** Ends the conversation now (no QUIT). Idempotent. */
  destroy(): void {
    this.socket.destroy();
  }

  private write(data: Buffer, budget: StepBudget, waitingFor: string): Promise<SmtpReply> {
    if (this.failure) {
      return Promise.reject(this.errorFor(this.failure, waitingFor));
    }
    const unsolicited = this.replies[0];
    if (unsolicited) {
      // RFC 5321 §3.8: a server may announce 421 and close at any time; any other reply
      // nobody asked for means the conversation is out of step.
      return unsolicited.code === 421
        ? this.readReply(budget, waitingFor)
        : Promise.reject(
            new SmtpProtocolError(`the server sent a reply nobody asked for: ${describeReply(unsolicited)}`),
          );
    }
    const reply = this.readReply(budget, waitingFor);
    this.socket.write(data);
    return reply;
  }

  private attach(socket: Socket): void {
    socket.on('data', this.onData);
    socket.on('error', this.onError);
    socket.on('close', this.onClose);
  }

  private detach(socket: Socket): void {
    socket.off('data', this.onData);
    socket.off('error', this.onError);
    socket.off('close', this.onClose);
  }

  private receive(chunk: Buffer): void {
    let replies: SmtpReply[];
    try {
      replies = this.reader.push(chunk);
    } catch (error) {
      this.fail({ kind: 'error', error: error as Error });
      this.socket.destroy();
      return;
    }
    for (const reply of replies) {
      const pending = this.pending;
      if (pending) {
        this.pending = null;
        clearTimeout(pending.timer);
        pending.resolve(reply);
      } else if (this.replies.length < MAX_UNSOLICITED_REPLIES) {
        this.replies.push(reply);
      } else {
        this.fail({
          kind: 'error',
          error: new SmtpProtocolError('the server sent a flood of replies nobody asked for'),
        });
        this.socket.destroy();
        return;
      }
    }
  }

  private fail(failure: SessionFailure): void {
    // The first cause is the one worth reporting (an error is followed by a close).
    this.failure ??= failure;
    const pending = this.pending;
    if (pending) {
      this.pending = null;
      clearTimeout(pending.timer);
      pending.reject(this.errorFor(this.failure, pending.waitingFor));
    }
  }

  private errorFor(failure: SessionFailure, waitingFor: string): Error {
    if (failure.kind === 'closed') {
      return new SmtpConnectionClosedError(waitingFor);
    }
    return failure.error instanceof SmtpProtocolError
      ? failure.error
      : new SmtpSocketError(failure.error, waitingFor);
  }
}
