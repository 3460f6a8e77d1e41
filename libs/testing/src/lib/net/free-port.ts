import { createServer } from 'node:net';

/**
 * Asks the kernel for a port that is free right now on `host` (default 127.0.0.1).
 * Another process may take it before the caller binds it: callers that start an external server
 * on it retry with a new port when binding fails. Prefer port 0 where the server allows it.
 */
export function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => (port > 0 ? resolve(port) : reject(new Error(`No free port found on ${host}`))));
    });
  });
}
