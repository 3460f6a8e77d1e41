import { createServer, Socket } from 'node:net';

/** A TCP server that accepts connections and never sends a byte. */
export interface BlackholeServer {
  readonly host: string;
  readonly port: number;
  /** Client sockets open right now. */
  activeConnections(): number;
  /** Client sockets accepted since the server started. */
  totalConnections(): number;
  /** Destroys every client socket and stops listening. Idempotent. */
  close(): Promise<void>;
}

/**
 * Starts a server that takes connections and stays silent, for "the server never greets" and
 * connect-timeout tests. Listens on 127.0.0.1 and a free port unless told otherwise.
 */
export function startBlackholeServer(
  options: { host?: string; port?: number } = {},
): Promise<BlackholeServer> {
  const host = options.host ?? '127.0.0.1';
  const sockets = new Set<Socket>();
  let total = 0;
  const server = createServer((socket) => {
    total += 1;
    sockets.add(socket);
    // A client that gives up resets the connection; that is the expected outcome here.
    socket.on('error', () => undefined);
    // Reads and drops what the client sends: unread bytes (a TLS ClientHello) would hold back the
    // end of the stream, so a client that hangs up would never be seen to leave.
    socket.resume();
  });
  const active = (): number => {
    for (const socket of sockets) {
      if (socket.destroyed) {
        sockets.delete(socket);
      }
    }
    return sockets.size;
  };

  let closing: Promise<void> | undefined;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve({
        host,
        port: typeof address === 'object' && address !== null ? address.port : 0,
        activeConnections: active,
        totalConnections: () => total,
        close: () => {
          closing ??= new Promise<void>((resolveClose) => {
            server.close(() => resolveClose());
            for (const socket of sockets) {
              socket.destroy();
            }
          });
          return closing;
        },
      });
    });
  });
}
