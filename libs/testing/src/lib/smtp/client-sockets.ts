import { Socket } from 'node:net';

/** Where a session's client is connected from, as smtp-server reports it. */
export interface ClientEndpoint {
  id: string;
  remoteAddress: string;
  remotePort: number;
}

/**
 * The client sockets of one server, so tests can count them and faults can cut them.
 *
 * smtp-server does not hand out a session's socket. The accepted TCP socket comes from the
 * listening `net.Server` ('connection'), keyed by remote address and port like the session; the
 * TLS socket on top of it comes from the `onSecure` hook. A socket must be destroyed from the
 * top: destroying the TCP socket under a TLS socket whose handshake is still running crashes
 * Node (segfault, measured on Node 20), so the TLS socket goes first whenever it is known.
 *
 * Liveness is read from `socket.destroyed` rather than from 'close' listeners, because
 * smtp-server removes every listener from the TCP socket when it upgrades it with STARTTLS.
 */
export class ClientSockets {
  private readonly accepted = new Map<string, Socket>();
  private readonly secured = new Map<string, Socket>();
  private acceptedCount = 0;

  accept(socket: Socket): void {
    this.acceptedCount += 1;
    this.accepted.set(endpointKey(socket.remoteAddress ?? '', socket.remotePort ?? 0), socket);
  }

  /** Records the TLS socket of a session once its handshake is done. */
  secure(sessionId: string, socket: Socket): void {
    this.secured.set(sessionId, socket);
  }

  forget(sessionId: string): void {
    this.secured.delete(sessionId);
  }

  /** The topmost socket of a session: the TLS socket if there is one, else the TCP socket. */
  socketOf(client: ClientEndpoint): Socket | undefined {
    return (
      this.secured.get(client.id) ?? this.accepted.get(endpointKey(client.remoteAddress, client.remotePort))
    );
  }

  /** Client sockets that are open right now. */
  active(): number {
    this.prune();
    return this.accepted.size;
  }

  /** Client sockets ever accepted. */
  total(): number {
    return this.acceptedCount;
  }

  /**
   * Destroys every client socket, TLS sockets first. Call it after `SMTPServer.close()`, which
   * destroys the sockets still in an implicit-TLS handshake from the top.
   */
  destroyAll(): void {
    for (const socket of this.secured.values()) {
      socket.destroy();
    }
    this.secured.clear();
    for (const socket of this.accepted.values()) {
      socket.destroy();
    }
    this.prune();
  }

  private prune(): void {
    for (const [key, socket] of this.accepted) {
      if (socket.destroyed) {
        this.accepted.delete(key);
      }
    }
  }
}

function endpointKey(address: string, port: number): string {
  // smtp-server reports IPv4 clients of a dual-stack listener without the ::ffff: prefix.
  return `${address.replace(/^::ffff:/i, '')}|${port}`;
}
