import { Socket } from 'node:net';
import type {
  SMTPServerOptions,
  SMTPServerAddress,
  SMTPServerAuthentication,
  SMTPServerAuthenticationResponse,
  SMTPServerDataStream,
  SMTPServerSession,
} from 'smtp-server';
import { ClientSockets } from './client-sockets';
import { MessageDelivery } from './received-message';
import { SmtpFault, SmtpStage } from './smtp-fault';
import { SmtpFaultQueue } from './smtp-fault-queue';
import { SmtpSecurity, SmtpUser } from './test-smtp-server.types';

type Reply = (error?: Error | null) => void;
type AuthReply = (error: Error | null | undefined, response?: SMTPServerAuthenticationResponse) => void;

/** What the session handlers need from the server they serve. */
export interface SmtpSessionPolicy {
  security: SmtpSecurity;
  /** Undefined: AUTH is not offered and not required. */
  users: SmtpUser[] | undefined;
  /** Undefined: any sender is accepted. */
  acceptedSenders: string[] | undefined;
  faults: SmtpFaultQueue;
  sockets: ClientSockets;
  /** Stores an accepted message; a rejection makes the client retry later. */
  deliver(raw: Buffer, delivery: MessageDelivery): Promise<void>;
}

/**
 * The smtp-server hooks of the test server: authentication, sender policy, message intake and
 * the queued faults, each applied at the stage the fault names.
 */
export class SmtpSessionHandlers {
  private readonly acceptedSenders: Set<string> | undefined;
  /** Password by username: a server may hold thousands of accounts (the bench's organizations). */
  private readonly passwords: Map<string, string> | undefined;

  constructor(private readonly policy: SmtpSessionPolicy) {
    this.acceptedSenders =
      policy.acceptedSenders && new Set(policy.acceptedSenders.map((address) => address.toLowerCase()));
    this.passwords = policy.users && new Map(policy.users.map((user) => [user.username, user.password]));
  }

  /** The hooks to pass to `new SMTPServer()`. */
  hooks(): Required<
    Pick<
      SMTPServerOptions,
      'onConnect' | 'onSecure' | 'onAuth' | 'onMailFrom' | 'onRcptTo' | 'onData' | 'onClose'
    >
  > {
    return {
      onConnect: (session, reply) => this.onConnect(session, reply),
      onSecure: (socket, session, reply) => this.onSecure(socket, session, reply),
      onAuth: (auth, session, reply) => this.onAuth(auth, session, reply),
      onMailFrom: (address, session, reply) => this.onMailFrom(address, session, reply),
      onRcptTo: (address, session, reply) => this.onRcptTo(address, session, reply),
      onData: (stream, session, reply) => this.onData(stream, session, reply),
      onClose: (session) => this.onClose(session),
    };
  }

  private onConnect(session: SMTPServerSession, reply: Reply): void {
    // On an implicit-TLS server the greeting stage runs in onSecure, where the TLS socket is known.
    if (this.policy.security === 'tls' || !this.faultFired('connect', session, reply)) {
      reply();
    }
  }

  private onSecure(socket: Socket, session: SMTPServerSession, reply: Reply): void {
    this.policy.sockets.secure(session.id, socket);
    if (this.policy.security !== 'tls' || !this.faultFired('connect', session, reply)) {
      reply();
    }
  }

  private onAuth(auth: SMTPServerAuthentication, session: SMTPServerSession, reply: AuthReply): void {
    if (this.faultFired('auth', session, reply)) {
      return;
    }
    const username = auth.username ?? '';
    const password = this.passwords?.get(username);
    if (password === undefined || password !== auth.password) {
      reply(smtpError(535, '5.7.8 Authentication credentials invalid'));
      return;
    }
    reply(null, { user: username });
  }

  private onMailFrom(address: SMTPServerAddress, session: SMTPServerSession, reply: Reply): void {
    if (this.faultFired('mail', session, reply)) {
      return;
    }
    if (this.policy.security === 'starttls' && !session.secure) {
      // Without users AUTH is not offered, so smtp-server would accept MAIL in plaintext.
      reply(smtpError(530, '5.7.0 Must issue a STARTTLS command first'));
      return;
    }
    if (this.acceptedSenders && !this.acceptedSenders.has(address.address.toLowerCase())) {
      reply(smtpError(553, '5.7.1 Sender address rejected: not owned by user'));
      return;
    }
    reply();
  }

  private onRcptTo(address: SMTPServerAddress, session: SMTPServerSession, reply: Reply): void {
    if (!this.faultFired('rcpt', session, reply, address.address)) {
      reply();
    }
  }

  private onData(stream: SMTPServerDataStream, session: SMTPServerSession, reply: Reply): void {
    const chunks: Buffer[] = [];
    const receivedAt = new Date();
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    // The client went away mid-message: there is nothing to store and no one to answer.
    stream.on('error', () => undefined);
    stream.on('end', () => {
      if (this.faultFired('data', session, reply)) {
        return;
      }
      this.policy.deliver(Buffer.concat(chunks), deliveryOf(session, receivedAt)).then(
        () => reply(),
        (error: unknown) =>
          reply(
            smtpError(
              451,
              `4.3.0 Message not stored: ${error instanceof Error ? error.message : String(error)}`,
            ),
          ),
      );
    });
  }

  private onClose(session: SMTPServerSession): void {
    this.policy.sockets.forget(session.id);
  }

  /** Applies the queued fault for this stage, if any; true when it took over the reply. */
  private faultFired(
    stage: SmtpStage,
    session: SMTPServerSession,
    reply: Reply,
    recipient?: string,
  ): boolean {
    const fault = this.policy.faults.take(stage, recipient);
    if (!fault) {
      return false;
    }
    this.apply(fault, session, reply);
    return true;
  }

  private apply(fault: SmtpFault, session: SMTPServerSession, reply: Reply): void {
    switch (fault.action) {
      case 'reply':
        reply(smtpError(fault.code, fault.message.replace(/[\r\n]/g, ' ')));
        return;
      case 'drop': {
        const socket = this.policy.sockets.socketOf(session);
        if (socket) {
          socket.destroy();
        } else {
          reply(smtpError(421, '4.3.0 Test server could not find the socket to drop'));
        }
        return;
      }
      case 'stall':
        // Never calling `reply` leaves the client waiting for an answer to this command.
        return;
    }
  }
}

function deliveryOf(session: SMTPServerSession, receivedAt: Date): MessageDelivery {
  const { mailFrom, rcptTo } = session.envelope;
  return {
    envelope: {
      mailFrom: mailFrom ? mailFrom.address : '',
      rcptTo: rcptTo.map((recipient) => recipient.address),
    },
    authenticatedUser: typeof session.user === 'string' ? session.user : undefined,
    secure: session.secure,
    tlsProtocol: session.tlsOptions ? session.tlsOptions.version : undefined,
    receivedAt,
  };
}

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}
