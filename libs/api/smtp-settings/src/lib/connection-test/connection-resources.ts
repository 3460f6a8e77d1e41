import type { Socket } from 'node:net';

/**
 * Every socket one connection test opens, so that all of them are destroyed when the test ends,
 * whichever way it ends (success, failure, deadline). A socket tracked after the end, by work
 * that lost a race with the deadline, is destroyed at once.
 */
export class ConnectionResources {
  private readonly sockets = new Set<Socket>();
  private closed = false;

  track<S extends Socket>(socket: S): S {
    // An unhandled 'error' event would crash the process; the session reports errors itself.
    socket.on('error', () => undefined);
    if (this.closed) {
      socket.destroy();
      return socket;
    }
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
    return socket;
  }

  /** Sockets not yet closed. */
  get openCount(): number {
    return this.sockets.size;
  }

  destroyAll(): void {
    this.closed = true;
    for (const socket of this.sockets) {
      socket.destroy();
    }
    this.sockets.clear();
  }
}
