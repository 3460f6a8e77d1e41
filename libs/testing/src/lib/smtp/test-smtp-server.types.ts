import { TestCertificate } from '../tls/test-certificate';
import { ReceivedMessage } from './received-message';
import { SmtpFault } from './smtp-fault';

/**
 * How the server protects the session:
 * - `tls`: implicit TLS from the first byte (port 465 style);
 * - `starttls`: plaintext greeting, STARTTLS offered and required before AUTH and MAIL;
 * - `plain`: no TLS offered at all, to prove the product refuses such a server.
 */
export type SmtpSecurity = 'tls' | 'starttls' | 'plain';

/** A mailbox account of the test server. */
export interface SmtpUser {
  username: string;
  password: string;
}

/** Options of `startTestSmtpServer`. */
export interface TestSmtpServerOptions {
  /** Default `tls`. */
  security?: SmtpSecurity;
  /** When given, AUTH PLAIN/LOGIN is required before MAIL and wrong credentials get 535. */
  users?: SmtpUser[];
  /** Default: one self-signed certificate for `localhost` and 127.0.0.1, shared by the process. */
  certificate?: TestCertificate;
  /** Name in the 220 greeting and the EHLO reply. Default `localhost`. */
  serverName?: string;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0 (a free port, read it from `port`). */
  port?: number;
  /** When given, MAIL FROM of any other address gets `553 5.7.1 Sender address rejected: not owned by user`. */
  acceptedSenders?: string[];
  /**
   * Called with each accepted message before the final 250 reply; if it throws or rejects, the
   * client gets `451 4.3.0` and may retry. Lets a standalone catcher store messages durably.
   */
  onMessage?: (message: ReceivedMessage) => void | Promise<void>;
  /** Keep messages in `messages`. Default true; a long-running catcher turns it off to bound memory. */
  retainMessages?: boolean;
  /**
   * Parse each message (needed by `messages`, `waitForMessages` and `onMessage`). Default true. A
   * benchmark sink turns it off: messages are then only counted (`acceptedMessages`), so the
   * server's own parsing does not set the pace of what is measured.
   */
  parseMessages?: boolean;
  /** Called with the running count of accepted messages, just before each 250 reply. */
  onAccepted?: (count: number) => void;
  /** Idle timeout of a client session. Default 60 000 ms (smtp-server's). */
  socketTimeoutMs?: number;
}

/** A running SMTP server on a local port, with what it received and fault injection. */
export interface TestSmtpServer {
  readonly host: string;
  readonly port: number;
  readonly security: SmtpSecurity;
  /** PEM certificate a client must trust (`tls.ca`) to verify this server. */
  readonly ca: string;
  /** Accepted messages in arrival order (a snapshot). */
  readonly messages: ReceivedMessage[];
  /** Resolves with all messages once at least `count` arrived; rejects after `timeoutMs` (default 5000) listing what did. */
  waitForMessages(count: number, options?: { timeoutMs?: number }): Promise<ReceivedMessage[]>;
  /** Forgets the received messages. Queued faults stay; see `clearFaults`. */
  clear(): void;
  /** Queues a fault for the stage it names. Throws at once for a fault that cannot work. */
  failNext(fault: SmtpFault): void;
  clearFaults(): void;
  /** Fault firings still queued: 0 once every injected fault has happened. */
  pendingFaults(): number;
  /** Client sockets open right now, including those still in the TLS handshake. */
  activeConnections(): number;
  /** Client sockets accepted since the server started. */
  totalConnections(): number;
  /** Messages answered with 250 since the server started, parsed or not (`clear` does not reset it). */
  acceptedMessages(): number;
  /** Destroys every client socket and stops listening. Idempotent. */
  close(): Promise<void>;
}
